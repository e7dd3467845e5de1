package org.ccnsobot.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ccnsobot.config.LoggingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** logback as {@link Logging} sets it up, its console appender captured. */
class LoggingTest {
    private static final String TOKEN = "xoxb-1234567890-abcdefSECRET";
    private final Logger bot = LoggerFactory.getLogger("org.ccnsobot.bot.Bot");
    private final Logger library = LoggerFactory.getLogger("net.dv8tion.jda.Library");
    private final PrintStream realErr = System.err;
    private final PrintStream realOut = System.out;

    @AfterEach
    void restore() {
        System.setErr(realErr);
        System.setOut(realOut);
        Logging.apply(LoggingConfig.defaults(), List.of());
    }

    /** What the console appender writes (to standard error in the jar; to standard output under bot-core's test set-up). */
    private String captured(LoggingConfig config, Runnable logs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            Logging.apply(config, List.of(TOKEN));
            logs.run();
        } finally {
            System.setErr(realErr);
            System.setOut(realOut);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textAtInfoShowsTheBotsInfoButNotItsDebugNorALibrarysInfo() {
        String out = captured(LoggingConfig.defaults(), () -> {
            bot.info("Connected to {}", "discord");
            bot.debug("a detail");
            library.info("library chatter");
            library.warn("library trouble");
        });
        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  o.ccnsobot.bot.Bot - Connected to discord\n.*")
                .contains("WARN  n.d.jda.Library - library trouble").doesNotContain("a detail", "chatter");
    }

    @Test
    void jsonIsOneObjectALineWithTheFormattedMessage() throws Exception {
        String out = captured(new LoggingConfig("DEBUG", LoggingConfig.Format.JSON), () -> {
            bot.info("Connected to {}", "slack");
            bot.debug("a detail");
            bot.error("Delivery failed", new IllegalStateException("boom"));
        });
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("loggerName").asText()).isEqualTo("org.ccnsobot.bot.Bot");
        assertThat(first.get("formattedMessage").asText()).isEqualTo("Connected to slack");
        assertThat(first.get("timestamp").asLong()).isPositive();
        assertThat(json.readTree(lines.get(1)).get("level").asText()).isEqualTo("DEBUG");
        JsonNode third = json.readTree(lines.get(2));
        assertThat(third.get("throwable").get("message").asText()).isEqualTo("boom");
    }

    @Test
    void levelErrorQuietsEvenTheLibrariesWarnings() {
        String out = captured(new LoggingConfig("ERROR", LoggingConfig.Format.TEXT), () -> {
            bot.warn("bot warning");
            library.warn("library warning");
            bot.error("bot error");
        });
        assertThat(out.lines().toList()).hasSize(1).allMatch(l -> l.endsWith("bot error"));
    }

    @Test
    void aSecretValueThatReachesALogLineIsMaskedInTextAndInJson() {
        for (LoggingConfig.Format f : LoggingConfig.Format.values()) {
            String out = captured(new LoggingConfig("INFO", f), () -> {
                bot.warn("calling https://slack.com/api?token={}", TOKEN);
                bot.error("failed", new RuntimeException("bad token " + TOKEN));
            });
            assertThat(out).as(f.name()).doesNotContain(TOKEN).contains("token=****", "bad token ****");
        }
    }
}
