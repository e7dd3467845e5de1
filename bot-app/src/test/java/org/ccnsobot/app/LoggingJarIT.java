package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's log on standard error: INFO by default, one line per act, none for a member's mistakes; text or JSON. */
class LoggingJarIT {
    private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-discord-token-value";
    /** Mistakes a member or staff member makes: each is answered, and none is logged. */
    private static final String SLIPS = "frobnicate\nevent add \"X\" --date soon\nevent cancel nope\ntimezone Mars/Base\n"
            + "next --frob\n";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> logLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config/calendar")) && Files.exists(p.resolve("bot-app/target/ccnso-bot.jar"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root with bot-app/target/ccnso-bot.jar not found");
    }

    private Run run(Map<String, String> env, String input, String... args) throws IOException, InterruptedException {
        Path root = projectRoot();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("bot-app/target/ccnso-bot.jar").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("CCNSO_LOG_LEVEL");
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the console exits at end of input").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path config(String extra) throws IOException {
        Path cfg = dir.resolve("bot.yaml");
        Files.writeString(cfg, "database: " + dir.resolve("bot.db") + "\ncalendar: " + projectRoot().resolve("config/calendar")
                + "\n" + extra);
        return cfg;
    }

    @Test
    void infoByDefaultOneLinePerActAndNothingForTheSlipsOfMembers() throws Exception {
        Run r = run(Map.of(), SLIPS, "console", "--now", "2024-02-10T12:00:00Z", "--config", config("").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("'soon' is not a date", "No event with id 'nope'");
        List<String> lines = r.logLines();
        assertThat(lines).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  .*"), "INFO lines");
        assertThat(lines).anyMatch(l -> l.contains("Seeded the calendar from"))
                .anyMatch(l -> l.contains("Planned reminders for 26 event(s)"))
                .anyMatch(l -> l.contains("Outbox started on"))
                .noneMatch(l -> l.contains("frobnicate") || l.contains("soon") || l.contains("nope") || l.contains("Mars"));

        // the same start with no slips logs the same acts: the slips added nothing
        Run quiet = run(Map.of(), "", "console", "--now", "2024-02-10T12:00:00Z", "--config", config("").toString());
        assertThat(quiet.logLines()).hasSameSizeAs(run(Map.of(), SLIPS, "console", "--now", "2024-02-10T12:00:00Z",
                "--config", config("").toString()).logLines());
    }

    @Test
    void ccnsoLogLevelOverridesTheConfig() throws Exception {
        Run r = run(Map.of("CCNSO_LOG_LEVEL", "warn"), "next\n", "console", "--now", "2024-02-10T12:00:00Z",
                "--config", config("logging: {level: DEBUG}\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();

        Run bad = run(Map.of("CCNSO_LOG_LEVEL", "chatty"), "next\n", "console", "--config", config("").toString());
        assertThat(bad.exit()).isOne();
        assertThat(bad.err()).isEqualTo("error: CCNSO_LOG_LEVEL: 'chatty' is not a log level (ERROR, WARN, INFO, DEBUG, TRACE)\n");
    }

    @Test
    void jsonIsOneObjectALineAndNoSecretEvenAtTrace() throws Exception {
        Path cfg = config("logging:\n  level: TRACE\n  format: json\ndiscord:\n  token: ${DISCORD_TOKEN}\n"
                + "  guildId: \"123456789012345678\"\n  announcementChannel: \"123456789012345679\"\n");
        Run r = run(Map.of("DISCORD_TOKEN", TOKEN), SLIPS + "next\n", "console", "--now", "2024-02-10T12:00:00Z",
                "--config", cfg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.logLines()) {
            lines.add(json.readTree(l));
        }
        assertThat(lines).isNotEmpty().allMatch(n -> n.has("timestamp") && n.has("level") && n.has("loggerName")
                && n.has("formattedMessage"));
        assertThat(lines).anyMatch(n -> n.get("level").asText().equals("INFO")
                && n.get("formattedMessage").asText().startsWith("Seeded the calendar from"));
        assertThat(r.err() + r.out()).doesNotContain(TOKEN).doesNotContain("secret-discord-token");
    }
}
