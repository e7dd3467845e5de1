package org.ccnsobot.features.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;

/**
 * {@link EventSearch} with a window of the next matches per query: members asking "when is the next council
 * meeting" over the same hours need the same rows, and whatever is not over at a later moment was not over at the
 * window's start, so a later question is answered by dropping what has ended. Any calendar write drops every window
 * ({@link #invalidateAll}), as the other caches of {@link CalendarService} are dropped.
 */
final class CachedEventSearch implements EventSearch {
    /** Matches kept per query. */
    static final int WINDOW = 32;

    private final EventSearch db;
    private final Cache<List<Clause>, Window> windows = Caffeine.newBuilder().maximumSize(512).build();

    CachedEventSearch(EventSearch db) {
        this.db = db;
    }

    /** The first matches not over at {@code anchor}; {@code complete} when there are no more. */
    private record Window(Instant anchor, List<Event> events, boolean complete) {
        /** The matches not over at {@code now}, or null when the window cannot tell. */
        List<Event> serve(Instant now, int limit) {
            if (now.isBefore(anchor)) {
                return null;
            }
            List<Event> out = new ArrayList<>(Math.min(limit, events.size()));
            for (Event e : events) {
                if (e.endKey().isAfter(now)) {
                    out.add(e);
                    if (out.size() == limit) {
                        return out;
                    }
                }
            }
            return complete ? out : null;
        }
    }

    private Window window(List<Clause> clauses, Instant now, int limit) {
        Window w = windows.getIfPresent(clauses);
        if (w != null && w.serve(now, limit) != null) {
            return w;
        }
        List<Event> rows = db.ahead(clauses, now, WINDOW);
        w = new Window(now, List.copyOf(rows), rows.size() < WINDOW);
        windows.put(List.copyOf(clauses), w);
        return w;
    }

    @Override
    public List<Event> ahead(List<Clause> clauses, Instant now, int limit) {
        if (limit > WINDOW) {
            return db.ahead(clauses, now, limit);
        }
        return window(clauses, now, limit).serve(now, limit);
    }

    @Override
    public int countAhead(List<Clause> clauses, Instant now, int cap) {
        if (cap <= WINDOW) {
            Window w = window(clauses, now, 1);
            List<Event> left = w.serve(now, cap);
            if (left != null && (left.size() >= cap || w.complete())) {
                return Math.min(cap, left.size());
            }
        }
        return db.countAhead(clauses, now, cap);
    }

    @Override
    public List<Event> before(List<Clause> clauses, Instant before, int limit) {
        return db.before(clauses, before, limit);
    }

    @Override
    public List<Event> between(List<Clause> clauses, Instant from, Instant to, int limit) {
        return db.between(clauses, from, to, limit);
    }

    @Override
    public Map<String, Integer> terms() {
        return db.terms();
    }

    void invalidateAll() {
        windows.invalidateAll();
    }
}
