package org.ccnsobot.features.reminders;

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
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.outbox.JobSource;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.outbox.PayloadCodec.NoPayload;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ccnsobot.features.subscriptions.Subscriptions;
/**
 * The reminders feature: plans each event's reminder slots, expands a slot when it falls due into one outbox job
 * per destination (each platform's announcement channel and the DMs of the members subscribed at that moment),
 * and queues a change notice when an event members care about changes and a DM for each follower of a committee
 * that posts an update. Delivery (claims, retries, crash recovery, alerts) is the {@link Outbox}'s.
 */
public final class ReminderService implements JobSource {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    private final CalendarService calendar;
    private final Subscriptions subscriptions;
    private final ReminderPolicy policy;
    private final ZoneId defaultZone;
    private final Outbox outbox;
    private final ReminderJobs reminderJobs;
    private final ChangeNotices changeNotices;
    private final ChangeSummaries changeSummaries;
    private final Slots slots;
    private final Object changeLock = new Object();
    private final RemindersConfig config;
    /** Events starting (sort time) before this instant are planned; guarded by {@link #changeLock}. */
    private volatile Instant plannedUntil = Instant.MIN;
    private volatile Instant planEnd = Instant.MIN;
    private volatile Duration horizon = Duration.ZERO;
    private volatile boolean fullyPlanned;
    private volatile Thread planner;
    private volatile int plannedAtStart;
    /** Events planned since start (written under {@link #changeLock}). */
    private volatile int plannedCount;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private ReminderService(Database db, CalendarService calendar, Subscriptions subscriptions, RemindersConfig config,
                            ZoneId defaultZone, Outbox outbox, org.ccnsobot.config.FeedsConfig feeds) {
        this.calendar = calendar;
        this.subscriptions = subscriptions;
        this.policy = new ReminderPolicy(config);
        this.config = config;
        this.defaultZone = defaultZone;
        this.outbox = outbox;
        this.reminderJobs = new ReminderJobs(calendar, policy, feeds);
        this.changeNotices = new ChangeNotices(calendar, feeds);
        this.changeSummaries = new ChangeSummaries(calendar);
        this.slots = new Slots(db, outbox, reminderJobs, changeNotices, changeSummaries);
    }

    /** Registers the reminder and change-notice kinds and the slots with the outbox (before it starts). */
    public static ReminderService attach(Database db, CalendarService calendar, Subscriptions subscriptions,
                                         RemindersConfig config, ZoneId defaultZone, Outbox outbox) {
        return attach(db, calendar, subscriptions, config, defaultZone, outbox, null);
    }

    /** As above, the reminders' cards pointing to each event's own feed on {@code feeds} (null: no feed server). */
    public static ReminderService attach(Database db, CalendarService calendar, Subscriptions subscriptions,
                                         RemindersConfig config, ZoneId defaultZone, Outbox outbox,
                                         org.ccnsobot.config.FeedsConfig feeds) {
        ReminderService service = new ReminderService(db, calendar, subscriptions, config, defaultZone, outbox,
                feeds);
        outbox.register(service.reminderJobs);
        // the single-change kind stays registered for notices an older build queued
        outbox.register(service.changeNotices);
        outbox.register(service.changeSummaries);
        outbox.addSource(service);
        return service;
    }

    // ---- planning ----

    /**
     * Once the outbox runs: plans the events whose reminders can fall due soon (up to the longest offset and two
     * days ahead) before returning, and the rest on a background thread, nearest first, so a large calendar does
     * not hold up the first answer. Each chunk is read and applied under the same lock as {@link #eventChanged};
     * {@link #release} plans up to its own moment first, so a clock that jumps ahead never outruns the planner.
     */
    @Override
    public void started(Instant now) {
        horizon = longestOffset().plus(Duration.ofDays(2));
        planEnd = now.plus(Duration.ofDays(36_500));
        // a day back, so a date-only event of today still gets its morning reminder; any status, so a cancellation
        // saved while the reminders were down still drops its slots and sends its notice
        synchronized (changeLock) {
            plannedUntil = now.minus(Duration.ofDays(1));
            plannedAtStart = planUpTo(now.plus(horizon), now);
            LOG.debug("Planned reminders for {} event(s) due to start before {}; the rest in the background",
                    plannedAtStart, plannedUntil);
        }
        planner = new Thread(this::planTheRest, "reminder-planner");
        planner.setDaemon(true);
        planner.start();
    }

