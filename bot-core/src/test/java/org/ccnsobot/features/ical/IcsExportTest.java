package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.testing.BotFixture.schedSample;
import static org.ccnsobot.testing.BotFixture.snapshot;
import static org.ccnsobot.testing.BotFixture.staff;

import com.sun.net.httpserver.HttpServer;
import org.ccnsobot.testing.BotFixture;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export validates with ical4j and round-trips through the importer; feeds serve the same over HTTP on 127.0.0.1. */
class IcsExportTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path dir;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir.resolve("one"), new ManualClock(NOW));
        new IcsImporter(bot.calendar()).importBytes(schedSample().getBytes(StandardCharsets.UTF_8), "s.ics",
                new ImportOptions(null, ZoneId.of("America/Puerto_Rico"), null, false));
        assertThat(staff(bot, "event add \"GRC working session, part 1; with a \\\\ backslash\" --date 2024-03-05"
                + " --start 10:30 --end 12:00 --meeting ICANN79 --room \"209 ABC\" --committees GRC,IGLC --access closed"
                + " --description \"Line one, with commas; and semicolons\"").text()).startsWith("Added");
        assertThat(staff(bot, "event cancel icann79-dasc-working-session").text()).startsWith("Cancelled");
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private static String export(Bot b) {
        return IcsExporter.export("ccnso-bot", b.calendar().store().allEvents(), NOW);
    }

    @Test
    void anExportImportedIntoAFreshDatabaseExportsIdentically() throws Exception {
        String first = export(bot);
        assertThat(new CalendarBuilder().build(new StringReader(first)).validate().hasErrors()).isFalse();
        assertThat(first).contains("DTSTART;VALUE=DATE:20240305").contains("STATUS:CANCELLED")
                .contains("X-CCNSO-ZONE:America/Puerto_Rico");
        // RFC 5545: content lines are folded at 75 octets, with CRLF line endings.
        assertThat(first.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(first).contains("\r\n ");

        try (Bot fresh = BotFixture.seedBot(dir.resolve("two"), new ManualClock(NOW))) {
            ImportReport r = new IcsImporter(fresh.calendar()).importBytes(first.getBytes(StandardCharsets.UTF_8),
                    "export.ics", ImportOptions.defaults());
            assertThat(r.added()).hasSize(6);
            assertThat(export(fresh)).isEqualTo(first);
            List<Event> a = sortedContent(snapshot(bot));
            List<Event> b = sortedContent(snapshot(fresh));
            assertThat(b).isEqualTo(a);
        }
    }

    /** Events without their provenance (which feed they came from), ordered by id. */
    private static List<Event> sortedContent(List<Event> events) {
        return events.stream().map(e -> new Event(e.id(), e.title(), e.kind(), e.meetingCode(), e.start(), e.end(),
                e.date(), e.zone(), e.room(), e.access(), e.description(), e.committees(), e.links(), e.status(), null,
                null, e.sequence())).sorted(Comparator.comparing(Event::id)).toList();
    }

    @Test
    void theIcsCommandGivesOneEventAndTheFeedLinkWhenFeedsAreOn() {
        String reply = staff(bot, "ics icann79-council-meeting").text();
        assertThat(reply).contains("BEGIN:VCALENDAR").contains("UID:icann79-council-meeting@ccnso-bot")
                .contains("DTSTART;VALUE=DATE:20240307").doesNotContain("\r");
        assertThat(BotFixture.ask(bot, "ics nope")).startsWith("No event with id 'nope'");
    }

    @Test
    void feedsAreServedAsTextCalendarOnLoopback() throws Exception {
        try (FeedServer server = FeedServer.start("127.0.0.1", 0, bot.calendar(), bot.clock())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> all = client.send(HttpRequest.newBuilder(URI.create(base + "/calendar.ics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("content-type")).hasValue("text/calendar; charset=utf-8");
            // the feed is the export plus the hint of how often to look again (feeds.refresh, default 1h)
            // (named for what it holds, each event stamped with its last change)
            assertThat(all.body()).isEqualTo(IcsExporter.export("ccNSO — all sessions",
                    bot.calendar().store().allEvents(), bot.calendar().store().lastChanges(null), NOW, null)
                    .replace("X-WR-TIMEZONE:UTC\r\n",
                    "X-WR-TIMEZONE:UTC\r\nX-PUBLISHED-TTL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));

            HttpResponse<String> meeting = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/meetings/ICANN79.ics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(meeting.statusCode()).isEqualTo(200);
            assertThat(meeting.body()).contains("X-WR-CALNAME:ccNSO — ICANN79").contains("X-CCNSO-MEETING:ICANN79")
                    .doesNotContain("Info Desk");
            HttpResponse<String> grc = client.send(HttpRequest.newBuilder(URI.create(base + "/committees/grc.ics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(grc.body()).contains("GRC working session").doesNotContain("UID:icann79-uac");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/committees/NOPE.ics")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/etc/passwd")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/calendar.ics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void importFromAUrlOnLoopbackWithTheSizeCap() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        byte[] body = schedSample().replace("jococruise2024", "jococruise-url").getBytes(StandardCharsets.UTF_8);
        server.createContext("/all.ics", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/big.ics", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                for (int i = 0; i < 200; i++) {
                    ex.getResponseBody().write(chunk);
                }
            } catch (java.io.IOException e) {
                // the client stopped reading at the cap
            }
            ex.close();
        });
        server.createContext("/gone.ics", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            IcsImporter small = new IcsImporter(bot.calendar(), new IcsLimits(1024 * 1024, 256 * 1024, 4, 20_000,
                    5_000, 500, java.time.Period.ofYears(2)));
            ImportReport r = small.importUrl(URI.create(base + "/all.ics"), ImportOptions.defaults(), Duration.ofSeconds(10));
            assertThat(r.source()).isEqualTo("jococruise-url");
            assertThat(r.added()).hasSize(5);
            List<Event> before = snapshot(bot);
            assertThatThrownBy(() -> small.importUrl(URI.create(base + "/big.ics"), ImportOptions.defaults(),
                    Duration.ofSeconds(10))).isInstanceOf(IcsException.class).hasMessageContaining("the limit is 1.0 MiB");
            assertThatThrownBy(() -> small.importUrl(URI.create(base + "/gone.ics"), ImportOptions.defaults(),
                    Duration.ofSeconds(10))).hasMessageContaining("answered HTTP 404");
            assertThatThrownBy(() -> small.importUrl(URI.create("file:///etc/passwd"), ImportOptions.defaults(),
                    Duration.ofSeconds(10))).hasMessageContaining("not an http(s) address");
            assertThat(snapshot(bot)).isEqualTo(before);
            // the staff command takes the same URL
            assertThat(staff(bot, "import " + base + "/all.ics --dry-run").text())
                    .startsWith("Dry run of jococruise-url (nothing was changed): 0 would be added");
        } finally {
            server.stop(0);
        }
    }
}
