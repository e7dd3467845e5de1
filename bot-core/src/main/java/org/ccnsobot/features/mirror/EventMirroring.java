package org.ccnsobot.features.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.EventMirror;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every platform that can show events (an {@link EventMirror}) in step with the calendar. A platform lists
 * a capped number of events (Discord: 100 per server), so each mirror holds a window: the soonest events not over,
 * within a horizon, as many as its capacity. The window rolls: when an event ends, or a new one comes before the
 * last of the window, what left is taken down and what entered is put up. Every call is guarded: a platform that
 * fails is logged, and the calendar write that caused it stands.
 */
public final class EventMirroring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventMirroring.class);
    /** How far ahead events are mirrored. */
    public static final Duration HORIZON = Duration.ofDays(60);
    /** How often the window is rolled on when nothing changes (events ending make room for later ones). */
    static final Duration ROLL_EVERY = Duration.ofMinutes(15);

    private final CalendarService calendar;
    private final List<EventMirror> mirrors;
    private final Clock clock;
    /** Per mirror, the language its cards are worded in (null: English); see {@link #of(CalendarService, List, Clock, Function)}. */
    private final Map<EventMirror, Locale> languages = new ConcurrentHashMap<>();
    /** Per mirror, the calendar ids it lists for us now; guarded by {@code this}. */
    private final Map<EventMirror, Set<String>> listed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService roller;

    private EventMirroring(CalendarService calendar, List<EventMirror> mirrors, Clock clock,
                           Function<EventMirror, Locale> language) {
        this.calendar = calendar;
        this.mirrors = List.copyOf(mirrors);
        this.clock = clock;
        for (EventMirror m : this.mirrors) {
            listed.put(m, new LinkedHashSet<>());
            Locale l = language.apply(m);
            if (l != null) {
                languages.put(m, l);
            }
        }
    }

    /**
     * Mirrors the upcoming events to every started platform that can show them, and follows calendar changes from
     * then on (without the periodic roll). Returns null when no platform is a mirror.
     */
    public static EventMirroring start(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock) {
        return start(calendar, platforms, clock, p -> null);
    }

    /** As above, each platform's cards in the language {@code language} gives it (null: English). */
    public static EventMirroring start(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock,
                                       Function<ChatPlatform, Locale> language) {
        EventMirroring m = of(calendar, platforms, clock, language);
        if (m != null) {
            calendar.onEventChanged(m::changed);
        }
        return m;
    }

    /** The mirroring of the platforms that can show events, not yet following; null when none can. */
    public static EventMirroring of(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock) {
        return of(calendar, platforms, clock, p -> null);
    }

    /**
     * As above, with the language each platform's mirrored events are worded in (their translated titles and the
     * words the platform adds): a platform's event list has many readers, like a channel, so core gives the language
     * of the channel it stands beside; null for English.
     */
    public static EventMirroring of(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock,
                                    Function<ChatPlatform, Locale> language) {
        List<EventMirror> mirrors = platforms.stream().filter(p -> p instanceof EventMirror)
                .map(p -> (EventMirror) p).toList();
        return mirrors.isEmpty() ? null : new EventMirroring(calendar, mirrors, clock,
                m -> m instanceof ChatPlatform p ? language.apply(p) : null);
    }

    /**
     * Follows calendar changes from now on, mirrors the upcoming events, and rolls the window on every
     * {@link #ROLL_EVERY}; the returned future completes when the first sync is done.
     */
    public CompletableFuture<Void> follow() {
        calendar.onEventChanged(this::changed);
        CompletableFuture<Void> first = syncUpcoming();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-mirror-roll");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(this::rollQuietly, ROLL_EVERY.toMillis(), ROLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        roller = s;
        return first;
    }

    /**
     * Learns what each platform lists already (an earlier run's window), puts up every event of the window (so an
     * edit made while the bot was down reaches the platform) and takes down what left it; completes when every
     * platform has answered.
     */
    public CompletableFuture<Void> syncUpcoming() {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (EventMirror m : mirrors) {
            calls.add(m.mirrored().exceptionally(e -> {
                LOG.warn("Reading the events a platform lists failed: {}", e.getMessage());
                return Set.of();
            }).thenCompose(already -> {
                synchronized (this) {
                    listed.get(m).addAll(already);
                }
                return roll(m, true);
            }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    /** Rolls every window on to the clock's moment: ended events come down, the next ones go up. */
    public CompletableFuture<Void> roll() {
        return CompletableFuture.allOf(mirrors.stream().map(m -> roll(m, false)).toArray(CompletableFuture[]::new));
    }

    private void rollQuietly() {
        try {
            roll();
        } catch (RuntimeException e) {
            LOG.warn("Rolling the mirrored events on failed: {}", e.toString());
        }
    }

    /** The soonest events not over at {@code now} that the mirror should list. */
    private List<Event> window(EventMirror m, Instant now, Set<String> listedNow) {
        int cap = Math.max(0, m.capacity());
        if (cap == 0) {
            return List.of();
        }
        Instant until = now.plus(HORIZON);
        List<Event> out = new ArrayList<>();
        // ahead() includes events going on now: one already listed stays up until it ends
        for (Event e : calendar.ahead(now, Math.min(cap, 2048) + 16)) {
            if (out.size() >= cap) {
                break;
            }
            if (e.status() == EventStatus.CANCELLED || !e.sortKey().isBefore(until)) {
                continue;
            }
            if (!e.sortKey().isAfter(now) && !listedNow.contains(e.id())) {
                continue; // a platform takes no event that has begun
            }
            out.add(e);
        }
        return out;
    }

    private CompletableFuture<Void> roll(EventMirror m, boolean putAll) {
        List<Event> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        synchronized (this) {
            Set<String> now = listed.get(m);
            List<Event> window = window(m, clock.instant(), now);
            Set<String> wanted = new LinkedHashSet<>();
            for (Event e : window) {
                wanted.add(e.id());
                if (putAll || !now.contains(e.id())) {
                    up.add(e);
                }
            }
            for (String id : now) {
                if (!wanted.contains(id)) {
                    down.add(id);
                }
            }
            now.removeAll(down);
            now.addAll(wanted);
        }
        return apply(m, up, down);
    }

    private CompletableFuture<Void> apply(EventMirror m, List<Event> up, List<String> down) {
        if (!up.isEmpty() || !down.isEmpty()) {
            LOG.debug("Mirror window: {} up, {} down", up.size(), down.size());
        }
        EventMessages messages = new EventMessages(calendar.meetingsByCode());
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String id : down) {
            calls.add(guard(() -> m.remove(id), id, "remove"));
        }
        Locale language = languages.get(m);
        for (Event e : up) {
            calls.add(guard(() -> language == null ? m.upsert(messages.card(e))
                    : m.upsert(messages.card(e, language), language), e.id(), "upsert"));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private void changed(Optional<Event> before, Event after) {
        for (EventMirror m : mirrors) {
            List<Event> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            synchronized (this) {
                Set<String> now = listed.get(m);
                boolean wasListed = now.contains(after.id());
                List<Event> window = window(m, clock.instant(), now);
                Set<String> wanted = new LinkedHashSet<>();
                window.forEach(e -> wanted.add(e.id()));
                if (wanted.contains(after.id())) {
                    up.add(after); // the changed event itself: put up again with its new content
                } else if (wasListed && after.status() == EventStatus.CANCELLED) {
                    up.add(after); // a cancelled card takes the event down, saying why where the platform can
                    now.remove(after.id());
                }
                for (Event e : window) {
                    if (!now.contains(e.id()) && !e.id().equals(after.id())) {
                        up.add(e); // entered the window because the changed one left it
                    }
                }
                for (String id : now) {
                    if (!wanted.contains(id)) {
                        down.add(id);
                    }
                }
                now.removeAll(down);
                now.addAll(wanted);
            }
            apply(m, up, down);
        }
    }

    private static CompletableFuture<Void> guard(java.util.function.Supplier<CompletableFuture<?>> call, String id,
                                                 String what) {
        CompletableFuture<?> f;
        try {
            f = call.get();
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        return f.handle((ok, err) -> {
            if (err != null) {
                LOG.warn("Mirroring ({}) event {} failed: {}", what, id, err.getMessage());
            }
            return null;
        });
    }

    /** Stops the periodic roll. */
    @Override
    public void close() {
        ScheduledExecutorService s = roller;
        if (s != null) {
            s.shutdownNow();
        }
    }
}
