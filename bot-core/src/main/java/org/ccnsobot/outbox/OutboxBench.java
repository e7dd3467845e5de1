package org.ccnsobot.outbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.store.Database;

/**
 * Measures the outbox, printing figures (it is not a test and asserts nothing): the cost of finding the next due
 * job and of claiming due jobs with 1k, 10k and 100k jobs pending, and the lateness of real firings on the system
 * clock with 100k jobs pending. Run from the jar: {@code java -jar ccnso-bot.jar bench-reminders}.
 */
public final class OutboxBench {
    private static final List<String> KINDS = List.of(BenchKind.KIND);
    private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    private OutboxBench() {
    }

    public static void run(Path workDir, int[] sizes, int firings, PrintStream out) throws Exception {
        Files.createDirectories(workDir);
        out.println("Outbox benchmark (SQLite file in " + workDir + ")");
        out.println("Finding the next due row (partial index on next_at WHERE state = 'pending'), 2,000 lookups;"
                + " claiming 100 due rows (select + update + one commit with fsync), 20 claims:");
        for (int n : sizes) {
            Path file = fresh(workDir, "bench-" + n + ".db");
            try (Database db = Database.open(file)) {
                OutboxStore ledger = new OutboxStore(db);
                fill(ledger, n, FAR, Duration.ofDays(365));
                long[] nanos = new long[2000];
                for (int i = 0; i < nanos.length; i++) {
                    ledger.nextDue(List.of("bench"), KINDS); // warm-up: JIT and SQLite's page cache
                }
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    ledger.nextDue(List.of("bench"), KINDS);
                    nanos[i] = System.nanoTime() - t;
                }
                long[] claim = new long[20];
                for (int i = 0; i < claim.length; i++) {
                    // every row is due: claim the first 100 (index order), then put them back for the next round
                    Instant now = FAR.plus(Duration.ofDays(400));
                    long t = System.nanoTime();
                    List<OutboxStore.Row> c = ledger.claim(ledger.due(now, List.of("bench"), KINDS, 100), now);
                    claim[i] = System.nanoTime() - t;
                    for (OutboxStore.Row r : c) {
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
            Instant eventStart = clock.instant().plus(Duration.ofDays(60));
            OutboxStore ledger = new OutboxStore(db);
            fill(ledger, pending, eventStart.minus(Duration.ofDays(30)), Duration.ofDays(29));
            // firings spread over the next few seconds, 25 ms apart, among the pending rows
            Instant first = clock.instant().plusSeconds(2);
            List<OutboxStore.Insert> due = new ArrayList<>();
            for (int i = 0; i < firings; i++) {
                due.add(new OutboxStore.Insert(BenchKind.KIND, "fire|" + i, "bench-event", "PT1H",
                        new Destination.Channel("bench", "fire-" + i), 1, first.plusMillis(25L * i), "{}"));
            }
            ledger.insert(due, clock.instant());
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
            Outbox service = Outbox.create(db, clock, PlatformRegistry.of(List.of(platform)), d -> ZoneId.of("UTC"));
            service.register(new BenchKind());
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

    /** What a fan-out took: time from the first send to the last delivery, deliveries, and failures. */
    public record FanOut(Duration toLastDelivery, int delivered, int failed, boolean complete) {
    }

    /**
     * Queues one DM job for each of {@code members} members of {@code platform} (user ids {@code U0BENCH0000000}
     * and up), due now, runs the real outbox (its per-platform and per-destination throttles from the platform's
     * declared limits) on the system clock, and waits for every send to settle, at most {@code limit}.
     */
    public static FanOut fanOut(Path workDir, ChatPlatform platform, int members, Duration limit) throws Exception {
        List<String> users = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            users.add(String.format("U0BENCH%07d", i));
        }
        return fanOut(workDir, platform, users, limit);
    }

    /** The same, to these user ids (one DM each): Discord's are numeric snowflakes, not Slack-like ids. */
    public static FanOut fanOut(Path workDir, ChatPlatform platform, List<String> userIds, Duration limit)
            throws Exception {
        int members = userIds.size();
        Files.createDirectories(workDir);
        Path file = fresh(workDir, "bench-fanout-" + platform.id() + ".db");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(file)) {
            OutboxStore ledger = new OutboxStore(db);
            Instant now = clock.instant();
            List<OutboxStore.Insert> rows = new ArrayList<>(members);
            for (int i = 0; i < members; i++) {
                rows.add(new OutboxStore.Insert(BenchKind.KIND, "fanout|" + i, "bench-event", "PT1H",
                        new Destination.DirectMessage(platform.id(), userIds.get(i)), 1, now, "{}"));
            }
            ledger.insert(rows, now);
            CountDownLatch settled = new CountDownLatch(members);
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
            long start = System.nanoTime();
            ChatPlatform timed = new DelegatingPlatform(platform, (d, m) -> platform.send(d, m).whenComplete((r, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                last.accumulateAndGet(System.nanoTime(), Math::max);
                settled.countDown();
            }));
            Outbox service = Outbox.create(db, clock, PlatformRegistry.of(List.of(timed)), d -> ZoneId.of("UTC"));
            service.register(new BenchKind());
            service.start(true);
            boolean complete = settled.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            service.close();
            return new FanOut(Duration.ofNanos(Math.max(0, last.get() - start)), members - (int) settled.getCount()
                    - failed.get(), failed.get(), complete);
        }
    }

    /** {@code n} pending rows, spread evenly over {@code span} from {@code from}, in one transaction. */
    private static void fill(OutboxStore ledger, int n, Instant from, Duration span) {
        List<OutboxStore.Insert> rows = new ArrayList<>(n);
        long step = Math.max(1, span.toMillis() / Math.max(1, n));
        for (int i = 0; i < n; i++) {
            rows.add(new OutboxStore.Insert(BenchKind.KIND, "bench|" + i, "bench-event", "PT24H",
                    new Destination.DirectMessage("bench", "u" + i), 1, from.plusMillis(step * i), "{}"));
        }
        ledger.insert(rows, from);
    }

    private static String plan(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT next_at FROM outbox"
                    + " WHERE state = 'pending' AND platform IN ('bench') AND kind IN ('bench') ORDER BY next_at, id"
                    + " LIMIT 1");
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

    /** The bench's kind: a fixed text, sent at once. */
    private static final class BenchKind implements JobKind<PayloadCodec.NoPayload> {
        static final String KIND = "bench";

        @Override
        public String name() {
            return KIND;
        }

        @Override
        public PayloadCodec<PayloadCodec.NoPayload> payload() {
            return PayloadCodec.none();
        }

        @Override
        public Rendering render(Job<PayloadCodec.NoPayload> job, SendContext context) {
            return Rendering.send(OutgoingMessage.text("Benchmark job " + job.subject()));
        }
    }

    /** The real platform with its limits, each send handed to {@code send}. */
    private record DelegatingPlatform(ChatPlatform real,
                                      java.util.function.BiFunction<Destination, OutgoingMessage,
                                              CompletableFuture<SentRef>> sender) implements ChatPlatform {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return real.capabilities();
        }

        @Override
        public void start(InboundHandler handler) {
            // the bench starts the real platform itself
        }

        @Override
        public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
            return sender.apply(destination, message);
        }

        @Override
        public SendLimits sendLimits() {
            return real.sendLimits();
        }

        @Override
        public SendLimits destinationLimits() {
            return real.destinationLimits();
        }

        @Override
        public void close() {
            // the bench closes the real platform itself
        }
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
