// Over 500 lines on purpose: the caches and every write that must invalidate them (local or from another process) stay in one class, so no write can miss a cache.
package org.ccnsobot.features.calendar;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.store.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar's read side with its caches, and every write that must invalidate them. Writes go through here so
 * no cache can serve data older than the last write: each write invalidates what it touches before returning.
 */
public final class CalendarService implements org.ccnsobot.kernel.Names {
    private static final String ALL = "all";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarService.class);

    private final CalendarStore store;
    private final LoadingCache<String, List<Committee>> committees;
    private final LoadingCache<String, Map<String, Meeting>> meetings;
    private final LoadingCache<String, SearchIndex> index;
    private final LoadingCache<String, Optional<Event>> events;
    private final LoadingCache<String, Optional<List<Event>>> range;
    private final CachedEventSearch search;
    private final List<BiConsumer<Optional<Event>, Event>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<List<EventChange>>> batchListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CommitteeUpdate>> updateListeners = new CopyOnWriteArrayList<>();
    private final com.github.benmanes.caffeine.cache.Cache<String, UpcomingWindow> window =
            Caffeine.newBuilder().maximumSize(1).build();
    private final AheadCache ahead;
    static final int WINDOW = 64;
    /**
     * The last version of each event (and the last offsets, and the updates) the listeners were told of. A write
     * of this process reaches the change feed too; against these it is recognised and not told twice.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Event> told =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final com.github.benmanes.caffeine.cache.Cache<String, List<java.time.Duration>> toldOffsets =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> toldUpdates =
            Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * Held from a write's store call to the end of its notifications, and while external changes are applied:
     * the feed then sees either the state before the write or the write already told, never a half-told one.
     */
    private final Object notifyLock = new Object();

    public CalendarService(CalendarStore store) {
        this.store = store;
        this.committees = Caffeine.newBuilder().maximumSize(1).build(k -> store.committees());
        this.meetings = Caffeine.newBuilder().maximumSize(1).build(k -> {
            Map<String, Meeting> byCode = new LinkedHashMap<>();
            for (Meeting m : store.meetings()) {
                byCode.put(m.code(), m);
            }
            return byCode;
        });
        this.search = new CachedEventSearch(store.search());
        this.ahead = new AheadCache(store);
        this.index = Caffeine.newBuilder().maximumSize(1).build(k -> new SearchIndex(search, search.terms()));
        this.events = Caffeine.newBuilder().maximumSize(10_000).build(store::event);
        this.range = Caffeine.newBuilder().maximumSize(1).build(k -> {
            List<Event> first = store.upcoming(Instant.parse("0000-01-01T00:00:00Z"), 1);
            List<Event> last = store.latest(1);
            return first.isEmpty() || last.isEmpty() ? Optional.empty() : Optional.of(List.of(first.get(0), last.get(0)));
        });
    }

    public CalendarStore store() {
        return store;
    }

    // ---- reads ----

    public List<Committee> committees() {
        return committees.get(ALL);
    }

    public Map<String, Meeting> meetingsByCode() {
        return meetings.get(ALL);
    }

    /** The index's vocabulary and typo expansion; read from the database on first use and after each write. */
    public SearchIndex index() {
        return index.get(ALL);
    }

    /** Full-text search over the events, kept in the database (nothing to build at start-up). */
    public EventSearch search() {
        return search;
    }

    public Optional<Event> event(String id) {
        return events.get(key(id));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT).trim();
    }

    /**
     * The next events from {@code from}. Served from a window of the next {@value #WINDOW} events kept in memory,
     * since every member asking "next" within the same hours needs the same rows; any write drops the window.
     */
    public List<Event> upcoming(Instant from, int limit) {
        if (limit > WINDOW) {
            return store.upcoming(from, limit);
        }
        UpcomingWindow w = window.getIfPresent(ALL);
        if (w != null) {
            List<Event> hit = w.serve(from, limit);
            if (hit != null) {
                return hit;
            }
        }
        List<Event> rows = store.upcoming(from, WINDOW);
        window.put(ALL, new UpcomingWindow(from, rows, rows.size() < WINDOW));
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }

    /** The next events after {@code anchor}, as the store returned them. */
    private record UpcomingWindow(Instant anchor, List<Event> events, boolean complete) {
        /** The answer for a later moment, or null when the window cannot tell (too far ahead, or before it). */
        List<Event> serve(Instant from, int limit) {
            if (from.isBefore(anchor)) {
                return null;
            }
            int i = 0;
            while (i < events.size() && events.get(i).sortKey().isBefore(from)) {
                i++;
            }
            int end = Math.min(events.size(), i + limit);
            if (end - i < limit && !complete) {
                return null;
            }
            return events.subList(i, end);
        }
    }

    /**
     * The events not over at {@code now}, soonest first: those still going on or later today (a date-only session
     * is keyed at its day's start, so {@link #upcoming} alone would skip it once its day has begun), then the
     * upcoming ones.
     */
    public List<Event> ahead(Instant now, int limit) {
        return ahead.ahead(now, limit);
    }

    /** The first and last events of the calendar (any status), or empty when it holds none. */
    public Optional<List<Event>> range() {
        return range.get(ALL);
    }

    public List<Event> between(Instant from, Instant to) {
        return store.between(from, to);
    }

    /** Multi-day date-only events overlapping [from, to), whatever their key (see {@link CalendarStore#spanning}). */
    public List<Event> spanning(Instant from, Instant to) {
        return store.spanning(from, to);
    }

    public List<Event> upcomingForCommittee(String acronym, Instant from, int limit) {
        return store.upcomingForCommittee(acronym, from, limit);
    }

    /** A committee's events not over at {@code now} (ongoing ones included), soonest first, from the search index. */
    public List<Event> aheadForCommittee(String acronym, Instant now, int limit) {
        return search.ahead(List.of(new EventSearch.Clause(List.of(Text.squash(acronym)),
                java.util.Set.of(EventSearch.Field.COMMITTEES))), now, limit);
    }

    public List<Event> forMeeting(String code) {
        return store.forMeeting(code);
    }

    public List<CommitteeUpdate> updates(String acronym, int limit) {
        return store.updates(acronym, limit);
    }

    /**
     * A committee by acronym, alias or full name, tolerating case, punctuation and small typos
     * ("tld ops", "Guidelines Reveiw Committee").
     */
    @Override
    public Optional<Committee> committee(String nameOrAcronym) {
        String q = Text.squash(nameOrAcronym);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Committee best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Committee c : committees()) {
            for (String name : names(c)) {
                String n = Text.squash(name);
                int tol = Math.min(Text.tolerance(n.length()), Text.tolerance(q.length()));
                int d = Text.distance(q, n, tol);
                if (d <= tol && d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Committee acronyms closest to what was typed, for "did you mean". */
    @Override
    public List<String> closestCommittees(String typed, int limit) {
        List<String> names = new ArrayList<>();
        Map<String, String> acronymOf = new LinkedHashMap<>();
        for (Committee c : committees()) {
            for (String n : names(c)) {
                names.add(n);
                acronymOf.put(n, c.acronym());
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : Text.closest(typed, names, limit * 3)) {
            String acr = acronymOf.get(n);
            if (!out.contains(acr)) {
                out.add(acr);
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static List<String> names(Committee c) {
        List<String> names = new ArrayList<>();
        names.add(c.acronym());
        names.add(c.name());
        names.addAll(c.aliases());
        // "committee Conseil de la ccNSO": a translated name finds its committee in any language
        names.addAll(c.names().byLanguage().values());
        return names;
    }

    @Override
    public Optional<Meeting> meeting(String code) {
        String q = Text.squash(code);
        for (Meeting m : meetingsByCode().values()) {
            if (Text.squash(m.code()).equals(q) || Text.squash(m.name()).equals(q)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    // ---- writes: each invalidates what it touches ----

    /**
     * Runs {@code work} while no write can save and tell its listeners, so what it reads and acts on is never
     * overtaken by a save whose listener call is still to come (the reminders' background planner needs this).
     */
    public void whileNoWrite(Runnable work) {
        synchronized (notifyLock) {
            work.run();
        }
    }

    public void saveAll(CalendarData data) {
        synchronized (notifyLock) {
            Map<String, Optional<Event>> before = before(data);
            store.saveAll(data.committees(), data.meetings(), data.events(), data.updates());
            afterSaveAll(data, before);
        }
    }

    /** Saves a calendar and records the meta keys in the same transaction. */
    public void saveAll(CalendarData data, Map<String, String> meta) {
        synchronized (notifyLock) {
            Map<String, Optional<Event>> before = before(data);
            store.saveAll(data.committees(), data.meetings(), data.events(), data.updates(), meta);
            afterSaveAll(data, before);
        }
    }

    /** Writes only translations (see {@link CalendarStore#saveTranslations}); the caches follow. */
    int[] saveTranslations(List<Committee> committees, List<Event> events) {
        synchronized (notifyLock) {
            int[] changed = store.saveTranslations(committees, events);
            invalidateAll();
            return changed;
        }
    }

    /** Saves a calendar and records {@code metaKey} in the same transaction. */
    public void saveAll(CalendarData data, String metaKey, String metaValue) {
        synchronized (notifyLock) {
            Map<String, Optional<Event>> before = before(data);
            store.saveAll(data.committees(), data.meetings(), data.events(), data.updates(), metaKey, metaValue);
            afterSaveAll(data, before);
        }
    }

    private Map<String, Optional<Event>> before(CalendarData data) {
        Map<String, Optional<Event>> out = new LinkedHashMap<>();
        if (!listening()) {
            return out;
        }
        for (Event e : data.events()) {
            out.put(e.id(), store.event(e.id()));
        }
        return out;
    }

    private void afterSaveAll(CalendarData data, Map<String, Optional<Event>> before) {
        data.reminderOffsets().forEach((id, offsets) -> {
            store.setReminderOffsets(id, offsets);
            toldOffsets.put(key(id), List.copyOf(offsets));
        });
        invalidateAll();
        if (listening()) {
            List<EventChange> batch = new ArrayList<>();
            for (Event e : data.events()) {
                notifyChanged(before.getOrDefault(e.id(), Optional.empty()), e, batch);
            }
            notifyBatch(batch);
        }
    }

    /** Saves one event (added, edited, moved or cancelled) and tells the change listeners, before and after. */
    public void saveEvent(Event event) {
        synchronized (notifyLock) {
            Optional<Event> before = store.event(event.id());
            store.saveEvent(event);
            events.invalidate(event.id());
            index.invalidateAll();
            window.invalidateAll();
            ahead.invalidate();
            range.invalidateAll();
            search.invalidateAll();
            List<EventChange> batch = new ArrayList<>(1);
            notifyChanged(before, event, batch);
            notifyBatch(batch);
        }
    }

    /**
     * Hears every event saved through {@link #saveEvent} and every event of {@link #saveAll} that is new or
     * differs from what was stored: (before, after), before empty for a new event. The reminders subscribe here,
     * so commands that change events need not know about them. A listener that fails is logged, not propagated:
     * the write has happened.
     */
    public void onEventChanged(BiConsumer<Optional<Event>, Event> listener) {
        changeListeners.add(listener);
    }

    /** One event's change as listeners hear it: {@code before} is empty for an event new to them. */
    public record EventChange(Optional<Event> before, Event after) {
    }

    /**
     * Hears the same changes as {@link #onEventChanged}, once per write that made them (an import or a source look
     * is one call with all its changes; a staff command one with its one), so a listener can tell them together.
     */
    public void onEventsChanged(java.util.function.Consumer<List<EventChange>> listener) {
        batchListeners.add(listener);
    }

    private boolean listening() {
        return !changeListeners.isEmpty() || !batchListeners.isEmpty();
    }

    private void notifyChanged(Optional<Event> before, Event after, List<EventChange> batch) {
        told.put(key(after.id()), after);
        if (before.isPresent() && before.get().equals(after)) {
            return;
        }
        batch.add(new EventChange(before, after));
        for (BiConsumer<Optional<Event>, Event> l : changeListeners) {
            try {
                l.accept(before, after);
            } catch (RuntimeException e) {
                LOG.error("An event-change listener failed for event {}", after.id(), e);
            }
        }
    }

    private void notifyBatch(List<EventChange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<EventChange> changes = List.copyOf(batch);
        for (java.util.function.Consumer<List<EventChange>> l : batchListeners) {
            try {
                l.accept(changes);
            } catch (RuntimeException e) {
                LOG.error("An event-change listener failed for {} change(s)", changes.size(), e);
            }
        }
    }

    /** The longest reminder offset any event sets for itself (zero when none does). */
    public java.time.Duration longestOwnReminderOffset() {
        return store.longestOwnReminderOffset();
    }

    /** An event's own reminder offsets (calendar key {@code reminders}), overriding the configured ones. */
    public Optional<List<java.time.Duration>> reminderOffsets(String eventId) {
        return store.reminderOffsets(eventId);
    }

    /** Sets (empty list: clears) an event's own reminder offsets; listeners hear it as a change of the event. */
    public void setReminderOffsets(String eventId, List<java.time.Duration> offsets) {
        synchronized (notifyLock) {
            store.setReminderOffsets(eventId, offsets);
            toldOffsets.put(key(eventId), List.copyOf(offsets));
            store.event(eventId).ifPresent(this::notifyOffsetsChanged);
        }
    }

    /** Listeners hear an offsets change as a change of the event to itself: only its reminder slots move. */
    private void notifyOffsetsChanged(Event ev) {
        for (BiConsumer<Optional<Event>, Event> l : changeListeners) {
            try {
                l.accept(Optional.of(ev), ev);
            } catch (RuntimeException ex) {
                LOG.error("An event-change listener failed for event {}", ev.id(), ex);
            }
        }
        List<EventChange> one = List.of(new EventChange(Optional.of(ev), ev));
        for (java.util.function.Consumer<List<EventChange>> l : batchListeners) {
            try {
                l.accept(one);
            } catch (RuntimeException ex) {
                LOG.error("An event-change listener failed for event {}", ev.id(), ex);
            }
        }
    }

    /**
     * Saves several events in one transaction (an import): all of them land, or none. It goes through
     * {@link #saveAll(CalendarData)} so whatever hears calendar writes there hears imports too.
     */
    public void saveEvents(List<Event> changed) {
        if (changed.isEmpty()) {
            return;
        }
        saveAll(new CalendarData(List.of(), List.of(), changed, List.of()));
    }

    public CommitteeUpdate addUpdate(CommitteeUpdate update) {
        synchronized (notifyLock) {
            CommitteeUpdate saved = store.addUpdate(update);
            notifyUpdate(saved);
            return saved;
        }
    }

    private void notifyUpdate(CommitteeUpdate saved) {
        toldUpdates.put(saved.id(), Boolean.TRUE);
        for (Consumer<CommitteeUpdate> l : updateListeners) {
            try {
                l.accept(saved);
            } catch (RuntimeException e) {
                // the update is stored; a failing listener (telling followers) must not undo or hide that
                LOG.warn("An update listener failed for update {} of {}", saved.id(), saved.committee(), e);
            }
        }
    }

    /** Hears every committee update once it is stored (the reminders side tells the committee's followers). */
    public void onUpdateAdded(Consumer<CommitteeUpdate> listener) {
        updateListeners.add(listener);
    }

    // ---- writes made elsewhere ----

    /**
     * Takes writes made by another process or connection, as the change feed reports them: committees and meetings
     * are reloaded on next use; each changed event is reloaded and its listeners told (before: the version they
     * were last told of, else what was cached) unless it is the version they already know, which is how this
     * process's own writes, seen again here, are told once; new committee updates reach the update listeners
     * once. A resync batch reloads everything and tells the listeners of every event they do not know as stored.
     */
    public void applyExternal(ChangeFeed.Batch batch) {
        synchronized (notifyLock) {
            if (batch.resync()) {
                Map<String, Optional<Event>> cached = Map.copyOf(events.asMap());
                invalidateAll();
                List<EventChange> changes = new ArrayList<>();
                for (Event e : store.allEvents()) {
                    externalEvent(e.id(), cached.getOrDefault(key(e.id()), Optional.empty()), changes);
                }
                notifyBatch(changes);
                return;
            }
            if (batch.touches("committees") || batch.touches("meetings")) {
                committees.invalidateAll();
                meetings.invalidateAll();
            }
            Set<String> eventIds = new LinkedHashSet<>(batch.keys("events"));
            eventIds.addAll(batch.keys("event_committees"));
            Set<String> offsetIds = batch.keys("event_reminder_offsets");
            if (!eventIds.isEmpty() || !offsetIds.isEmpty() || batch.touches("committees")
                    || batch.touches("meetings")) {
                index.invalidateAll();
                window.invalidateAll();
                ahead.invalidate();
                range.invalidateAll();
                search.invalidateAll();
            }
            // another process's import is one batch here too, told together
            List<EventChange> changes = new ArrayList<>();
            for (String id : eventIds) {
                Optional<Optional<Event>> cached = Optional.ofNullable(events.getIfPresent(key(id)));
                events.invalidate(key(id));
                externalEvent(id, cached.flatMap(c -> c), changes);
            }
            notifyBatch(changes);
            for (String id : offsetIds) {
                List<java.time.Duration> now = store.reminderOffsets(id).orElse(List.of());
                if (!now.equals(toldOffsets.getIfPresent(key(id)))) {
                    toldOffsets.put(key(id), now);
                    store.event(id).ifPresent(this::notifyOffsetsChanged);
                }
            }
            for (ChangeFeed.Change c : batch.changes()) {
                if (c.table().equals("committee_updates") && c.op() == ChangeFeed.Op.INSERT) {
                    long id = Long.parseLong(c.rowKey());
                    if (toldUpdates.getIfPresent(id) == null) {
                        store.update(id).ifPresent(this::notifyUpdate);
                    }
                }
            }
        }
    }

    private void externalEvent(String id, Optional<Event> cached, List<EventChange> batch) {
        Optional<Event> now = store.event(id);
        if (now.isEmpty()) {
            return;
        }
        Event known = told.getIfPresent(key(id));
        if (now.get().equals(known)) {
            return;
        }
        notifyChanged(known != null ? Optional.of(known) : cached, now.get(), batch);
    }

    public void invalidateAll() {
        committees.invalidateAll();
        meetings.invalidateAll();
        index.invalidateAll();
        events.invalidateAll();
        window.invalidateAll();
        ahead.invalidate();
        range.invalidateAll();
        search.invalidateAll();
    }
}
