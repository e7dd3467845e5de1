package org.ccnsobot.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.store.Database;
import org.ccnsobot.time.ManualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one durable outbox of a database: features register their {@link JobKind}s (and {@link JobSource}s) and
 * enqueue jobs; once {@link #start started} (holding the {@link LedgerLock}), it sends every due job once.
 * {@link #fireDue()} runs one firing on the caller's thread, which is how the console makes messages appear
 * before it reads its next line.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Counts since start, and the table's jobs by state. */
    public record Stats(Map<JobState, Integer> rowsByState, long sent, long droppedLate, long retried, long failed,
                        long alerts, long foundDelivered, long resentAfterCrash) {
    }

    private final OutboxStore store;
    private final Clock clock;
    private final PlatformRegistry platforms;
    private final Map<String, JobKind<?>> kinds = new ConcurrentHashMap<>();
    private final List<JobSource> sources = new CopyOnWriteArrayList<>();
    private final Tuning tuning = new Tuning();
    private final Counters counters = new Counters();
    private final Dispatcher dispatcher;
    private final Scheduler scheduler;
    private final ReentrantLock fireLock = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean closed;
    private boolean background;
    private LedgerLock lock;

    private Outbox(Database db, Clock clock, PlatformRegistry platforms, ReaderZones zones) {
        this.store = new OutboxStore(db);
        this.clock = clock;
        this.platforms = platforms;
        StaffAlerts alerts = new StaffAlerts(platforms, zones);
        kinds.put(alerts.name(), alerts);
        this.dispatcher = new Dispatcher(store, clock, platforms, kinds, zones, tuning, counters, alerts);
        this.scheduler = new Scheduler(clock, this::fireDue, this::nextDue);
    }

    public static Outbox create(Database db, Clock clock, PlatformRegistry platforms, ReaderZones zones) {
        return new Outbox(db, clock, platforms, zones);
    }

    // ---- tuning, before start ----

    /** How the send throttles read the time and wait; for tests, which count the waits instead of sleeping. */
    Outbox throttleTime(Throttle.Time time) {
        tuning.throttleTime = time;
        return this;
    }

    /** How long a send may take before it counts as a transient failure (default 30 s). */
    public Outbox sendTimeout(Duration timeout) {
        tuning.sendTimeout = timeout;
        return this;
    }

    /** Retry delays: base × 2^(attempt-1), at most cap, with jitter in [½, 1] of that (defaults 30 s and 30 min). */
    public Outbox backoff(Duration base, Duration cap) {
        tuning.backoffBase = base;
        tuning.backoffCap = cap;
        return this;
    }

    /** The source of jitter in [0, 1); tests pin it. */
    public Outbox jitter(DoubleSupplier source) {
        tuning.jitter = source;
        return this;
    }

    /** Attempts before a job fails for good and the staff are alerted (default 5). */
    public Outbox maxAttempts(int attempts) {
        tuning.maxAttempts = Math.max(1, attempts);
        return this;
    }

    /**
     * How many jobs one claim takes, how many sends may be in flight at once, and how many confirmed deliveries
     * share one commit (1: every delivery is committed on its own).
     */
    public Outbox batching(int claim, int inFlight, int marks) {
        tuning.claimBatch = claim;
        tuning.maxInFlight = inFlight;
        tuning.markBatch = marks;
        return this;
    }

    // ---- features plug in ----

    /** Lets a feature send its kind of job. Register before {@link #start}: jobs of unknown kinds are not claimed. */
    public <P> void register(JobKind<P> kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("a job kind " + kind.name() + " is registered already");
        }
    }

    /** Work that becomes jobs when due (the reminders' slots). */
    public void addSource(JobSource source) {
        sources.add(source);
    }

    public PlatformRegistry platforms() {
        return platforms;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Queues jobs of a registered kind (a job whose key exists is left as it is, so queuing twice sends once) and
     * wakes the scheduler. Returns how many were added.
     */
    public <P> int enqueue(JobKind<P> kind, List<NewJob<P>> jobs) {
        int added = store.insert(inserts(kind, jobs), clock.instant());
        if (added > 0) {
            wake();
        }
        return added;
    }

    /**
     * As {@link #enqueue}, inside the caller's transaction (so a feature's own rows and its jobs commit together);
     * call {@link #wake()} after the commit.
     */
    public <P> int enqueue(Connection transaction, JobKind<P> kind, List<NewJob<P>> jobs) throws SQLException {
        return OutboxStore.insert(transaction, inserts(kind, jobs), clock.instant());
    }

    private <P> List<OutboxStore.Insert> inserts(JobKind<P> kind, List<NewJob<P>> jobs) {
        if (kinds.get(kind.name()) != kind) {
            throw new IllegalStateException("the job kind " + kind.name() + " is not registered");
        }
        List<OutboxStore.Insert> rows = new ArrayList<>(jobs.size());
        for (NewJob<P> j : jobs) {
            rows.add(new OutboxStore.Insert(kind.name(), j.key(kind.name()), j.subject(), j.part(), j.destination(),
                    j.generation(), j.due(), kind.payload().write(j.payload())));
        }
        return rows;
    }

    /** Drops the pending jobs of a subject (of one part when {@code part} is not null), in the caller's transaction. */
    public int dropPending(Connection transaction, JobKind<?> kind, String subject, String part, String reason)
            throws SQLException {
        return OutboxStore.dropPending(transaction, kind.name(), subject, part, reason, clock.instant());
    }

    /** Drops the jobs of a subject not yet claimed (a cancelled announcement). Returns how many. */
    public int dropPending(JobKind<?> kind, String subject, String reason) {
        return store.database().transaction(c -> dropPending(c, kind, subject, null, reason));
    }

    /** How many distinct parts the jobs of a subject have had (numbers the next change notice). */
    public int countParts(Connection transaction, JobKind<?> kind, String subject) throws SQLException {
        return OutboxStore.countParts(transaction, kind.name(), subject);
    }

    /** Moves the jobs of a subject not yet tried to a new due time. Returns how many moved. */
    public int moveUnsent(JobKind<?> kind, String subject, Instant due) {
        int moved = store.moveUnsent(kind.name(), subject, due, clock.instant());
        if (moved > 0) {
            wake();
        }
        return moved;
    }

    /** The jobs of one kind and subject, oldest first. */
    public <P> List<Job<P>> jobs(JobKind<P> kind, String subject) {
        return store.rowsOf(kind.name(), subject).stream().map(r -> job(kind, r)).toList();
    }

    /** The jobs of a registered kind, named, and subject, oldest first (for views that do not hold the kind). */
    public List<Job<?>> jobs(String kindName, String subject) {
        JobKind<?> kind = kinds.get(kindName);
        if (kind == null) {
            throw new IllegalArgumentException("no job kind " + kindName + " is registered");
        }
        return List.copyOf(jobs(kind, subject));
    }

    static <P> Job<P> job(JobKind<P> kind, OutboxStore.Row r) {
        return new Job<>(r.id(), r.kind(), r.subject(), r.part(), r.target(), r.dueAt(), r.state(), r.attempts(),
                r.lastError(), r.messageRef(), r.idempotencyKey(), kind.payload().read(r.payload()));
    }

    // ---- running ----

    /**
     * Takes the lock (refusing if another process holds it), resolves deliveries a crash interrupted, lets the
     * sources plan, and with {@code background} starts the scheduler thread. Without it, the owner calls
     * {@link #fireDue()} (the console does, after each line).
     */
    public void start(boolean background) throws LedgerBusyException {
        if (running || closed) {
            throw new IllegalStateException("the outbox can be started once");
        }
        lock = LedgerLock.acquire(store.database().file(), clock.instant());
        running = true;
        try {
            dispatcher.resolveInterrupted();
            for (JobSource s : sources) {
                s.started(clock.instant());
            }
        } catch (RuntimeException e) {
            running = false;
            lock.close();
            throw e;
        }
        if (clock instanceof ManualClock manual) {
            manual.onChange(t -> wake());
        }
        if (background) {
            this.background = true;
            scheduler.start();
        }
        LOG.info("Outbox started on {} (lock {}); platforms: {}; kinds: {}", store.database().file(), lock.file(),
                platforms.ids(), kinds.keySet());
    }

    public boolean running() {
        return running;
    }

    /** Wakes the scheduler: something may be due sooner than it thought. */
    public void wake() {
        scheduler.wake();
    }

    /**
     * Fires everything due at the clock's current instant, on this thread, and returns when every send has been
     * answered (or timed out). Returns how many messages were delivered.
     */
    public int fireDue() {
        if (!running) {
            return 0;
        }
        fireLock.lock();
        try {
            int delivered = 0;
            while (running) {
                Instant now = clock.instant();
                int released = 0;
                for (JobSource s : sources) {
                    JobSource.Released r = s.release(now);
                    released += r.handled();
                    counters.dropped.addAndGet(r.dropped());
                }
                List<OutboxStore.Row> claimed = store.claim(store.due(now, platforms.ids(), kinds.keySet(),
                        tuning.claimBatch), now);
                if (claimed.isEmpty()) {
                    if (released == 0) {
                        break;
                    }
                    continue;
                }
                delivered += dispatcher.send(claimed);
            }
            return delivered;
        } finally {
            fireLock.unlock();
        }
    }

    /** The next instant anything is due: a pending job of a running platform, or a source's work. */
    public Optional<Instant> nextDue() {
        Optional<Instant> best = store.nextDue(platforms.ids(), kinds.keySet());
        for (JobSource s : sources) {
            Optional<Instant> n = s.nextDue();
            if (n.isPresent() && (best.isEmpty() || n.get().isBefore(best.get()))) {
                best = n;
            }
        }
        return best;
    }

    /** A waiting job this far past its due time counts as late in {@link #backlog}. */
    public static final Duration LATE_AFTER = Duration.ofMinutes(1);

    /** Each registered kind's backlog now (zeros included, so every kind is always reported), by name. */
    public List<Backlog> backlog() {
        Map<String, int[]> counts = store.backlog(clock.instant().minus(LATE_AFTER));
        java.util.TreeSet<String> names = new java.util.TreeSet<>(kinds.keySet());
        names.addAll(counts.keySet());
        List<Backlog> out = new java.util.ArrayList<>();
        for (String name : names) {
            int[] c = counts.getOrDefault(name, new int[3]);
            out.add(new Backlog(name, c[0], c[1], c[2]));
        }
        return out;
    }

    /** Who is told of each confirmed delivery (the bot's meters); set before start. */
    public Outbox observe(DeliveryObserver observer) {
        tuning.observer = observer;
        return this;
    }

    public Stats stats() {
        return new Stats(store.counts(), counters.sent.get(), counters.dropped.get(), counters.retried.get(),
                counters.failed.get(), counters.alerts.get(), counters.foundDelivered.get(),
                counters.resentAfterCrash.get());
    }

    /** For the staff's {@code reminders} command: the state of the outbox in a few lines, in English. */
    public String statusText() {
        return statusText(Locale.ENGLISH);
    }

    /**
     * As {@link #statusText()}, the frame in {@code l}'s language; the jobs' own descriptions, the state names (the
     * ledger's column values) and the platforms' errors stay as they are. Counts go in as text, so ICU does not
     * group them.
     */
    public String statusText(Locale l) {
        Stats st = stats();
        String states = st.rowsByState().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().sql())
                .collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder(Messages.t(l, "outbox.status", states,
                nextDue().map(Instant::toString).orElse(Messages.t(l, "outbox.nothingPlanned")),
                String.valueOf(st.sent()), String.valueOf(st.droppedLate()), String.valueOf(st.retried()),
                String.valueOf(st.failed()), String.valueOf(st.alerts())));
        for (OutboxStore.Row r : store.recentFailures(5)) {
            sb.append('\n').append(Messages.t(l, "outbox.failedLine", describe(r, l),
                    StaffAlerts.describe(r.target(), l),
                    String.valueOf(r.attempts()), r.lastError()));
        }
        return sb.toString();
    }

    private String describe(OutboxStore.Row r, Locale l) {
        JobKind<?> kind = kinds.get(r.kind());
        try {
            return kind == null ? r.kind() + " " + r.part() + " of " + r.subject() : describeAs(kind, r, l);
        } catch (RuntimeException e) {
            return r.kind() + " " + r.part() + " of " + r.subject();
        }
    }

    /** How a staff alert or the status names a stored job in {@code l}, for the dispatcher and the status alike. */
    static <P> String describeAs(JobKind<P> kind, OutboxStore.Row r, Locale l) {
        // English through describe(Job), which a kind may override on its own
        return l.getLanguage().equals("en") ? kind.describe(job(kind, r)) : kind.describe(job(kind, r), l);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasRunning = running;
        if (wasRunning) {
            for (JobSource s : sources) {
                s.stopping();
            }
        }
        running = false;
        if (background) {
            scheduler.stop(tuning.sendTimeout.plusSeconds(5));
        }
        if (wasRunning && lock != null) {
            lock.close();
        }
    }
}
