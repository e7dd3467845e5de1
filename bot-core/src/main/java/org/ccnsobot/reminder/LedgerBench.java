package org.ccnsobot.reminder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.features.calendar.CalendarStore;
import org.ccnsobot.store.Database;

/**
 * Measures the ledger, printing figures (it is not a test and asserts nothing): the cost of finding the next due
 * row and of claiming due rows with 1k, 10k and 100k rows pending, and the lateness of real firings on the system
 * clock with 100k rows pending. Run from the jar: {@code java -jar ccnso-bot.jar bench-reminders}.
 */
public final class LedgerBench {
    private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    private LedgerBench() {
    }

    public static void run(Path workDir, int[] sizes, int firings, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        out.println("Reminder ledger benchmark (SQLite file in " + workDir + ")");
        out.println("Finding the next due row (partial index on next_at WHERE state = 'pending'), 2,000 lookups;"
                + " claiming 100 due rows (select + update + one commit with fsync), 20 claims:");
        for (int n : sizes) {
            Path file = fresh(workDir, "bench-" + n + ".db");
            try (Database db = Database.open(file)) {
                Ledger ledger = new Ledger(db);
                fill(ledger, n, FAR, Duration.ofDays(365));
                long[] nanos = new long[2000];
                for (int i = 0; i < nanos.length; i++) {
                    ledger.nextDue(List.of("bench")); // warm-up: JIT and SQLite's page cache
                }
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    ledger.nextDue(List.of("bench"));
                    nanos[i] = System.nanoTime() - t;
                }
                long[] claim = new long[20];
                for (int i = 0; i < claim.length; i++) {
                    // every row is due: claim the first 100 (index order), then put them back for the next round
                    Instant now = FAR.plus(Duration.ofDays(400));
                    long t = System.nanoTime();
                    Ledger.Claim c = ledger.claimDue(now, List.of("bench"), 100, r -> java.util.Optional.empty());
                    claim[i] = System.nanoTime() - t;
                    for (Ledger.Row r : c.rows()) {
                        ledger.release(r, null, now);
                    }
                }
                out.printf("  %,9d pending: next due %s; claim 100 due rows (one commit) %s%n", n, stats(nanos),
                        stats(claim));
                if (n == sizes[sizes.length - 1]) {
                    out.println("  query plan: " + plan(db));
                }
            }
        }
        lateness(workDir, sizes[sizes.length - 1], firings, out);
    }

    private static void lateness(Path workDir, int pending, int firings, PrintStream out) throws Exception {
        Path file = fresh(workDir, "bench-lateness.db");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(file)) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            Instant eventStart = clock.instant().plus(Duration.ofDays(60));
            calendar.saveEvent(new Event("bench-event", "Benchmark meeting", "session", null, eventStart, null,
                    LocalDate.ofInstant(eventStart, ZoneId.of("UTC")), ZoneId.of("UTC"), null, null, null, List.of(),
                    List.of(), EventStatus.SCHEDULED, null, null, 0));
            Ledger ledger = new Ledger(db);
            fill(ledger, pending, eventStart.minus(Duration.ofDays(30)), Duration.ofDays(29));
            // firings spread over the next few seconds, 25 ms apart, among the pending rows
            Instant first = clock.instant().plusSeconds(2);
            List<Ledger.NewRow> due = new ArrayList<>();
            for (int i = 0; i < firings; i++) {
                due.add(new Ledger.NewRow("fire|" + i, ReminderService.REMINDER, "bench-event", "PT1H",
                        new Destination.Channel("bench", "fire-" + i), 1, first.plusMillis(25L * i), null));
            }
            ledger.add(due, clock.instant());
            // fold the bulk insert's write-ahead log into the file now, so its checkpoint is not timed as lateness
            db.read(c -> {
                try (var st = c.createStatement()) {
                    return st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            });
            Map<String, Long> lateMicros = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(firings);
            ChatPlatform platform = new TimingPlatform((d, m) -> {
                String key = m.idempotencyKey();
                if (key.startsWith("fire|")) {
                    int i = Integer.parseInt(key.substring(5, key.indexOf('#')));
                    Instant dueAt = first.plusMillis(25L * i);
                    lateMicros.put(key, Duration.between(dueAt, clock.instant()).toNanos() / 1000);
                    all.countDown();
                }
            });
            ReminderService service = ReminderService.create(db, calendar, Subscriptions.sqlite(db),
                    RemindersConfig.defaults(), ZoneId.of("UTC"), clock, List.of(new Outlet(platform, null, null)),
                    (p, u) -> ZoneId.of("UTC"));
            service.start(true);
            boolean done = all.await(firings * 25L + 30_000, TimeUnit.MILLISECONDS);
            service.close();
            long[] late = lateMicros.values().stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf("Lateness of %d firings 25 ms apart, with %,d other rows pending, scheduler on the system"
                            + " clock (%s):%n  median %.1f ms, p99 %.1f ms, max %.1f ms%n", late.length, pending,
                    done ? "all fired" : "NOT all fired", pct(late, 50) / 1000.0, pct(late, 99) / 1000.0,
                    (late.length == 0 ? 0 : late[late.length - 1]) / 1000.0);
        }
    }

    /** {@code n} pending rows, spread evenly over {@code span} from {@code from}, in one transaction. */
    private static void fill(Ledger ledger, int n, Instant from, Duration span) {
        List<Ledger.NewRow> rows = new ArrayList<>(n);
        long step = Math.max(1, span.toMillis() / Math.max(1, n));
        for (int i = 0; i < n; i++) {
            rows.add(new Ledger.NewRow("bench|" + i, ReminderService.REMINDER, "bench-event", "PT24H",
                    new Destination.DirectMessage("bench", "u" + i), 1, from.plusMillis(step * i), null));
        }
        ledger.add(rows, from);
    }

    private static String plan(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT next_at FROM reminder_ledger"
                    + " WHERE state = 'pending' AND platform IN ('bench') ORDER BY next_at, id LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                List<String> steps = new ArrayList<>();
                while (rs.next()) {
                    steps.add(rs.getString(4));
                }
                return String.join("; ", steps);
            }
        });
    }

    private static Path fresh(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
            Files.deleteIfExists(dir.resolve(name + suffix));
        }
        return f;
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("median %.1f µs, p99 %.1f µs", pct(s, 50) / 1000.0, pct(s, 99) / 1000.0);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }

    /** A platform that answers at once and reports when each message arrived. */
    private static final class TimingPlatform implements ChatPlatform {
        private final java.util.function.BiConsumer<Destination, OutgoingMessage> onSend;

        TimingPlatform(java.util.function.BiConsumer<Destination, OutgoingMessage> onSend) {
            this.onSend = onSend;
        }

        @Override
        public String id() {
            return "bench";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.noneOf(Capability.class);
        }

        @Override
        public void start(InboundHandler handler) {
            // outbound only
        }

        @Override
        public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
            onSend.accept(destination, message);
            return CompletableFuture.completedFuture(new SentRef("bench", destination.key(), "1"));
        }

        @Override
        public SendLimits sendLimits() {
            return SendLimits.UNLIMITED;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
