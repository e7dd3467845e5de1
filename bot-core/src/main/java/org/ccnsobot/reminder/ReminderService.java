package org.ccnsobot.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.Durations;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.store.Database;
import org.ccnsobot.time.ManualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans, fires and delivers reminders. One scheduler thread sleeps until the next due slot or row (no polling
 * interval), and wakes early when the calendar changes or a manual clock moves. Every firing is guarded: a failure
 * is logged and contained, and the thread carries on. {@link #fireDue()} runs one firing on the caller's thread,
 * which is how the console makes reminders appear before it reads its next line.
 */
public final class ReminderService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    static final String REMINDER = "reminder";
    static final String CHANGE = "change";
    static final String ALERT = "alert";
    static final String UPDATE = "update";

    /** The zone a member reads times in. */
    @FunctionalInterface
    public interface ZoneLookup {
        ZoneId zoneFor(String platform, String userId);
    }

    /**
     * A kind of ledger row another feature owns (announcements, the digest, update notices). Its rows are claimed,
     * sent, retried and marked exactly like reminders; the kind only words each one at send time and may say it is
     * no longer worth sending.
     */
    public interface RowKind {
        String name();

        /** The message for one row, worded now; may throw to mark the row failed. */
        OutgoingMessage render(Job job);

        /** Why a due row should be dropped instead of sent, if it should. Read outside any transaction. */
        default Optional<String> dropReason(Job job, Instant now) {
            return Optional.empty();
        }
    }

    /**
     * One ledger row as other features see it. {@code subject} is what the row is about (an announcement id, a
     * digest week), {@code part} tells rows of one subject and destination apart (a message's part number).
     */
    public record Job(long id, String kind, String subject, String part, Destination destination, Instant due,
                      String state, int attempts, String lastError, String messageRef, String note) {

        public boolean sent() {
            return state.equals(Ledger.SENT);
        }
    }

    /** A row to queue for a {@link RowKind}. */
    public record NewJob(String subject, String part, Destination destination, Instant due, String note) {
    }

    /** Counts since start, and the ledger's rows by state. */
    public record Stats(Map<String, Integer> rowsByState, long sent, long droppedLate, long retried, long failed,
                        long alerts, long foundDelivered, long resentAfterCrash) {
    }

    private final Ledger ledger;
    private final CalendarService calendar;
    private final Subscriptions subscriptions;
    private final RemindersConfig config;
    private final ReminderPolicy policy;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final ZoneLookup zones;
    private final Map<String, Outlet> outlets = new LinkedHashMap<>();
    private final Map<String, Throttle> throttles = new LinkedHashMap<>();
    private final Map<String, RowKind> kinds = new java.util.concurrent.ConcurrentHashMap<>();

    private Duration sendTimeout = Duration.ofSeconds(30);
    private Duration backoffBase = Duration.ofSeconds(30);
    private Duration backoffCap = Duration.ofMinutes(30);
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private int claimBatch = 200;
    private int maxInFlight = 32;
    private int markBatch = 50;
    private final List<Ledger.Delivery> unmarked = new ArrayList<>();

    private final ReentrantLock fireLock = new ReentrantLock();
    private final Object changeLock = new Object();
    private final Object monitor = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile boolean closed;
    private Thread thread;
    private LedgerLock lock;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong droppedLate = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong foundDelivered = new AtomicLong();
    private final AtomicLong resentAfterCrash = new AtomicLong();

    private ReminderService(Database db, CalendarService calendar, Subscriptions subscriptions, RemindersConfig config,
                            ZoneId defaultZone, Clock clock, List<Outlet> outlets, ZoneLookup zones) {
        this.ledger = new Ledger(db);
        this.calendar = calendar;
        this.subscriptions = subscriptions;
        this.config = config;
        this.policy = new ReminderPolicy(config);
        this.defaultZone = defaultZone;
        this.clock = clock;
        this.zones = zones;
        for (Outlet o : outlets) {
            this.outlets.put(o.id(), o);
            this.throttles.put(o.id(), new Throttle(o.platform().sendLimits()));
        }
    }

    public static ReminderService create(Database db, CalendarService calendar, Subscriptions subscriptions,
                                         RemindersConfig config, ZoneId defaultZone, Clock clock, List<Outlet> outlets,
                                         ZoneLookup zones) {
        return new ReminderService(db, calendar, subscriptions, config, defaultZone, clock, outlets, zones);
    }

    /** How long a send may take before it counts as a transient failure (default 30 s). */
    public ReminderService sendTimeout(Duration timeout) {
        this.sendTimeout = timeout;
        return this;
    }

    /** Retry delays: base × 2^(attempt-1), at most cap, with jitter in [½, 1] of that (defaults 30 s and 30 min). */
    public ReminderService backoff(Duration base, Duration cap) {
        this.backoffBase = base;
        this.backoffCap = cap;
        return this;
    }

    /** The source of jitter in [0, 1); tests pin it. */
    public ReminderService jitter(DoubleSupplier source) {
        this.jitter = source;
        return this;
    }

    /**
     * How many rows one claim takes, how many sends may be in flight at once, and how many confirmed deliveries
     * share one commit (1: every delivery is committed on its own).
     */
    public ReminderService batching(int claim, int inFlight, int marks) {
        this.claimBatch = claim;
        this.maxInFlight = inFlight;
        this.markBatch = marks;
        return this;
    }

    /**
     * Takes the ledger (refusing if another process holds it), resolves deliveries a crash interrupted, plans every
     * upcoming event, and with {@code background} starts the scheduler thread. Without it, the owner calls
     * {@link #fireDue()} (the console does, after each line).
     */
    public void start(boolean background) throws LedgerBusyException {
        if (running || closed) {
            throw new IllegalStateException("reminders can be started once");
        }
        lock = LedgerLock.acquire(ledger.database().file(), clock.instant());
        running = true;
        try {
            resolveInterrupted();
            planAll();
        } catch (RuntimeException e) {
            running = false;
            lock.close();
            throw e;
        }
        if (clock instanceof ManualClock manual) {
            manual.onChange(t -> wake());
        }
        if (background) {
            thread = new Thread(this::loop, "reminders");
            thread.setDaemon(true);
            thread.start();
        }
        LOG.info("Reminders started on {} (lock {}); platforms: {}", ledger.database().file(), lock.file(),
                outlets.keySet());
    }

    public boolean running() {
        return running;
    }

    // ---- rows owned by other features ----

    /** Lets another feature deliver its own kind of row through this ledger. */
    public void register(RowKind kind) {
        kinds.put(kind.name(), kind);
    }

    /**
     * Queues rows of a registered kind (one per subject, part and destination; a row whose key exists already is left
     * as it is, so queuing twice posts once) and wakes the scheduler. Returns how many were added.
     */
    public int enqueue(String kind, List<NewJob> jobs) {
        if (!kinds.containsKey(kind)) {
            throw new IllegalStateException("no row kind " + kind + " is registered");
        }
        List<Ledger.NewRow> rows = new ArrayList<>();
        for (NewJob j : jobs) {
            rows.add(new Ledger.NewRow(kind + "|" + j.subject() + "|" + j.part() + "|" + j.destination().key(), kind,
                    j.subject(), j.part(), j.destination(), 1, j.due(), j.note()));
        }
        int added = ledger.add(rows, clock.instant());
        wake();
        return added;
    }

    /** The rows of one kind and subject, oldest first. */
    public List<Job> jobs(String kind, String subject) {
        return ledger.rowsOf(kind, subject).stream().map(ReminderService::job).toList();
    }

    /** Drops the rows of a subject not yet claimed (a cancelled announcement). Returns how many. */
    public int dropPending(String kind, String subject, String reason) {
        return ledger.dropPending(kind, subject, reason, clock.instant());
    }

    /**
     * Moves the rows of a subject not yet tried to a new due time (the digest's schedule changed in the config).
     * Rows already sent, being sent or retrying keep theirs. Returns how many moved.
     */
    public int moveUnsent(String kind, String subject, Instant due) {
        int moved = ledger.moveUnsent(kind, subject, due, clock.instant());
        if (moved > 0) {
            wake();
        }
        return moved;
    }

    /** The running platform with this id, if any. */
    public Optional<Outlet> outlet(String platformId) {
        return Optional.ofNullable(outlets.get(platformId));
    }

    public List<Outlet> outlets() {
        return List.copyOf(outlets.values());
    }

    private static Job job(Ledger.Row r) {
        return new Job(r.id(), r.kind(), r.eventId(), r.offsetKey(), r.target(), r.dueAt(), r.state(), r.attempts(),
                r.lastError(), r.messageRef(), r.note());
    }

    // ---- planning ----

    private void planAll() {
        Instant now = clock.instant();
        // a day back, so a date-only event of today still gets its morning reminder; any status, so a cancellation
        // saved while the reminders were down still drops its slots and sends its notice
        synchronized (changeLock) {
            List<Ledger.Plan> plans = new ArrayList<>();
            for (Event e : calendar.between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(36_500)))) {
                plans.add(plan(Optional.empty(), e, now));
            }
            Ledger.Applied applied = ledger.apply(plans, now);
            LOG.info("Planned reminders for {} event(s): {} slot(s) added or moved, {} change notice(s) queued",
                    plans.size(), applied.slotsChanged(), applied.noticesAdded());
        }
    }

    /**
     * Called for every saved event (via {@link CalendarService#onEventChanged}): reschedules or drops its reminders,
     * and for an edit, move or cancellation of an event not yet over, queues one notice to each announcement channel
     * and each subscriber (of the event before or after the change).
     */
    public void eventChanged(Optional<Event> before, Event after) {
        if (!running) {
            return;
        }
        synchronized (changeLock) {
            Instant now = clock.instant();
            Ledger.Applied applied = ledger.apply(List.of(plan(before, after, now)), now);
            if (applied.noticesAdded() > 0) {
                LOG.info("Event {} changed: {} notice(s) queued", after.id(), applied.noticesAdded());
            }
        }
        wake();
    }

    /**
     * What the reminders must do for an event, worked out before any transaction (reading the calendar inside one
     * could deadlock with its cache). Slots follow the policy; no new slot is added for an event that has begun
     * (slots it has are dropped, and counted, when due). The event is compared with the version the reminders last
     * acted on (their snapshot; {@code before} only when they have none): for a change members care about on an
     * event not yet over, one notice per destination is queued in the same transaction that records the new
     * snapshot, so a change is announced once even if it was saved while the reminders were down or the process
     * died before queuing it.
     */
    private Ledger.Plan plan(Optional<Event> before, Event e, Instant now) {
        Map<String, Instant> desired = new LinkedHashMap<>();
        for (ReminderPolicy.Slot s : policy.plan(e, calendar.reminderOffsets(e.id()))) {
            desired.put(s.offsetKey(), s.due());
        }
        boolean addNew = ReminderPolicy.stillUseful(e, now);
        Optional<String> stored = ledger.snapshot(e.id());
        Optional<Event> known = stored.isPresent() ? stored.flatMap(EventSnapshots::read) : before;
        if (stored.isPresent() && known.isPresent() && known.get().equals(e)) {
            return new Ledger.Plan(e.id(), desired, addNew, null, List.of());
        }
        List<Ledger.NewRow> rows = new ArrayList<>();
        Optional<String> note = Optional.empty();
        if (known.isPresent() && e.endKey().isAfter(now)) {
            note = ReminderTexts.change(known.get(), e, new EventMessages(calendar.meetingsByCode()), defaultZone);
        }
        if (note.isPresent()) {
            int n = ledger.changeCount(e.id()) + 1;
            for (Destination d : destinations(List.of(known.get(), e))) {
                rows.add(new Ledger.NewRow(CHANGE + "|" + e.id() + "|" + n + "|" + d.key(), CHANGE, e.id(),
                        "change-" + n, d, 1, now, EventSnapshots.write(new EventSnapshots.Change(known.get(), e))));
            }
        }
        return new Ledger.Plan(e.id(), desired, addNew, EventSnapshots.write(e), rows);
    }

    /**
     * A committee posted a status update (via {@link CalendarService#onUpdateAdded}): each member who follows the
     * committee gets it once by DM, through the ledger like any reminder.
     */
    public void committeeUpdated(org.ccnsobot.domain.CommitteeUpdate update) {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        String note = update.committee() + " update" + (update.author() == null ? "" : " from " + update.author())
                + ": " + update.text();
        List<Ledger.NewRow> rows = new ArrayList<>();
        for (Outlet o : outlets.values()) {
            for (String user : subscriptions.followersOf(o.id(), update.committee())) {
                Destination d = new Destination.DirectMessage(o.id(), user);
                rows.add(new Ledger.NewRow(UPDATE + "|" + update.id() + "|" + d.key(), UPDATE, "update:" + update.id(),
                        update.committee(), d, 1, now, note));
            }
        }
        int added = ledger.add(rows, now);
        if (added > 0) {
            LOG.info("Committee update {} of {}: {} follower(s) to tell", update.id(), update.committee(), added);
            wake();
        }
    }

    /** Each announcement channel, then the DMs of everyone subscribed to any of the events, per running platform. */
    private List<Destination> destinations(List<Event> events) {
        List<Destination> out = new ArrayList<>();
        for (Outlet o : outlets.values()) {
            if (o.announcementChannel() != null) {
                out.add(new Destination.Channel(o.id(), o.announcementChannel()));
            }
            Set<String> users = new LinkedHashSet<>();
            for (Event e : events) {
                users.addAll(subscriptions.subscribersOf(o.id(), e));
            }
            for (String u : users) {
                out.add(new Destination.DirectMessage(o.id(), u));
            }
        }
        return out;
    }

    // ---- firing ----

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
                int slots = expandDueSlots(now);
                Ledger.Claim claim = ledger.claimDue(now, outlets.keySet(), claimBatch, r -> dropReason(r, now));
                if (claim.dropped() > 0) {
                    droppedLate.addAndGet(claim.dropped());
                    LOG.warn("Dropped {} reminder(s) not worth sending late (their event had begun, was cancelled"
                            + " or is gone)", claim.dropped());
                }
                if (claim.rows().isEmpty()) {
                    if (slots == 0 && claim.dropped() == 0) {
                        break;
                    }
                    continue;
                }
                delivered += send(claim.rows());
            }
            return delivered;
        } finally {
            fireLock.unlock();
        }
    }

    private int expandDueSlots(Instant now) {
        int n = 0;
        List<Ledger.SlotRow> due = ledger.dueSlots(now, 500);
        Map<String, Ledger.SlotRow> latest = new LinkedHashMap<>();
        for (Ledger.SlotRow s : due) {
            latest.put(s.eventId(), s);
        }
        for (Ledger.SlotRow s : due) {
            Optional<Event> e = calendar.event(s.eventId());
            List<Ledger.NewRow> rows = new ArrayList<>();
            if (latest.get(s.eventId()) != s) {
                // after downtime two reminders of one event can be due at once: only the nearer one is sent
                LOG.info("Skipped the {} reminder of {}: a later one is due too", label(s.offsetKey()), s.eventId());
            } else if (e.isPresent() && ReminderPolicy.stillUseful(e.get(), now)) {
                for (Destination d : destinations(List.of(e.get()))) {
                    rows.add(new Ledger.NewRow(s.eventId() + "|" + s.offsetKey() + "|" + d.key(), REMINDER, s.eventId(),
                            s.offsetKey(), d, s.generation(), s.due(), null));
                }
            } else {
                droppedLate.incrementAndGet();
                LOG.warn("Dropped the {} reminder of {}: due {}, but by {} the event had begun, was cancelled or is"
                        + " gone (not sent late)", label(s.offsetKey()), s.eventId(), s.due(), now);
            }
            ledger.expand(s, rows, now);
            n++;
        }
        return n;
    }

    private Optional<String> dropReason(Ledger.Row r, Instant now) {
        RowKind owner = kinds.get(r.kind());
        if (owner != null) {
            return owner.dropReason(job(r), now);
        }
        if (r.kind().equals(ALERT) || r.kind().equals(UPDATE)) {
            return Optional.empty();
        }
        Optional<Event> e = calendar.event(r.eventId());
        if (e.isEmpty()) {
            return Optional.of("the event is no longer in the calendar");
        }
        if (r.kind().equals(REMINDER) && !ReminderPolicy.stillUseful(e.get(), now)) {
            return Optional.of("the event had begun or was cancelled when it was due; not sent late");
        }
        if (r.kind().equals(CHANGE) && !e.get().endKey().isAfter(now)) {
            return Optional.of("the event is over");
        }
        return Optional.empty();
    }

    private int send(List<Ledger.Row> rows) {
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
        EventMessages messages = new EventMessages(calendar.meetingsByCode());
        int i = 0;
        try {
            for (; i < rows.size(); i++) {
                Ledger.Row r = rows.get(i);
                Outlet o = outlets.get(r.platform());
                OutgoingMessage message;
                try {
                    message = render(r, messages);
                } catch (RuntimeException e) {
                    LOG.error("Cannot word the {} for {} (row {}); marking it failed", r.kind(), r.eventId(), r.id(), e);
                    settle(r, null, e);
                    continue;
                }
                throttles.get(r.platform()).acquire();
                inFlight.acquire();
                outcomes.add(sendOne(o, r, message.withIdempotencyKey(r.idempotencyKey()), inFlight));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Instant now = clock.instant();
            for (; i < rows.size(); i++) {
                ledger.release(rows.get(i), "stopped before sending", now);
            }
        }
        int delivered = 0;
        for (CompletableFuture<Boolean> f : outcomes) {
            if (f.join()) {
                delivered++;
            }
        }
        flushMarks();
        return delivered;
    }

    /** Commits the confirmed deliveries buffered so far, in one transaction. */
    private void flushMarks() {
        List<Ledger.Delivery> batch;
        synchronized (unmarked) {
            if (unmarked.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(unmarked);
            unmarked.clear();
        }
        sent.addAndGet(ledger.markSent(batch));
    }

    /** One guarded send: whatever the platform does (throw, fail, hang), the row ends settled and the permit freed. */
    private CompletableFuture<Boolean> sendOne(Outlet o, Ledger.Row r, OutgoingMessage message, Semaphore inFlight) {
        CompletableFuture<SentRef> original;
        try {
            original = o.platform().send(r.target(), message);
            if (original == null) {
                original = CompletableFuture.failedFuture(new IllegalStateException("the platform returned no future"));
            }
        } catch (RuntimeException e) {
            original = CompletableFuture.failedFuture(e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        original.whenComplete((ref, err) -> {
            if (err == null && timedOut.get()) {
                // it landed after all: record it, so the retry (same key) is not needed
                try {
                    if (ledger.markSent(r, ref == null ? null : ref.messageId(), clock.instant())) {
                        LOG.info("Delivery {} landed after its time-out; recorded as sent", r.idempotencyKey());
                    }
                } catch (RuntimeException e) {
                    LOG.error("Recording a late delivery of {} failed", r.idempotencyKey(), e);
                }
            }
        });
        return original.copy().orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((ref, err) -> {
            try {
                if (unwrap(err) instanceof TimeoutException) {
                    timedOut.set(true);
                    return settle(r, null, new TimeoutException("no answer within " + Durations.format(sendTimeout)));
                }
                return settle(r, ref, err);
            } catch (RuntimeException e) {
                LOG.error("Settling delivery {} failed", r.idempotencyKey(), e);
                return false;
            } finally {
                inFlight.release();
            }
        });
    }

    private OutgoingMessage render(Ledger.Row r, EventMessages messages) {
        RowKind owner = kinds.get(r.kind());
        if (owner != null) {
            return owner.render(job(r));
        }
        Optional<Event> e = calendar.event(r.eventId());
        if (r.kind().equals(REMINDER)) {
            Event ev = e.orElseThrow(() -> new IllegalStateException("event " + r.eventId() + " is gone"));
            return ReminderTexts.reminder(ev, messages, viewer(r.target()), clock.instant());
        }
        String note = r.note() == null ? "" : r.note();
        if (r.kind().equals(CHANGE)) {
            // worded now, in the reader's zone, from the change as it was recorded
            Optional<EventSnapshots.Change> change = EventSnapshots.readChange(note);
            if (change.isPresent()) {
                note = ReminderTexts.change(change.get().before(), change.get().after(), messages, viewer(r.target()))
                        .orElse(note);
            }
        }
        boolean aboutAnEvent = r.kind().equals(CHANGE);
        return ReminderTexts.notice(note, aboutAnEvent ? e : Optional.empty(), messages);
    }

    private ZoneId viewer(Destination d) {
        return d instanceof Destination.DirectMessage dm ? zones.zoneFor(dm.platform(), dm.userId()) : defaultZone;
    }

    /** Records the outcome of one attempt. Returns true when the message was delivered. */
    private boolean settle(Ledger.Row r, SentRef ref, Throwable err) {
        Instant now = clock.instant();
        if (err == null) {
            boolean flush;
            synchronized (unmarked) {
                unmarked.add(new Ledger.Delivery(r, ref == null ? null : ref.messageId(), now));
                flush = unmarked.size() >= markBatch;
            }
            if (flush) {
                flushMarks();
            }
            return true;
        }
        Throwable cause = unwrap(err);
        boolean transientFailure = !(cause instanceof PlatformException p) || p.isTransient();
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (transientFailure && r.attempts() < config.maxAttempts()) {
            Duration delay = backoff(r.attempts());
            if (ledger.markRetry(r, now.plus(delay), error, now)) {
                retried.incrementAndGet();
                LOG.info("Delivery {} failed (attempt {} of {}: {}); retrying in {}", r.idempotencyKey(), r.attempts(),
                        config.maxAttempts(), error, Durations.format(delay));
            }
            return false;
        }
        if (ledger.markFailed(r, error, now)) {
            failed.incrementAndGet();
            LOG.warn("Delivery {} failed for good after {} attempt(s): {}", r.idempotencyKey(), r.attempts(), error);
            if (r.kind().equals(ALERT)) {
                LOG.error("The staff alert {} could not be delivered: {}", r.rowKey(), r.note());
            } else {
                alertStaff(r, error, now);
            }
        }
        return false;
    }

    /** One alert per failed row (its key is derived from the row's), to the platform's staff channel. */
    private void alertStaff(Ledger.Row r, String error, Instant now) {
        Outlet o = outlets.get(r.platform());
        String channel = o == null ? null : o.staffChannel();
        String platform = r.platform();
        if (channel == null) {
            for (Outlet other : outlets.values()) {
                if (other.staffChannel() != null) {
                    channel = other.staffChannel();
                    platform = other.id();
                    break;
                }
            }
        }
        String title = calendar.event(r.eventId()).map(Event::title).orElse(r.eventId());
        String what = switch (r.kind()) {
            case CHANGE -> "The change notice";
            case UPDATE -> "The " + r.offsetKey() + " update";
            default -> kinds.containsKey(r.kind()) ? "The " + r.kind() + " (part " + r.offsetKey() + ")"
                    : "The " + label(r.offsetKey()) + " reminder";
        };
        String about = r.kind().equals(UPDATE) || kinds.containsKey(r.kind()) ? " [" + r.eventId() + "]"
                : " of " + title + " [" + r.eventId() + "]";
        String note = what + about + " to " + describe(r.target()) + " could not be"
                + " delivered after " + r.attempts() + " attempt(s): " + error;
        if (channel == null) {
            LOG.error("{} (no staffChannel is configured, so this is only logged)", note);
            return;
        }
        int added = ledger.add(List.of(new Ledger.NewRow(ALERT + "|" + r.idempotencyKey(), ALERT, r.eventId(),
                r.offsetKey(), new Destination.Channel(platform, channel), 1, now, note)), now);
        alerts.addAndGet(added);
    }

    private static String describe(Destination d) {
        return d instanceof Destination.Channel c ? "channel " + c.channelId() + " on " + c.platform()
                : "the DMs of " + ((Destination.DirectMessage) d).userId() + " on " + d.platform();
    }

    static String label(String offsetKey) {
        if (offsetKey.equals(ReminderPolicy.MORNING)) {
            return "morning";
        }
        try {
            Duration d = Duration.parse(offsetKey);
            if (d.toMinutesPart() != 0 || d.toSecondsPart() != 0) {
                return Durations.format(d).replace(" ", "");
            }
            long hours = d.toHours();
            return hours >= 48 && hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
        } catch (RuntimeException e) {
            return offsetKey;
        }
    }

    Duration backoff(int attempt) {
        long baseMs = backoffBase.toMillis();
        long ms = baseMs << Math.min(Math.max(attempt - 1, 0), 20);
        ms = Math.min(ms, backoffCap.toMillis());
        return Duration.ofMillis((long) (ms * (0.5 + 0.5 * jitter.getAsDouble())));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- after a crash ----

    /**
     * Rows left in {@code sending} were interrupted mid-delivery. Each platform is asked whether the message landed
     * (by its idempotency key); a found one is marked sent without resending. When the platform cannot tell, the
     * row goes back to pending and is resent with the same key, which Discord (nonce) and Slack (metadata check)
     * turn into a no-op if it had landed.
     */
    private void resolveInterrupted() {
        List<Ledger.Row> rows = ledger.inState(Ledger.SENDING);
        if (rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int found = 0;
        int resend = 0;
        for (Ledger.Row r : rows) {
            Outlet o = outlets.get(r.platform());
            Optional<SentRef> ref = Optional.empty();
            if (o != null) {
                try {
                    ref = o.platform().findDelivered(r.target(), r.idempotencyKey())
                            .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    LOG.warn("Cannot tell whether {} landed ({}); it will be resent with the same key",
                            r.idempotencyKey(), unwrap(e).getMessage());
                }
            }
            if (ref != null && ref.isPresent()) {
                ledger.markSent(r, ref.get().messageId(), now);
                found++;
            } else {
                ledger.release(r, "interrupted mid-delivery; resent with the same idempotency key", now);
                resend++;
            }
        }
        foundDelivered.addAndGet(found);
        resentAfterCrash.addAndGet(resend);
        LOG.warn("{} delivery(ies) were interrupted by a stop or crash: {} had landed (marked sent, not resent), {}"
                + " will be resent with the same idempotency key", rows.size(), found, resend);
    }

    // ---- the scheduler thread ----

    private void wake() {
        synchronized (monitor) {
            wakeRequested = true;
            monitor.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean ok = true;
            try {
                fireDue();
            } catch (RuntimeException | Error e) {
                ok = false;
                LOG.error("Firing reminders failed; the scheduler carries on", e);
            }
            Optional<Instant> next;
            try {
                next = ok ? ledger.nextDue(outlets.keySet()) : Optional.of(clock.instant().plusSeconds(1));
            } catch (RuntimeException e) {
                LOG.error("Cannot read when the next reminder is due; looking again in a second", e);
                next = Optional.of(clock.instant().plusSeconds(1));
            }
            synchronized (monitor) {
                if (!running) {
                    break;
                }
                if (wakeRequested) {
                    wakeRequested = false;
                    continue;
                }
                try {
                    if (next.isEmpty()) {
                        monitor.wait();
                    } else {
                        Duration d = Duration.between(clock.instant(), next.get());
                        if (!d.isNegative() && !d.isZero()) {
                            long ms = d.toMillis() + (d.toNanosPart() % 1_000_000 > 0 ? 1 : 0);
                            monitor.wait(Math.max(ms, 1));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                wakeRequested = false;
            }
        }
    }

    public Stats stats() {
        return new Stats(ledger.counts(), sent.get(), droppedLate.get(), retried.get(), failed.get(), alerts.get(),
                foundDelivered.get(), resentAfterCrash.get());
    }

    /** For the staff's {@code reminders} command: the state of the ledger in a few lines. */
    public String statusText() {
        Stats st = stats();
        StringBuilder sb = new StringBuilder("Reminders: ");
        sb.append(st.rowsByState().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", ")));
        sb.append(". Next due: ").append(nextDue().map(Instant::toString).orElse("nothing planned")).append('.');
        sb.append("\nSince start: ").append(st.sent()).append(" sent, ").append(st.droppedLate())
                .append(" reminder(s) dropped because their event had begun, ").append(st.retried()).append(" retries, ").append(st.failed())
                .append(" failed, ").append(st.alerts()).append(" staff alerts.");
        List<Ledger.Row> failures = ledger.recentFailures(5);
        for (Ledger.Row r : failures) {
            sb.append("\n  failed: ").append(r.kind()).append(' ').append(label(r.offsetKey())).append(" of ")
                    .append(r.eventId()).append(" to ").append(describe(r.target())).append(" after ").append(r.attempts())
                    .append(" attempt(s): ").append(r.lastError());
        }
        return sb.toString();
    }

    /** The next instant anything is due, if any (for the bench and the staff). */
    public Optional<Instant> nextDue() {
        return ledger.nextDue(outlets.keySet());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasRunning = running;
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(sendTimeout.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        if (wasRunning && lock != null) {
            lock.close();
        }
    }
}
