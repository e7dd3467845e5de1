package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.app.admin.AdminServer;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.AdminConfig;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.testing.RecordingPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin listener of a real bot: the console (a real SQLite file, a pinned clock) serves with {@code admin:} on
 * a free port of 127.0.0.1; the test types commands, has an announcement delivered, and reads /metrics and /healthz
 * over HTTP as a scraper would.
 */
class AdminListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void metricsAndHealthOfAConsoleAtWork() throws Exception {
        BotConfig cfg = Consoles.seed().withAdmin(new AdminConfig("127.0.0.1", 0))
                .withSources(List.of(new SourceConfig("Gone", dir.resolve("gone.ics").toUri(), null,
                        Duration.ofHours(1), List.of())));
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 64 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleCommand console = new ConsoleCommand();
        console.now = "2024-02-10T12:00:00Z";
        console.store.db = dir.resolve("admin.db");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> console.runWith(cfg, in,
                Consoles.print(out), Consoles.print(err)));

        await(() -> Consoles.text(err).contains("admin listener on "), err);
        Matcher m = Pattern.compile("admin listener on (http://127\\.0\\.0\\.1:(\\d+)) \\(/healthz, /metrics\\)")
                .matcher(Consoles.text(err));
        assertThat(m.find()).as(Consoles.text(err)).isTrue();
        String base = m.group(1);
        assertThat(Integer.parseInt(m.group(2))).isPositive();

        HttpResponse<String> health = get(base + "/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.body().strip()).isEqualTo(
                "{\"status\":\"ok\",\"database\":\"ok\",\"platforms\":{\"console\":\"connected\"},\"problems\":[]}");

        typing.write(("""
                next
                next council
                help
                announce The agenda is published
                announce confirm A1
                announce Registration closes soon --at 2024-02-11T09:00Z
                announce confirm A2
                sync Gone
                """).getBytes(StandardCharsets.UTF_8));
        typing.flush();
        await(() -> Consoles.text(out).contains("Announcement A2 is scheduled") && Consoles.text(out)
                .lines().anyMatch(l -> l.startsWith("Gone:") || l.contains("failed")), out);
        assertThat(Consoles.text(out)).contains("[to #announcements] The agenda is published");

        String metrics = get(base + "/metrics").body();
        List<String> series = metrics.lines().filter(l -> !l.startsWith("#")).toList();
        // command latency by command: two nexts, one help, four announces and one sync, each timed once per line
        assertThat(series).contains("ccnso_command_seconds_count{command=\"next\"} 2",
                "ccnso_command_seconds_count{command=\"help\"} 1", "ccnso_command_seconds_count{command=\"sync\"} 1");
        assertThat(value(series, "ccnso_command_seconds_count{command=\"announce\"}")).isEqualTo(4);
        assertThat(series).anyMatch(l -> l.startsWith("ccnso_command_seconds_bucket{command=\"next\",le=\"0.5\"} "));
        // the announcement posted now: one delivery, confirmed at once by the console, on the pinned clock's time
        assertThat(value(series, "ccnso_delivery_seconds_count{kind=\"announcement\"}")).isEqualTo(1);
        assertThat(value(series, "ccnso_reminder_lateness_seconds_count{kind=\"announcement\"}")).isEqualTo(1);
        assertThat(value(series, "ccnso_reminder_lateness_seconds_sum{kind=\"announcement\"}")).isZero();
        assertThat(value(series, "ccnso_reminder_lateness_seconds_bucket{kind=\"announcement\",le=\"1.0\"}"))
                .isEqualTo(1);
        // the one for tomorrow waits; none is late or failed
        assertThat(value(series, "ccnso_outbox_pending{kind=\"announcement\"}")).isEqualTo(1);
        assertThat(value(series, "ccnso_outbox_late{kind=\"announcement\"}")).isZero();
        assertThat(value(series, "ccnso_outbox_failed{kind=\"announcement\"}")).isZero();
        assertThat(series).anyMatch(l -> l.startsWith("ccnso_outbox_pending{kind=\"reminder"));
        assertThat(value(series, "ccnso_platform_connected{platform=\"console\"}")).isEqualTo(1);
        // the source's file is missing: the look at start and the one sync asked for both failed
        assertThat(value(series, "ccnso_source_looks_total{result=\"failed\",source=\"Gone\"}")).isEqualTo(2);

        // a scraper's view of the cost: 100 scrapes in a row, after 20 to warm the JIT up
        for (int i = 0; i < 20; i++) {
            get(base + "/metrics");
        }
        long[] micros = new long[100];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(200);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("admin /metrics: 100 scrapes, median %.2f ms, p99 %.2f ms, %d bytes%n", micros[49] / 1000.0,
                micros[98] / 1000.0, metrics.length());
        assertThat(micros[98]).as("p99 of a scrape, µs").isLessThan(250_000);

        assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);
        typing.close();
        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(Consoles.text(err)).isZero();
        // the listener closed with the console
        assertThat(CompletableFuture.supplyAsync(() -> {
            try {
                return get(base + "/healthz").statusCode();
            } catch (Exception e) {
                return -1;
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void aDisconnectedPlatformMakesHealthz503NamingIt() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-02-10T12:00:00Z"), ZoneOffset.UTC);
        RecordingPlatform slack = new RecordingPlatform("slack", clock) {
            @Override
            public boolean connected() {
                return false;
            }
        };
        RecordingPlatform discord = new RecordingPlatform("discord", clock);
        BotConfig cfg = Consoles.seed().withDatabase(dir.resolve("down.db"));
        try (Bot bot = Bot.open(cfg, clock, List.of(discord, slack));
             AdminServer admin = AdminServer.start(new AdminConfig("127.0.0.1", 0), bot.metrics())) {
            String base = "http://127.0.0.1:" + admin.port();
            HttpResponse<String> health = get(base + "/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body().strip()).isEqualTo("{\"status\":\"unhealthy\",\"database\":\"ok\",\"platforms\":"
                    + "{\"discord\":\"connected\",\"slack\":\"disconnected\"},\"problems\":[\"slack: not connected\"]}");
            List<String> series = get(base + "/metrics").body().lines().toList();
            assertThat(value(series, "ccnso_platform_connected{platform=\"slack\"}")).isZero();
            assertThat(value(series, "ccnso_platform_connected{platform=\"discord\"}")).isEqualTo(1);
        }
    }

    private static double value(List<String> series, String name) {
        List<String> found = new ArrayList<>();
        for (String l : series) {
            if (l.startsWith(name + " ")) {
                found.add(l.substring(name.length() + 1).strip());
            }
        }
        assertThat(found).as(name + " in\n" + String.join("\n", series)).hasSize(1);
        return Double.parseDouble(found.get(0));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for a condition on what the console printed, at most {@link #WAIT}; no fixed sleep. */
    private static void await(BooleanSupplier condition, ByteArrayOutputStream shown) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for the console; it printed:\n" + Consoles.text(shown))
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
