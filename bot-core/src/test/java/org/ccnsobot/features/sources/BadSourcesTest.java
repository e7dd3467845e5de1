package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.sources.SchedServer.sched;
import static org.ccnsobot.features.sources.SchedServer.send;
import static org.ccnsobot.features.sources.SourcesTest.DASC;
import static org.ccnsobot.features.sources.SourcesTest.GRC;
import static org.ccnsobot.testing.BotFixture.snapshot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Every kind of bad answer a source can give: one clear line in {@code sources}, the calendar as it was, and the
 * next look on schedule. The server is real (127.0.0.1); so is the SQLite file.
 */
class BadSourcesTest {
    private static final byte[] NOT_UTF8 = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
            + "DTSTART:20240302T130000Z\r\nSUMMARY:Fran").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    SchedServer server;
    BotFixture bot;

    @BeforeEach
    void open() throws Exception {
        server = new SchedServer();
        server.serveIcs(sched(GRC, DASC));
        SourceConfig source = new SourceConfig("icann79", URI.create(server.url("/all.ics")), "ICANN79",
                Duration.ofMinutes(15), List.of());
        bot = BotFixture.builder().config(c -> c.withSources(List.of(source))).open(dir);
        bot.start(false);
        bot.fire();
        assertThat(snapshot(bot.bot())).filteredOn(e -> "ics:icann79".equals(e.source())).hasSize(2);
    }

    @AfterEach
    void close() {
        ours.detachAppender(log);
        bot.close();
        server.close();
    }

    /** What the bot logs (its staff read the log), from the moment a test starts listening. */
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.ccnsobot");

    private void listen() {
        log.start();
        ours.addAppender(log);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The bot again, on its own file, with {@code source} as its one source, and its first look taken. */
    private void reopen(SourceConfig source) throws Exception {
        bot.close();
        bot = BotFixture.builder().config(c -> c.withSources(List.of(source))).open(dir.resolve("again"));
        bot.start(false);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("404", (SchedServer.Answer) x -> send(x, 404, "text/html", "<h1>gone</h1>".getBytes()),
                        "failed: answered HTTP 404"),
                Arguments.of("500", (SchedServer.Answer) x -> send(x, 500, "text/plain", "boom".getBytes()),
                        "failed: answered HTTP 500"),
                Arguments.of("HTML", (SchedServer.Answer) x -> send(x, 200, "text/html",
                        "<!DOCTYPE html><html><body>Log in</body></html>".getBytes()),
                        "failed: answered HTML (a web page), not iCalendar"),
                Arguments.of("empty 200", (SchedServer.Answer) x -> send(x, 200, "text/calendar", new byte[0]),
                        "failed: answered an empty body"),
                Arguments.of("not UTF-8", (SchedServer.Answer) x -> {
                    byte[] body = java.util.Arrays.copyOf(NOT_UTF8, NOT_UTF8.length + 1);
                    body[body.length - 1] = (byte) 0xE7;  // ç in Latin-1
                    send(x, 200, "text/calendar", body);
                }, "failed: answered bytes that are not UTF-8 text"),
                Arguments.of("not iCalendar", (SchedServer.Answer) x -> send(x, 200, "text/calendar",
                        "hello".getBytes()), "failed: answered something that is not iCalendar"),
                Arguments.of("broken iCalendar", (SchedServer.Answer) x -> send(x, 200, "text/calendar",
                        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".getBytes()), "failed: is not usable iCalendar"),
                Arguments.of("50 MB declared", (SchedServer.Answer) x -> {
                    x.sendResponseHeaders(200, 50L * 1024 * 1024);
                    x.getResponseBody().write(new byte[1024]);
                }, "failed: is 50 MiB; the limit is 32 MiB"),
                Arguments.of("50 MB streamed", (SchedServer.Answer) BadSourcesTest::stream50MiB,
                        "failed: is larger than the limit of 32 MiB"),
                Arguments.of("redirect to another host", (SchedServer.Answer) x -> {
                    x.getResponseHeaders().set("Location", "http://localhost:" + x.getLocalAddress().getPort()
                            + "/all.ics");
                    x.sendResponseHeaders(302, -1);
                }, "failed: redirects to http://localhost:"),
                Arguments.of("redirect to another scheme", (SchedServer.Answer) x -> {
                    x.getResponseHeaders().set("Location", "https://127.0.0.1:" + x.getLocalAddress().getPort()
                            + "/all.ics");
                    x.sendResponseHeaders(301, -1);
                }, "failed: redirects to https://127.0.0.1:"));
    }

    private static void stream50MiB(com.sun.net.httpserver.HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/calendar");
        x.sendResponseHeaders(200, 0);
        byte[] chunk = ("BEGIN:VCALENDAR\r\n" + "X".repeat(65_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = x.getResponseBody()) {
            for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the bot hung up at its limit: that is the point
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void aBadAnswerIsOneLineAndChangesNothing(String what, SchedServer.Answer answer, String line) throws Exception {
        List<Event> before = snapshot(bot.bot());
        server.answer(answer);
        listen();
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();

        assertThat(snapshot(bot.bot())).isEqualTo(before);
        // the log has the same one line, once per failed look
        assertThat(warnings()).singleElement().asString().contains("Source icann79", line);
        String sources = bot.staff("sources").text();
        assertThat(sources).contains(line, "next look 2024-03-01 12:30 UTC").doesNotContain("Exception");
        assertThat(sources.lines()).hasSize(2);
        // the next look happens as scheduled, and a good answer is taken again
        server.serveIcs(sched(GRC, DASC, SourcesTest.TECH));
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();
        assertThat(snapshot(bot.bot())).filteredOn(e -> "ics:icann79".equals(e.source())).hasSize(3);
        assertThat(warnings()).as("a good look logs no warning").hasSize(1);
    }

    @Test
    void anUnreachableHostIsOneLineThroughTheBotsOwnWatcher() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        reopen(new SourceConfig("elsewhere", URI.create("http://127.0.0.1:" + port + "/all.ics"), null,
                Duration.ofMinutes(15), List.of()));
        List<Event> before = snapshot(bot.bot());
        listen();
        bot.fire();
        String sources = bot.staff("sources").text();
        assertThat(sources.lines()).hasSize(2);
        assertThat(sources).contains("last look 2024-03-01 12:00 UTC: failed: cannot be reached: the connection was"
                + " refused; next look 2024-03-01 12:15 UTC").doesNotContain("Exception");
        assertThat(snapshot(bot.bot())).isEqualTo(before);
        assertThat(warnings()).singleElement().asString().contains("Source elsewhere", "connection was refused");
        // the next look happens as scheduled (and backs off after it)
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();
        assertThat(bot.staff("sources").text()).contains("last look 2024-03-01 12:15 UTC: failed: cannot be reached",
                "(2 failures in a row); next look 2024-03-01 12:45 UTC");
        assertThat(warnings()).hasSize(2);
        assertThat(snapshot(bot.bot())).isEqualTo(before);
    }

    @Test
    void aSourceThatDoesNotAnswerInItsTimeoutIsOneLineThroughTheBotsOwnWatcher() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.answer(x -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reopen(new SourceConfig("slow", URI.create(server.url("/all.ics")), "ICANN79", Duration.ofMinutes(15),
                List.of(), Duration.ofSeconds(1)));
        List<Event> before = snapshot(bot.bot());
        listen();
        try {
            bot.fire();
        } finally {
            release.countDown();
        }
        String sources = bot.staff("sources").text();
        assertThat(sources.lines()).hasSize(2);
        assertThat(sources).contains("last look 2024-03-01 12:00 UTC: failed: did not answer within 1 s; next look"
                + " 2024-03-01 12:15 UTC").doesNotContain("Exception");
        assertThat(snapshot(bot.bot())).isEqualTo(before);
        assertThat(warnings()).singleElement().asString().contains("Source slow", "did not answer within 1 s");
        // on schedule, a source that answers again is taken
        server.serveIcs(sched(GRC, DASC));
        bot.clock().advance(Duration.ofMinutes(15));
        bot.fire();
        assertThat(snapshot(bot.bot())).filteredOn(e -> "ics:slow".equals(e.source())).hasSize(2);
    }

    @Test
    void aRedirectOnTheSameHostIsFollowed() throws Exception {
        String ics = sched(GRC, DASC, SourcesTest.TECH);
        server.answer(x -> {
            if (x.getRequestURI().getPath().equals("/moved.ics")) {
                send(x, 200, "text/calendar", ics.getBytes(StandardCharsets.UTF_8));
            } else {
                x.getResponseHeaders().set("Location", "/moved.ics");
                x.sendResponseHeaders(302, -1);
            }
        });
        // the one session is Tech Day, which takes the seed's date-only Tech Day's place
        assertThat(bot.staff("sync icann79").text()).contains("1 updated").contains("[icann79-tech-day]");
    }
}