    /**
     * A clean stop lets the planner finish (bounded), so every event has its snapshot and a change saved while the
     * bot is down is announced at the next start; only a crash in the first seconds of a run can leave far events
     * unplanned (docs/reminders.md).
     */
    @Override
    public void stopping() {
        Thread t = planner;
        if (t != null && t.isAlive()) {
            try {
                t.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether every upcoming event has been planned (the background planner has finished). */
    public boolean fullyPlanned() {
        return fullyPlanned;
    }

    private Duration longestOffset() {
        Duration longest = calendar.longestOwnReminderOffset();
        List<Duration> all = new ArrayList<>(config.offsets());
        config.byKind().values().forEach(all::addAll);
        for (Duration d : all) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /** {@link #planUpTo} under the calendar's write lock, then the reminders' own: the order a write takes them. */
    private int planLocked(Instant to, Instant now) {
        int[] n = {0};
        calendar.whileNoWrite(() -> {
            synchronized (changeLock) {
                n[0] = planUpTo(to, now);
            }
        });
        return n[0];
    }

    /** Plans the events from {@link #plannedUntil} to {@code to}; the caller holds {@link #changeLock}. */
    private int planUpTo(Instant to, Instant now) {
        if (!to.isAfter(plannedUntil)) {
            return 0;
        }
        List<Slots.Plan> plans = new ArrayList<>();
        for (Event e : calendar.between(plannedUntil, to)) {
            plans.add(plan(Optional.empty(), e, now));
        }
        if (!plans.isEmpty()) {
            Slots.Applied applied = slots.apply(plans, now);
            if (applied.slotsChanged() > 0 || applied.noticesAdded() > 0) {
                LOG.debug("Planned {} event(s) up to {}: {} slot(s) added or moved, {} change notice(s) queued",
                        plans.size(), to, applied.slotsChanged(), applied.noticesAdded());
            }
        }
        plannedUntil = to;
        plannedCount += plans.size();
        return plans.size();
    }

    private void planTheRest() {
        Duration chunk = Duration.ofDays(7);
        long started = System.nanoTime();
        try {
            while (outbox.running()) {
                if (!plannedUntil.isBefore(planEnd)) {
                    break;
                }
                Instant to = plannedUntil.plus(chunk).isAfter(planEnd) ? planEnd : plannedUntil.plus(chunk);
                int n = planLocked(to, outbox.clock().instant());
                // an empty stretch (years past the last meeting) is crossed in ever larger steps
                chunk = n == 0 ? chunk.multipliedBy(2) : Duration.ofDays(7);
                if (n > 0) {
                    outbox.wake();
                }
            }
            if (outbox.running()) {
                fullyPlanned = true;
                LOG.info("Planned reminders for {} event(s): {} before the first answer, the rest in the background in"
                        + " {} ms", plannedCount, plannedAtStart,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            if (outbox.running()) {
                LOG.error("Planning reminders in the background failed; events further ahead are planned as their"
                        + " time comes", e);
            }
        }
    }

    /** One saved event: {@link #eventsChanged} with it alone. */
    public void eventChanged(Optional<Event> before, Event after) {
        eventsChanged(List.of(new CalendarService.EventChange(before, after)));
    }

    /**
     * Called once per write with every event it changed (via {@link CalendarService#onEventsChanged}): reschedules
     * or drops their reminders and, for the changes members care about on events not yet over (an edit, a move, a
     * cancellation, a session added), queues ONE summary per destination: each schedule channel hears every change,
     * each member those of the events and committees they follow. The summaries and the new snapshots commit in
     * one transaction, and a summary's key is the batch's, so it is queued once and sent once.
     */
    public void eventsChanged(List<CalendarService.EventChange> batch) {
        if (!outbox.running() || batch.isEmpty()) {
            return;
        }
        synchronized (changeLock) {
            Instant now = outbox.clock().instant();
            List<Slots.Plan> plans = new ArrayList<>(batch.size());
            List<EventSnapshots.Change> told = new ArrayList<>();
            for (CalendarService.EventChange c : batch) {
                Planned p = planned(c.before(), c.after(), now);
                plans.add(p.plan());
                if (p.change() != null) {
                    told.add(p.change());
                }
            }
            Slots.Applied applied = slots.apply(plans, summaries(told, now), now);
            if (applied.noticesAdded() > 0) {
                LOG.info("{} event(s) changed: {} change(s) told in {} summary message(s)", batch.size(), told.size(),
                        applied.noticesAdded());
            }
        }
        outbox.wake();
    }

    /** One summary job per destination that should hear of any of {@code told}, each with its share. */
    private List<NewJob<EventSnapshots.Changes>> summaries(List<EventSnapshots.Change> told, Instant now) {
        if (told.isEmpty()) {
            return List.of();
        }
        Map<Destination, List<EventSnapshots.Change>> shares = new LinkedHashMap<>();
        for (ChatPlatform p : outbox.platforms().all()) {
            outbox.platforms().channel(p.id(), ChannelRole.SCHEDULE)
                    .ifPresent(d -> shares.put(d, new ArrayList<>(told)));
            for (EventSnapshots.Change c : told) {
                Set<String> users = new LinkedHashSet<>(subscriptions.subscribersOf(p.id(), c.after()));
                if (c.before() != null) {
                    users.addAll(subscriptions.subscribersOf(p.id(), c.before()));
                }
                for (String u : users) {
                    shares.computeIfAbsent(new Destination.DirectMessage(p.id(), u), d -> new ArrayList<>()).add(c);
                }
            }
        }
        // the batch's own key: the same changes planned again (a retried write) find the same jobs
        StringBuilder key = new StringBuilder();
        for (EventSnapshots.Change c : told) {
            key.append(c.after().id()).append('\n').append(EventSnapshots.write(c.after())).append('\n');
        }
        String subject = "changes:" + sha256(key.toString()).substring(0, 24);
        List<NewJob<EventSnapshots.Changes>> jobs = new ArrayList<>(shares.size());
        shares.forEach((d, share) -> jobs.add(new NewJob<>(subject, ChangeSummaries.PART, d, now,
                new EventSnapshots.Changes(share))));
        return jobs;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What the reminders must do for one event, and the change to tell of it (null when none). */
    private record Planned(Slots.Plan plan, EventSnapshots.Change change) {
    }

    /**
     * What the reminders must do for an event, worked out before any transaction (reading the calendar inside one
     * could deadlock with its cache). Slots follow the policy; no new slot is added for an event that has begun
     * (slots it has are dropped, and counted, when due). The event is compared with the version the reminders last
     * acted on (their snapshot; {@code before} only when they have none): for a change members care about on an
     * event not yet over, one notice per destination is queued in the same transaction that records the new
     * snapshot, so a change is announced once even if it was saved while the reminders were down or the process
     * died before queuing it. (At start-up each event's change is its own notice; a write's changes are told
     * together by {@link #eventsChanged}.) An event the reminders never saw is not announced here.
     */
    private Slots.Plan plan(Optional<Event> before, Event e, Instant now) {
        Planned p = planned(before, e, now);
        EventSnapshots.Change change = p.change();
        if (change == null || change.before() == null) {
            return p.plan();
        }
        List<NewJob<EventSnapshots.Change>> notices = new ArrayList<>();
        String part = "change-" + (slots.changeCount(e.id()) + 1);
        for (Destination d : destinations(ChannelRole.SCHEDULE, List.of(change.before(), e))) {
            notices.add(new NewJob<>(e.id(), part, d, now, change));
        }
        Slots.Plan plan = p.plan();
        return new Slots.Plan(plan.eventId(), plan.desired(), plan.addNew(), plan.snapshot(), notices);
    }

    /**
     * The plan without notices, and the change members care about if there is one: against the snapshot (else
     * {@code before}); an event with neither, new to the calendar ({@code before} empty) and not cancelled, is an
     * addition.
     */
    private Planned planned(Optional<Event> before, Event e, Instant now) {
        Map<String, Instant> desired = new LinkedHashMap<>();
        for (ReminderPolicy.Slot s : policy.plan(e, calendar.reminderOffsets(e.id()))) {
            desired.put(s.offsetKey(), s.due());
        }
        boolean addNew = ReminderPolicy.stillUseful(e, now);
        Optional<String> stored = slots.snapshot(e.id());
        Optional<Event> known = stored.isPresent() ? stored.flatMap(EventSnapshots::read) : before;
        if (stored.isPresent() && known.isPresent() && known.get().equals(e)) {
            return new Planned(new Slots.Plan(e.id(), desired, addNew, null, List.of()), null);
        }
        EventSnapshots.Change change = null;
        if (e.endKey().isAfter(now)) {
            if (known.isPresent()) {
                if (ReminderTexts.change(known.get(), e, new EventMessages(calendar.meetingsByCode()), defaultZone)
                        .isPresent()) {
                    change = new EventSnapshots.Change(known.get(), e);
                }
            } else if (stored.isEmpty() && e.status() != org.ccnsobot.domain.EventStatus.CANCELLED) {
                change = new EventSnapshots.Change(null, e);
            }
        }
        return new Planned(new Slots.Plan(e.id(), desired, addNew, EventSnapshots.write(e), List.of()), change);
    }

    /** The role's channel, then the DMs of everyone subscribed to any of the events, per running platform. */
    private List<Destination> destinations(ChannelRole role, List<Event> events) {
        List<Destination> out = new ArrayList<>();
        for (ChatPlatform p : outbox.platforms().all()) {
            outbox.platforms().channel(p.id(), role).ifPresent(out::add);
            Set<String> users = new LinkedHashSet<>();
            for (Event e : events) {
                users.addAll(subscriptions.subscribersOf(p.id(), e));
            }
            for (String u : users) {
                out.add(new Destination.DirectMessage(p.id(), u));
            }
        }
        return out;
    }

    // ---- slots falling due ----

    @Override
    public Optional<Instant> nextDue() {
        return slots.nextDue();
    }

    /**
     * Expands the slots due at {@code now} into jobs, one per destination with the subscriptions of this moment.
     * A slot whose event has begun, was cancelled or is gone is dropped and counted, not sent late.
     */
    @Override
    public Released release(Instant now) {
        if (!fullyPlanned && planEnd != Instant.MIN && now.plus(horizon).isAfter(plannedUntil)) {
            planLocked(now.plus(horizon), now);
        }
        int n = 0;
        int dropped = 0;
        List<Slots.SlotRow> due = slots.due(now, 500);
        Map<String, Slots.SlotRow> latest = new LinkedHashMap<>();
        for (Slots.SlotRow s : due) {
            latest.put(s.eventId(), s);
        }
        for (Slots.SlotRow s : due) {
            Optional<Event> e = calendar.event(s.eventId());
            List<NewJob<NoPayload>> jobs = new ArrayList<>();
            if (latest.get(s.eventId()) != s) {
                // after downtime two reminders of one event can be due at once: only the nearer one is sent
                LOG.info("Skipped the {} reminder of {}: a later one is due too", ReminderJobs.label(s.offsetKey()),
                        s.eventId());
            } else if (e.isPresent() && ReminderPolicy.stillUseful(e.get(), now)) {
                for (Destination d : destinations(ChannelRole.ANNOUNCEMENTS, List.of(e.get()))) {
                    jobs.add(new NewJob<>(s.eventId(), s.offsetKey(), d, s.due(), NoPayload.INSTANCE, s.generation()));
                }
            } else {
                dropped++;
                LOG.warn("Dropped the {} reminder of {}: due {}, but by {} the event had begun, was cancelled or is"
                        + " gone (not sent late)", ReminderJobs.label(s.offsetKey()), s.eventId(), s.due(), now);
            }
            slots.expand(s, jobs);
            n++;
        }
        return new Released(n, dropped);
    }
}
