package org.ccnsobot.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.features.sources.SourceWatcher;
import org.ccnsobot.kernel.Middleware;
import org.ccnsobot.kernel.Target;
import org.ccnsobot.outbox.Backlog;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.store.Database;

/**
 * The bot's meters, kept in a composite registry: they cost next to nothing until an exporter (the admin listener's
 * Prometheus registry) is added to it. Command latency by command, delivery time and lateness by job kind, source
 * looks by result, each platform's connection state, and the outbox's backlog by kind, which is read from the
 * database on {@link #refresh} (once per scrape) rather than on every gauge read.
 *
 * <p>Histograms use fixed buckets (service-level objectives) rather than Micrometer's ~70 percentile buckets: the
 * scrape stays small and fast, and these are the bounds an operator alerts on.
 */
public final class BotMetrics {
    /** Prometheus: ccnso_command_seconds{command}. */
    public static final String COMMAND = "ccnso.command";
    /** Prometheus: ccnso_delivery_seconds{kind}: from handing a message to the platform until it confirmed it. */
    public static final String DELIVERY = "ccnso.delivery";
    /** Prometheus: ccnso_reminder_lateness_seconds{kind}: from a job's due time until its delivery was confirmed. */
    public static final String LATENESS = "ccnso.reminder.lateness";

    private static final Duration[] COMMAND_BUCKETS = durations(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000);
    private static final Duration[] DELIVERY_BUCKETS = durations(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000,
            30_000);
    private static final Duration[] LATENESS_BUCKETS = durations(1_000, 5_000, 15_000, 30_000, 60_000, 300_000,
            900_000, 3_600_000);

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final Database db;
    private final List<? extends ChatPlatform> platforms;
    private final Outbox outbox;
    private final Map<String, AtomicInteger[]> backlog = new ConcurrentHashMap<>();
    private volatile boolean platformGauges;

    BotMetrics(Database db, List<? extends ChatPlatform> platforms, Outbox outbox) {
        this.db = db;
        this.platforms = List.copyOf(platforms);
        this.outbox = outbox;
    }

    /** The registry every meter lives in; add an exporter's registry to it to publish them. */
    public CompositeMeterRegistry registry() {
        return registry;
    }

    /**
     * Reads the outbox's backlog by kind for the gauges; the admin listener calls it before each scrape. The gauges
     * are registered here, on the first scrape, so that nothing is registered before the exporter's registry is
     * added (Micrometer warns of that, as recordings made before would be lost).
     */
    public synchronized void refresh() {
        if (!platformGauges) {
            platformGauges = true;
            for (ChatPlatform p : platforms) {
                Gauge.builder("ccnso.platform.connected", p, q -> q.connected() ? 1 : 0)
                        .description("1 while the platform is connected, 0 while it is not").tag("platform", p.id())
                        .register(registry);
            }
        }
        for (Backlog b : outbox.backlog()) {
            AtomicInteger[] values = backlog.computeIfAbsent(b.kind(), this::backlogGauges);
            values[0].set(b.pending());
            values[1].set(b.late());
            values[2].set(b.failed());
        }
    }

    private AtomicInteger[] backlogGauges(String kind) {
        AtomicInteger[] v = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        Gauge.builder("ccnso.outbox.pending", v[0], AtomicInteger::get).tag("kind", kind)
                .description("Jobs waiting to be sent").register(registry);
        Gauge.builder("ccnso.outbox.late", v[1], AtomicInteger::get).tag("kind", kind)
                .description("Waiting jobs more than " + Outbox.LATE_AFTER.toSeconds() + " s past their due time")
                .register(registry);
        Gauge.builder("ccnso.outbox.failed", v[2], AtomicInteger::get).tag("kind", kind)
                .description("Jobs that failed for good").register(registry);
        return v;
    }

    /** A pipeline step, placed after the router: times the rest of the chain, by the command it was routed to. */
    Middleware commandTimer() {
        return (request, next) -> {
            long start = System.nanoTime();
            try {
                return next.proceed(request);
            } finally {
                String command = request.target() instanceof Target.Command c ? c.spec().name()
                        : request.target() instanceof Target.Question ? "question" : "none";
                Timer.builder(COMMAND).tag("command", command).description("Time to answer a request")
                        .serviceLevelObjectives(COMMAND_BUCKETS).register(registry)
                        .record(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    /** A delivery the platform confirmed (the outbox's observer). */
    void delivered(String kind, Duration sendTime, Duration lateness) {
        Timer.builder(DELIVERY).tag("kind", kind).description("Time the platform took to confirm a delivery")
                .serviceLevelObjectives(DELIVERY_BUCKETS).register(registry).record(sendTime);
        Timer.builder(LATENESS).tag("kind", kind).description("How long after its due time a job was delivered")
                .serviceLevelObjectives(LATENESS_BUCKETS).register(registry)
                .record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    /** One look at a source (the watcher's listener). */
    void looked(String source, SourceWatcher.Outcome outcome) {
        Counter.builder("ccnso.source.looks").tag("source", source)
                .tag("result", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("Looks at the configured calendar sources, by result").register(registry).increment();
    }

    /**
     * What is wrong now, one line each; empty when the database answers and every platform is connected. The
     * platforms' states are in {@link #platformStates}.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        try {
            db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            out.add("database: " + e.getMessage());
        }
        for (ChatPlatform p : platforms) {
            if (!p.connected()) {
                out.add(p.id() + ": not connected");
            }
        }
        return out;
    }

    /** Each platform's id and whether it is connected, in the order they were configured. */
    public Map<String, Boolean> platformStates() {
        Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        platforms.forEach(p -> out.put(p.id(), p.connected()));
        return out;
    }

    private static Duration[] durations(long... millis) {
        Duration[] out = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            out[i] = Duration.ofMillis(millis[i]);
        }
        return out;
    }
}
