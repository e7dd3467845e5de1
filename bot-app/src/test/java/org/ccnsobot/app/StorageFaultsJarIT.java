package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's start against storage that cannot serve: one line on standard error, a non-zero exit, nothing left. */
class StorageFaultsJarIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config/calendar")) && Files.exists(p.resolve("bot-app/target/ccnso-bot.jar"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root with bot-app/target/ccnso-bot.jar not found");
    }

    private Run run(String input, String... args) throws IOException, InterruptedException {
        Path root = projectRoot();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("bot-app/target/ccnso-bot.jar").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("CCNSO_LOG_LEVEL", "WARN");
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFirstStartWithABadCalendarLeavesNoDatabaseFile() throws Exception {
        Path calendar = Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(calendar.resolve("bad.yaml"), "committees:\n  - acronym: GRC\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path cfg = dir.resolve("bot.yaml");
        Files.writeString(cfg, "database: " + data.resolve("bot.db") + "\ncalendar: " + calendar + "\n");
        Run r = run("next\n", "console", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: the calendar cannot be loaded; nothing was changed:");
        assertThat(files(data)).as("no database file, no temporary one").isEmpty();
    }

    @Test
    void aReadOnlyDatabaseIsRefusedAtStartInOneLineAndLeftUntouched() throws Exception {
        Path db = dir.resolve("bot.db");
        Run first = run("committees\n", "console", "--db", db.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(db);
        boolean immutable = false;
        db.toFile().setWritable(false, false);
        if (Files.isWritable(db)) {
            // root: modes do not stop it, the immutable attribute does
            db.toFile().setWritable(true, false);
            Process p = new ProcessBuilder("chattr", "+i", db.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            immutable = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(!Files.isWritable(db), "cannot make a file read-only here (root without chattr)");
        try {
            Run r = run("event add \"X\" --date 2024-03-05\n", "console", "--db", db.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("error: " + db + ": is read-only, and the bot must write to its database;"
                    + " make it writable for the user the bot runs as\n");
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", db.toString()).start().waitFor(10, TimeUnit.SECONDS);
            } else {
                db.toFile().setWritable(true, false);
            }
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
