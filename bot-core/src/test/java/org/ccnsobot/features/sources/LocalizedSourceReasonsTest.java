package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.sources.SchedServer.sched;
import static org.ccnsobot.features.sources.SchedServer.send;
import static org.ccnsobot.features.sources.SourcesTest.DASC;
import static org.ccnsobot.features.sources.SourcesTest.GRC;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 1 (i18n14d): why a look at a source failed is kept as data and worded for its reader: in the
 * staff member's language in {@code sources}, in the staff channel's configured language in the channel's notice
 * after three failures in a row (and its recovery). Real JDK HttpServer on 127.0.0.1, real SQLite file.
 */
class LocalizedSourceReasonsTest {
    @TempDir
    Path dir;
    SchedServer server;
    BotFixture bot;

    @BeforeEach
    void open() throws Exception {
        server = new SchedServer();
        server.serveIcs(sched(GRC, DASC));
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    /** The bot with {@code source}, a staff channel "staff" on platform "test" whose posts are in {@code lang}. */
    private void start(SourceConfig source, String lang) throws Exception {
        ObjectNode test = new ObjectMapper().createObjectNode();
        test.putObject("staffChannel").put("id", "staff").put("language", lang);
        bot = BotFixture.builder().platform("test", p -> p.withChannel(ChannelRole.STAFF, "staff"))
                .config(c -> c.withSources(List.of(source)).withPlatforms(Map.of("test", test))).open(dir);
        bot.start(false);
    }

    private static SourceConfig icann79(String url) {
        return new SourceConfig("icann79", URI.create(url), "ICANN79", Duration.ofMinutes(15), List.of());
    }

    private String staffIn(String tag, String text) {
        return bot.bot().handle(Invocation.text(BotFixture.STAFF, BotFixture.CONSOLE, text, bot.clock().instant())
                .withLocale(Locale.forLanguageTag(tag))).text();
    }

    private List<String> staffChannel() {
        return bot.platform("test").texts();
    }

    @Test
    void sourcesInSpanishAfterA404SaysWhyInSpanish() throws Exception {
        start(icann79(server.url("/all.ics")), "en");
        bot.fire();
        server.answer(x -> send(x, 404, "text/html", "<h1>gone</h1>".getBytes(StandardCharsets.UTF_8)));
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();

        assertThat(staffIn("es", "sources")).contains("última consulta 2024-03-01 12:15 UTC: error: respondió HTTP 404;"
                + " próxima consulta 2024-03-01 12:30 UTC").doesNotContain("answered");
        assertThat(staffIn("fr", "sources")).contains("échec : a répondu HTTP 404");
        assertThat(staffIn("en", "sources")).contains("failed: answered HTTP 404; next look 2024-03-01 12:30 UTC");
    }

    @Test
    void sourcesInSpanishAfterATimeoutSaysWhyInSpanish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.answer(x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        start(new SourceConfig("slow", URI.create(server.url("/all.ics")), "ICANN79", Duration.ofMinutes(15),
                List.of(), Duration.ofSeconds(1)), "en");
        try {
            bot.fire();
        } finally {
            release.countDown();
        }
        assertThat(staffIn("es", "sources")).contains("última consulta 2024-03-01 12:00 UTC: error: no respondió en"
                + " 1 s; próxima consulta 2024-03-01 12:15 UTC").doesNotContain("did not answer");
        assertThat(staffIn("en", "sources")).contains("failed: did not answer within 1 s");
    }

    @Test
    void sourcesInSpanishAfterARedirectElsewhereOrHtmlSaysWhyInSpanish() throws Exception {
        start(icann79(server.url("/all.ics")), "en");
        bot.fire();
        server.answer(x -> {
            x.getResponseHeaders().set("Location", "https://127.0.0.1:" + x.getLocalAddress().getPort() + "/all.ics");
            x.sendResponseHeaders(301, -1);
        });
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();
        assertThat(staffIn("es", "sources")).contains("error: redirige a https://127.0.0.1:",
                ", otro esquema u otro host; si la fuente se ha movido, cambia su url");

        server.answer(x -> send(x, 200, "text/html", "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)));
        bot.clock().advance(Duration.ofMinutes(30));
        bot.fire();
        assertThat(staffIn("es", "sources")).contains("error: devolvió HTML (una página web), no iCalendar",
                "(2 fallos seguidos)");

        // a body the iCalendar reader refuses: the reader's own reason, in Spanish too
        server.answer(x -> send(x, 200, "text/calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                .getBytes(StandardCharsets.UTF_8)));
        bot.clock().advance(Duration.ofMinutes(60));
        bot.fire();
        assertThat(staffIn("es", "sources")).contains("error: no es un iCalendar utilizable: línea 2: BEGIN:VEVENT"
                + " nunca se cierra");
    }

    @Test
    void aFrenchStaffChannelHearsOfThreeFailuresAndTheRecoveryInFrench() throws Exception {
        start(icann79(server.url("/all.ics")), "fr");
        bot.fire();
        server.answer(x -> send(x, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
        for (int minutes : new int[] {15, 15, 30}) {
            bot.clock().advance(Duration.ofMinutes(minutes));
            bot.fire();
        }
        assertThat(staffChannel()).containsExactly("La source icann79 a échoué 3 fois d'affilée ; le calendrier garde"
                + " ce qu'il avait. Dernier échec : a répondu HTTP 500. Prochaine consultation 2024-03-01 14:00 UTC.");
        // a staff member reading in Spanish still gets Spanish from sources: the reason was kept as data
        assertThat(staffIn("es", "sources")).contains("error: respondió HTTP 500", "(3 fallos seguidos)");

        server.serveIcs(sched(GRC, DASC));
        bot.clock().advance(Duration.ofMinutes(60));
        bot.fire();
        assertThat(staffChannel()).hasSize(2);
        // the server answers 304 to the validators the bot kept from before the failures
        assertThat(staffChannel().get(1)).isEqualTo("La source icann79 répond de nouveau après 3 échecs : inchangée"
                + " (pas modifiée depuis la dernière consultation)");
    }
}
