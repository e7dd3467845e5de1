package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.domain.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events not over at a moment, soonest first, served from a window of the next {@value #WINDOW} kept in memory:
 * every member asking "next" within the same days needs the same rows. Reading a whole window costs tens of
 * milliseconds on a large calendar, so once a window runs low the next one is read on a background thread and the
 * request that noticed is still answered from the old one; only a write (which drops the window) or a question
 * about an earlier moment makes a request read the store itself.
 */
final class AheadCache {
    private static final Logger LOG = LoggerFactory.getLogger(AheadCache.class);
    static final int WINDOW = 2048;
    /** Read the next window in the background once fewer than this many events are left after an answer. */
    static final int LOW_WATER = WINDOW / 4;
    /** How far back an event still going on can be keyed: a date-only day in a zone up to 14 hours ahead of UTC. */
    static final Duration ONGOING_LOOKBACK = Duration.ofHours(48);

    private final CalendarStore store;
    private final ThreadPoolExecutor refiller;
    /** Guarded by {@code this}: the window and the writes it has seen, so a refill begun before a write is dropped. */
    private Window current;
    private long generation;
    /** The window being read in the background, with the generation and moment it was begun at; or null. */
    private Pending pending;

    private record Pending(CompletableFuture<Window> window, long generation, Instant from) {
    }

    AheadCache(CalendarStore store) {
        this.store = store;
        // no thread while idle: bots open and close in tests by the hundred
        this.refiller = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "calendar-ahead-refill");
            t.setDaemon(true);
            return t;
        });
    }

    List<Event> ahead(Instant now, int limit) {
        Window w;
        long seen;
        synchronized (this) {
            w = current;
            seen = generation;
        }
        if (w != null && limit <= WINDOW) {
            Served hit = w.serve(now, limit);
            if (hit != null) {
                if (hit.left() < LOW_WATER && !w.complete()) {
                    refillFrom(now);
                }
                return hit.events();
            }
        }
        Pending p;
        synchronized (this) {
            p = pending;
        }
        if (p != null && p.generation() == seen && !now.isBefore(p.from()) && limit <= WINDOW) {
            // the answers outran the background read: wait for it rather than read the same rows twice
            try {
                Served hit = p.window().join().serve(now, limit);
                if (hit != null) {
                    return hit.events();
                }
            } catch (RuntimeException e) {
                // read it here instead
            }
        }
        Window fresh = read(now, Math.max(limit, WINDOW));
        if (limit <= WINDOW) {
            install(fresh, seen);
        }
        return fresh.events().size() > limit ? List.copyOf(fresh.events().subList(0, limit)) : fresh.events();
    }

    /** Drops the window; a refill already reading is dropped too when it finishes. */
    synchronized void invalidate() {
        generation++;
        current = null;
    }

    private synchronized void install(Window w, long readAt) {
        if (generation == readAt) {
            current = w;
        }
    }

    private void refillFrom(Instant from) {
        Pending p;
        synchronized (this) {
            if (pending != null) {
                return;
            }
            CompletableFuture<Window> read;
            try {
                read = CompletableFuture.supplyAsync(() -> read(from, WINDOW), refiller);
            } catch (RuntimeException e) {
                return;
            }
            p = new Pending(read, generation, from);
            pending = p;
        }
        p.window().whenComplete((w, e) -> {
            synchronized (this) {
                if (e == null && generation == p.generation()) {
                    current = w;
                } else if (e != null) {
                    // the next request reads the store itself; nothing is lost but time
                    LOG.debug("Reading the next window of events in the background failed: {}", e.toString());
                }
                if (pending == p) {
                    pending = null;
                }
            }
        });
    }

    private Window read(Instant now, int want) {
        List<Event> rows = new ArrayList<>(store.ongoing(now.minus(ONGOING_LOOKBACK), now));
        boolean complete = true;
        if (rows.size() < want) {
            List<Event> up = store.upcoming(now, want - rows.size());
            complete = up.size() < want - rows.size();
            rows.addAll(up);
        }
        rows = List.copyOf(rows.size() > want ? rows.subList(0, want) : rows);
        return new Window(now, rows, complete && rows.size() < want);
    }

    private record Served(List<Event> events, int left) {
    }

    /**
     * The first events not over at {@code anchor}. Whatever is not over at a later moment was not over at the
     * anchor either, so the window answers any later moment by dropping what has ended, as long as enough is left.
     * Each event's sort and end instants are worked out once, here, and the multi-day ones listed apart: an answer
     * then costs a binary search and the few events it returns, not a walk over everything already over (the
     * window ages for days between reads, and a date-only event's instants need its zone's rules each time).
     */
    private static final class Window {
        private final Instant anchor;
        private final List<Event> events;
        private final boolean complete;
        private final Instant[] sortKeys;
        private final Instant[] endKeys;
        /** Positions of the multi-day events, in order. */
        private final int[] multiDay;

        Window(Instant anchor, List<Event> events, boolean complete) {
            this.anchor = anchor;
            this.events = events;
            this.complete = complete;
            int n = events.size();
            sortKeys = new Instant[n];
            endKeys = new Instant[n];
            int[] multi = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                Event e = events.get(i);
                sortKeys[i] = e.sortKey();
                endKeys[i] = e.endKey();
                if (e.multiDay()) {
                    multi[m++] = i;
                }
            }
            multiDay = java.util.Arrays.copyOf(multi, m);
        }

        List<Event> events() {
            return events;
        }

        boolean complete() {
            return complete;
        }

        Served serve(Instant now, int limit) {
            if (now.isBefore(anchor)) {
                return null;
            }
            List<Event> out = new ArrayList<>(limit);
            // rows keyed before the look-back are over (the store reads ongoing ones no further back either)
            Instant oldest = now.minus(ONGOING_LOOKBACK);
            int lo = 0;
            int hi = sortKeys.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sortKeys[mid].isBefore(oldest)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i : multiDay) {
                if (i >= lo) {
                    break;
                }
                // a multi-day event keyed before the look-back (the store adds them to "ongoing")
                if (endKeys[i].isAfter(now)) {
                    out.add(events.get(i));
                    if (out.size() == limit) {
                        return new Served(out, events.size() - lo);
                    }
                }
            }
            for (int i = lo; i < endKeys.length; i++) {
                if (endKeys[i].isAfter(now)) {
                    out.add(events.get(i));
                    if (out.size() == limit) {
                        return new Served(out, events.size() - i - 1);
                    }
                }
            }
            return complete ? new Served(out, 0) : null;
        }
    }
}
