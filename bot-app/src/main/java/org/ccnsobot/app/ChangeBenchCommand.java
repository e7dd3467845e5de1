package org.ccnsobot.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.calendar.CalendarStore;
import org.ccnsobot.store.ChangeFeed;
import org.ccnsobot.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figures for following other writers: the delay from an event saved (and committed) through another connection on
 * the file to the running bot's calendar listeners (which the reminder planner and the mirrors are) hearing it, and
 * what the change feed costs while nothing is written. Prints figures; asserts nothing.
 */
@Command(name = "bench-changes", mixinStandardHelpOptions = true,
        description = "Benchmark the change feed: delay from a write by another connection to the running bot"
                + " (median, p99) and the feed thread's CPU while idle. Prints figures; asserts nothing.")
final class ChangeBenchCommand implements Callable<Integer> {
    @Option(names = "--writes", paramLabel = "N", description = "Writes timed (default: ${DEFAULT-VALUE})")
    int writes = 200;

    @Option(names = "--idle-seconds", paramLabel = "S", description = "Idle time measured (default: ${DEFAULT-VALUE})")
    int idleSeconds = 10;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the benchmark's SQLite file goes (default: a temp dir)")
    Path dir;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("ccnso-bench-changes");
        Path calendar = Files.createDirectories(work.resolve("empty-calendar"));
        BotConfig cfg = BotConfig.defaults().withDatabase(work.resolve("changes.db")).withCalendar(calendar);
        Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        try (Bot bot = Wiring.tool(cfg, Clock.systemUTC()); Database other = Database.open(cfg.database())) {
            bot.calendar().onEventChanged((before, after) -> {
                CompletableFuture<Long> f = arrivals.get(after.title());
                if (f != null) {
                    f.complete(System.nanoTime());
                }
            });
            CalendarService writer = new CalendarService(CalendarStore.sqlite(other));
            List<Long> delays = new ArrayList<>();
            long timeouts = 0;
            for (int i = 0; i < writes; i++) {
                String title = "Bench meeting " + i;
                CompletableFuture<Long> heard = new CompletableFuture<>();
                arrivals.put(title, heard);
                // a random gap, so writes do not fall in step with the feed's polls
                Thread.sleep(ThreadLocalRandom.current().nextLong(ChangeFeed.DEFAULT_INTERVAL.toMillis() + 50));
                writer.saveEvent(event(title, i));
                long committed = System.nanoTime();
                try {
                    delays.add(heard.get(10, TimeUnit.SECONDS) - committed);
                } catch (java.util.concurrent.TimeoutException e) {
                    timeouts++;
                }
                arrivals.remove(title);
            }
            Collections.sort(delays);
            out.printf("change feed: %d writes through another connection, poll interval %d ms%n", writes,
                    ChangeFeed.DEFAULT_INTERVAL.toMillis());
            out.printf("  delay to the running bot's listeners: median %.1f ms, p99 %.1f ms, max %.1f ms, %d not heard"
                    + " within 10 s (target p99 < 2000 ms)%n", ms(percentile(delays, 50)), ms(percentile(delays, 99)),
                    ms(delays.isEmpty() ? 0 : delays.get(delays.size() - 1)), timeouts);
            idle();
        }
        return 0;
    }

    private void idle() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread feed = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(ChangeFeed.THREAD_NAME)).findFirst().orElse(null);
        if (feed == null || !mx.isThreadCpuTimeSupported()) {
            out.println("  idle watching: the feed thread's CPU time cannot be measured here");
            return;
        }
        mx.setThreadCpuTimeEnabled(true);
        long cpu0 = mx.getThreadCpuTime(feed.getId());
        long wall0 = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        long cpu = mx.getThreadCpuTime(feed.getId()) - cpu0;
        long wall = System.nanoTime() - wall0;
        out.printf("  idle watching: feed thread CPU %.1f ms over %.1f s = %.3f%% of one core (target < 1%%)%n",
                ms(cpu), wall / 1e9, 100.0 * cpu / wall);
    }

    private static Event event(String title, int i) {
        Instant start = Instant.parse("2030-01-01T10:00:00Z").plusSeconds(60L * i);
        return new Event("bench-event", title, "session", null, start, start.plusSeconds(3600),
                LocalDate.ofInstant(start, ZoneOffset.UTC), ZoneId.of("UTC"), null, Access.OPEN, null, List.of(),
                List.of(), EventStatus.SCHEDULED, "bench", null, i);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
