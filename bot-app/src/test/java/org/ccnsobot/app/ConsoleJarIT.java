package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar, started as the README starts it, from the project folder, with scripted input. */
class ConsoleJarIT {
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
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the console exits at end of input").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theJarAnswersScriptedQuestionsOnAFreshDatabase() throws Exception {
        Path db = dir.resolve("fresh/ccnso-bot.db");
        Run r = run("when is the next council meeting?\nwhat's on tech day\ngrc\n",
                "console", "--now", "2024-02-10T12:00:00Z", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ccNSO Council meeting 202\nWhen: Thu 15 Feb 2024 18:00 UTC (in 5 days)")
                .contains("Tech Day\nWhen: Mon 4 Mar 2024 (time not yet announced) · San Juan")
                .contains("Guidelines Review Committee (GRC)");
        assertThat(db).exists();
    }

    @Test
    void withNoSubcommandAndNoPlatformTheConsoleRuns() throws Exception {
        Path cfg = dir.resolve("bot.yaml");
        Files.writeString(cfg, "database: " + dir.resolve("default.db") + "\n");
        Run r = run("committees\n", "--config", cfg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ccNSO committees and working groups:").contains("GRC — Guidelines Review Committee");
    }

    @Test
    void checkConfigOnTheProjectsOwnConfig() throws Exception {
        Run r = run("", "check-config");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("config OK: config/ccnso-bot.yaml");
    }

    @Test
    void aDatabaseThatIsNotSqliteStopsTheJarWithANonZeroExit() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.writeString(bad, "not a database");
        Run r = run("next\n", "console", "--db", bad.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains(bad.toString()).contains("not a SQLite database");
        assertThat(Files.readString(bad)).isEqualTo("not a database");
    }

    @Test
    void aSqliteFileOfAnotherApplicationIsRefusedInOneLineAndLeftByteForByteAsItWas() throws Exception {
        Path foreign = dir.resolve("other-app.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("INSERT INTO foo(name) VALUES ('theirs')");
        }
        byte[] before = Files.readAllBytes(foreign);
        for (String[] args : List.of(new String[] {"console", "--db", foreign.toString()},
                new String[] {"import", "config/calendar/icann79.yaml", "--db", foreign.toString()})) {
            Run r = run("next\n", args);
            assertThat(r.exit()).as(String.join(" ", args)).isNotZero();
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains(foreign.toString()).contains("another application");
            assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
            assertThat(dir.resolve("other-app.db-wal")).doesNotExist();
            assertThat(dir.resolve("other-app.db-shm")).doesNotExist();
        }
    }
}
