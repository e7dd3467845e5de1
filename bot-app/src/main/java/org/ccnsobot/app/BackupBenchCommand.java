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
 * Figures for {@code backup}: its duration on a generated calendar, and the p99 of {@code next} answered while it
 * runs against the p99 when idle. Prints figures; asserts nothing.
 */
@Command(name = "bench-backup", mixinStandardHelpOptions = true,
        description = "Benchmark backup of a generated database while the bot answers next in a loop: the backup's"
                + " duration and next's p99 during it against idle. Prints figures; asserts nothing.")
final class BackupBenchCommand implements Callable<Integer> {
    @Option(names = "--events", description = "Events to generate (default: ${DEFAULT-VALUE})")
    int events = 100_000;

    @Option(names = "--backups", description = "Backups timed (default: ${DEFAULT-VALUE})")
    int backups = 3;

    @Option(names = "--idle", description = "next answers timed while idle (default: ${DEFAULT-VALUE})")
    int idle = 3_000;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("ccnso-bench-backup");
        Path calendarDir = Files.createDirectories(dir.resolve("empty-calendar"));
        BotConfig cfg = BotConfig.defaults().withDatabase(dir.resolve("bench.db")).withCalendar(calendarDir);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        ManualClock clock = new ManualClock(start);
        try (Bot bot = Wiring.tool(cfg, clock)) {
            long t0 = System.nanoTime();
            bot.calendar().saveAll(BenchCommand.generate(events, start));
            out.printf("ccnso-bot bench-backup: %,d events stored in %.1f s; database %,d KiB%n", events,
                    (System.nanoTime() - t0) / 1e9, Files.size(cfg.database()) / 1024);
            Next next = new Next(bot, clock, start);
            next.run(idle); // warm-up
            long[] idleNanos = next.run(idle);
            long[] during = new long[0];
            long[] durations = new long[backups];
            for (int b = 0; b < backups; b++) {
                Path target = dir.resolve("copy-" + b + ".db");
                CompletableFuture<Long> copy = CompletableFuture.supplyAsync(() -> {
                    long a = System.nanoTime();
                    Backups.copy(cfg.database(), target);
                    return System.nanoTime() - a;
                });
                long[] these = next.runUntil(copy);
                durations[b] = copy.join();
                during = concat(during, these);
                Files.delete(target);
            }
            double idleP99 = percentile(idleNanos, 99);
            double duringP99 = percentile(during, 99);
            out.printf("backup (VACUUM INTO) of %,d events: median %.0f ms, max %.0f ms (%d runs)%n", events,
                    percentile(durations, 50) / 1e6, percentile(durations, 100) / 1e6, backups);
            out.printf("next idle:          median %8.1f µs   p99 %8.1f µs   (%d runs)%n",
                    percentile(idleNanos, 50) / 1e3, idleP99 / 1e3, idleNanos.length);
            out.printf("next during backup: median %8.1f µs   p99 %8.1f µs   (%d runs)%n",
                    percentile(during, 50) / 1e3, duringP99 / 1e3, during.length);
            out.printf("p99 during / idle: %.2fx (target: at most 2x)%n", duringP99 / Math.max(1, idleP99));
        }
        return 0;
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
