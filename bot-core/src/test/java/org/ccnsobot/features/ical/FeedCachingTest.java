package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed server as calendar apps poll it: validators, 304s, HEAD, file names, and plain-text errors. */
class FeedCachingTest {
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

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnchangedFeedAnswers304ToItsETagOrDateAndAChangeAnswersInFull() throws Exception {
        HttpResponse<String> first = get("/calendar.ics");
        String etag = first.headers().firstValue("etag").orElseThrow();
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();
        assertThat(lastModified).isEqualTo("Fri, 1 Mar 2024 12:00:00 GMT");

        clock.advance(Duration.ofHours(1));  // a new DTSTAMP, the same content
        HttpResponse<String> again = get("/calendar.ics", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/calendar.ics", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/calendar.ics", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        var e = bot.calendar().event("icann79-council-public-meeting").orElseGet(() ->
                bot.calendar().store().allEvents().get(0));
        bot.calendar().saveEvent(e.withStatus(EventStatus.CANCELLED));
        HttpResponse<String> changed = get("/calendar.ics", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("etag")).isPresent().get().isNotEqualTo(etag);
        assertThat(changed.headers().firstValue("last-modified")).hasValue("Fri, 1 Mar 2024 13:00:00 GMT");
    }

    @Test
    void headGivesTheLengthAndASingleEventItsFileName() throws Exception {
        String id = bot.calendar().store().allEvents().get(0).id();
        HttpResponse<String> get = get("/events/" + id + ".ics");
        assertThat(get.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"" + id + ".ics\"");
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(base + "/calendar.ics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length").orElseThrow())
                .isEqualTo(get("/calendar.ics").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void badPathsAnswerPlainTextWithoutExceptionNames() throws Exception {
        // (a malformed escape such as /events/%zz.ics: FeedStampsTest)
        assertThat(raw("/calendar.ics")).startsWith("HTTP/1.1 200");
        HttpResponse<String> missing = get("/events/nope.ics");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }

    /** A request the JDK's client refuses to send (a malformed escape), over a socket. */
    private String raw(String path) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void feedsTellSubscribersHowOftenToLookAgain() throws Exception {
        assertThat(get("/calendar.ics").body()).contains("\r\nX-PUBLISHED-TTL:PT1H\r\n",
                "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
        try (FeedServer every30m = FeedServer.start("127.0.0.1", 0, bot.calendar(), clock, Duration.ofMinutes(30))) {
            String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + every30m.port()
                    + "/meetings/ICANN79.ics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("\r\nX-PUBLISHED-TTL:PT30M\r\n", "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT30M\r\n");
        }
    }
}
