package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.store.Backups;
import org.ccnsobot.time.ManualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The operator's figures: {@code backup}'s duration on a generated calendar and the p99 of {@code next} answered
 * while it runs against the p99 when idle; then the admin listener's {@code /metrics} scraped over HTTP on
 * 127.0.0.1 as a scraper would (one kept-alive connection). Prints figures; asserts nothing.
 */
@Command(name = "bench-backup", mixinStandardHelpOptions = true,
        description = "Benchmark backup of a generated database while the bot answers next in a loop: the backup's"
                + " duration and next's p99 during it against idle; then /metrics scraped over HTTP."
                + " Prints figures; asserts nothing.")
final class BackupBenchCommand implements Callable<Integer> {
    @Option(names = "--events", description = "Events to generate (default: ${DEFAULT-VALUE})")
    int events = 100_000;

    @Option(names = "--backups", description = "Backups timed (default: ${DEFAULT-VALUE})")
    int backups = 3;

    @Option(names = "--idle", description = "next answers timed while idle (default: ${DEFAULT-VALUE})")
    int idle = 3_000;

    @Option(names = "--db", paramLabel = "FILE", description = "Measure on the calendar already in FILE (as `bench --db`"
            + " leaves it) instead of generating one")
    Path dbFile;

    @Option(names = "--scrapes", description = "/metrics scrapes timed (default: ${DEFAULT-VALUE}; 0 skips them)")
    int scrapes = 100;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("ccnso-bench-backup");
        Path calendarDir = Files.createDirectories(dir.resolve("empty-calendar"));
        BotConfig cfg = BotConfig.defaults().withDatabase(dbFile != null ? dbFile.toAbsolutePath()
                : dir.resolve("bench.db")).withCalendar(calendarDir);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        ManualClock clock = new ManualClock(start);
        if (dbFile == null) {
            try (Bot bot = Wiring.tool(cfg, clock)) {
                long t0 = System.nanoTime();
                bot.calendar().saveAll(BenchCommand.generate(events, start));
                out.printf("ccnso-bot bench-backup: %,d events stored in %.1f s; database %,d KiB%n", events,
                        (System.nanoTime() - t0) / 1e9, Files.size(cfg.database()) / 1024);
            }
        } else {
            out.printf("ccnso-bot bench-backup: on %s (%,d KiB)%n", cfg.database(), Files.size(cfg.database()) / 1024);
        }
        // measured on a bot opened on the finished file, as an operator's runs: the process that has just written
        // 100,000 events is still collecting that garbage and following its own change log for a while
        try (Bot bot = Wiring.tool(cfg, clock)) {
            Next next = new Next(bot, clock, start);
            next.run(idle); // warm-up
            long[] idleNanos = next.run(idle);
            long[] during = new long[0];
            long[] durations = new long[backups];
            Path jar = BenchCommand.jarPath();
            long[] walls = new long[backups];
            for (int b = 0; b < backups; b++) {
                Path target = dir.resolve("copy-" + b + ".db");
                long a = System.nanoTime();
                CompletableFuture<Long> copy = jar == null ? CompletableFuture.supplyAsync(() -> {
                    Backups.copy(cfg.database(), target);
                    return System.nanoTime() - a;
                }) : CompletableFuture.supplyAsync(() -> backupProcess(jar, cfg.database(), target));
                long[] these = next.runUntil(copy);
                durations[b] = copy.join();
                walls[b] = System.nanoTime() - a;
                during = concat(during, these);
                Files.delete(target);
            }
            if (jar != null) {
                out.printf("backup ran as its own process (`%sjava -jar … backup`, as the launcher runs it): whole process"
                        + " median %.0f ms, JVM start included%n", lower().isEmpty() ? "" : String.join(" ", lower()) + " ",
                        percentile(walls, 50) / 1e6);
            }
            double idleP99 = percentile(idleNanos, 99);
            double duringP99 = percentile(during, 99);
            out.printf("backup (VACUUM INTO) of %,d events, the copy itself: median %.0f ms, max %.0f ms (%d runs)%n", events,
                    percentile(durations, 50) / 1e6, percentile(durations, 100) / 1e6, backups);
            out.printf("next idle:          median %8.1f µs   p99 %8.1f µs   (%d runs)%n",
                    percentile(idleNanos, 50) / 1e3, idleP99 / 1e3, idleNanos.length);
            out.printf("next during backup: median %8.1f µs   p99 %8.1f µs   (%d runs)%n",
                    percentile(during, 50) / 1e3, duringP99 / 1e3, during.length);
            out.printf("p99 during / idle: %.2fx (target: at most 2x)%n", duringP99 / Math.max(1, idleP99));
            if (scrapes > 0) {
                scrape(bot);
            }
        }
        return 0;
    }

    /** {@code /metrics} of this bot (its database of {@code events} events) over HTTP, after as many to warm up. */
    private void scrape(Bot bot) throws Exception {
        try (org.ccnsobot.app.admin.AdminServer admin = org.ccnsobot.app.admin.AdminServer.start(
                new org.ccnsobot.config.AdminConfig("127.0.0.1", 0), bot.metrics())) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + admin.port() + "/metrics")).GET().build();
            long[] nanos = new long[scrapes];
            int bytes = 0;
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < scrapes; i++) {
                    long a = System.nanoTime();
                    java.net.http.HttpResponse<byte[]> r = client.send(get,
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - a;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("/metrics answered " + r.statusCode());
                    }
                    bytes = r.body().length;
                }
            }
            out.printf("/metrics over HTTP (%,d bytes): median %.2f ms, p99 %.2f ms, max %.2f ms (%d scrapes after as many"
                    + " to warm up; target: p99 under 10 ms)%n", bytes, percentile(nanos, 50) / 1e6,
                    percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6, scrapes);
        }
    }

    /** The launcher's lowering of backup's CPU priority, where {@code nice} exists. */
    private static java.util.List<String> lower() {
        return Files.isExecutable(Path.of("/usr/bin/nice")) ? java.util.List.of("/usr/bin/nice", "-n", "10")
                : java.util.List.of();
    }

    /**
     * {@code backup} as an operator runs it beside the bot: another process, at the launcher's lower priority.
     * Returns the copy's own duration, as the command prints it.
     */
    private static long backupProcess(Path jar, Path db, Path target) {
        java.util.List<String> cmd = new java.util.ArrayList<>(lower());
        cmd.addAll(java.util.List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "backup", target.toString(), "--db", db.toString()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("backup failed: " + printed.strip());
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("KiB in (\\d+) ms").matcher(printed);
            if (!m.find()) {
                throw new IllegalStateException("backup printed no duration: " + printed.strip());
            }
            return Long.parseLong(m.group(1)) * 1_000_000;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks {@code next} as a stream of members (one request each, so no rate limit), the clock moving on. */
    private static final class Next {
        private final Bot bot;
        private final ManualClock clock;
        private Instant at;
        private int user;
        private final Place place = new Place("bench", "c1", false);

        Next(Bot bot, ManualClock clock, Instant from) {
            this.bot = bot;
            this.clock = clock;
            this.at = from;
        }

        private long once() {
            at = at.plusSeconds(97);
            clock.set(at);
            Actor actor = new Actor("bench", "u" + (user++), "bench", Set.of());
            long a = System.nanoTime();
            String reply = bot.handle(Invocation.text(actor, place, "next", at)).text();
            long took = System.nanoTime() - a;
            if (reply.isEmpty() || reply.startsWith("Something went wrong")) {
                throw new IllegalStateException("next was refused: " + reply);
            }
            return took;
        }

        long[] run(int n) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = once();
            }
            return out;
        }

        long[] runUntil(CompletableFuture<?> done) {
            long[] out = new long[1024];
            int n = 0;
            while (!done.isDone()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = once();
            }
            return Arrays.copyOf(out, n);
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double percentile(long[] values, int pct) {
        if (values.length == 0) {
            return 0;
        }
        long[] copy = values.clone();
        Arrays.sort(copy);
        int idx = (int) Math.min(copy.length - 1, Math.ceil(pct / 100.0 * copy.length) - 1);
        return copy[Math.max(0, idx)];
    }
}
