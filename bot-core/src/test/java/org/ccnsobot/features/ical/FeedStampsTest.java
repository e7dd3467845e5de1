package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds stamp each event with its last change (V10 events.updated_at), not the time of the request, so an unchanged
 * feed is byte for byte the same however often it is fetched; each feed is named for what it holds.
 */
class FeedStampsTest {
    private static final Pattern UID_STAMP = Pattern.compile("DTSTAMP:(\\d{8}T\\d{6}Z)\r\nUID:([^\r\n]+)\r\n");

    @TempDir
    java.nio.file.Path dir;
    Bot bot;
    ManualClock clock;
    FeedServer server;
    HttpClient client;
    String base;

    @BeforeEach
    void open() throws Exception {
        clock = new ManualClock(Instant.parse("2024-03-01T12:00:00Z"));
        bot = BotFixture.seedBot(dir, clock);
        server = FeedServer.start("127.0.0.1", 0, bot.calendar(), clock);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void close() {
        server.close();
        bot.close();
    }

    private String body(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static String stampOf(String body, String uid) {
        Matcher m = UID_STAMP.matcher(body);
        while (m.find()) {
            if (m.group(2).equals(uid)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + uid + " in the feed");
    }

    /** Puts every event's last change an hour back (a change within the same second would not show). */
    private void ageEveryEvent() {
        try (org.ccnsobot.store.Database db = org.ccnsobot.store.Database.open(bot.databaseFile())) {
            db.transaction(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("UPDATE events SET updated_at = 1700000000000");
                }
            });
        }
    }

    @Test
    void anUnchangedFeedIsByteForByteTheSameAndAChangeRestampsOnlyItsEvent() throws Exception {
        ageEveryEvent();
        String first = body("/calendar.ics");
        clock.advance(Duration.ofHours(3));
        String second = body("/calendar.ics");
        assertThat(second).isEqualTo(first);
        assertThat(stampOf(first, "icann79-council-meeting@ccnso-bot")).isEqualTo("20231114T221320Z");
        assertThat(first).doesNotContain("DTSTAMP:20240301");

        Event council = bot.calendar().event("icann79-council-meeting").orElseThrow();
        bot.calendar().saveEvent(new Event(council.id(), council.title(), council.kind(), council.meetingCode(),
                council.start(), council.end(), council.date(), council.zone(), "Room 101", council.access(),
                council.description(), council.committees(), council.links(), council.status(), council.source(),
                council.sourceUid(), council.sequence() + 1));
        String third = body("/calendar.ics");
        assertThat(stampOf(third, "icann79-council-meeting@ccnso-bot")).isNotEqualTo("20231114T221320Z");
        // every other event keeps its stamp
        assertThat(UID_STAMP.matcher(third).results().filter(r -> !r.group(2).startsWith("icann79-council-meeting@"))
                .map(r -> r.group(1)).distinct().toList()).containsExactly("20231114T221320Z");

        // saving an event unchanged changes nothing, stamp included
        bot.calendar().saveAll(new org.ccnsobot.features.calendar.CalendarData(List.of(), List.of(),
                bot.calendar().store().allEvents(), List.of()));
        assertThat(body("/calendar.ics")).isEqualTo(third);
    }

    @Test
    void eachFeedIsNamedForWhatItHolds() throws Exception {
        assertThat(body("/calendar.ics")).contains("\r\nX-WR-CALNAME:ccNSO — all sessions\r\n");
        assertThat(body("/meetings/ICANN79.ics")).contains("\r\nX-WR-CALNAME:ccNSO — ICANN79\r\n");
        assertThat(body("/committees/grc.ics"))
                .contains("\r\nX-WR-CALNAME:ccNSO — Guidelines Review Committee (GRC)\r\n");
        Event council = bot.calendar().event("icann79-council-meeting").orElseThrow();
        assertThat(body("/events/icann79-council-meeting.ics"))
                .contains("\r\nX-WR-CALNAME:ccNSO — " + council.title() + "\r\n");
    }

    @Test
    void anExportImportedBackUnderItsNewNameChangesNothing() throws Exception {
        List<Event> before = BotFixture.snapshot(bot);
        ImportReport r = new IcsImporter(bot.calendar()).importBytes(body("/calendar.ics")
                .getBytes(StandardCharsets.UTF_8), "calendar.ics", ImportOptions.defaults());
        assertThat(r.added()).isEmpty();
        assertThat(r.updated()).isEmpty();
        assertThat(BotFixture.snapshot(bot)).isEqualTo(before);
    }

    /**
     * A malformed percent-escape is a bad request, said in one plain-text line (the JDK's HttpServer, used before,
     * answered it itself with an HTML page naming URISyntaxException); a well-formed escape that names nothing is a
     * plain-text 404.
     */
    @Test
    void aMalformedEscapeIsAPlainTextBadRequestAndAWellFormedUnknownOneA404() throws Exception {
        for (String bad : List.of("/committees/%zz.ics", "/calendar.ics%", "/events/%G1.ics")) {
            String answer = rawAnswer(bad);
            assertThat(answer).as(bad).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("\r\nContent-Type: text/plain; charset=utf-8\r\n")
                    .endsWith("\r\n\r\nbad request: the path is not a valid URI")
                    .doesNotContain("Exception").doesNotContain("<h1>");
        }
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(base + "/committees/%ff.ics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(unknown.body()).isEqualTo("no such feed\n");
    }

    private String rawAnswer(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
