package org.ccnsobot.features.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.EventMirror;
import org.ccnsobot.features.calendar.EventMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every platform that can show events (an {@link EventMirror}) in step with the calendar. Only upcoming
 * events within a horizon are mirrored: platforms cap how many events they list, and past ones are noise there.
 * Every call is guarded: a platform that fails is logged, and the calendar write that caused it stands.
 */
public final class EventMirroring {
    private static final Logger LOG = LoggerFactory.getLogger(EventMirroring.class);
    /** How far ahead events are mirrored. */
    public static final Duration HORIZON = Duration.ofDays(60);
    /** At most this many are mirrored at start (Discord lists at most 100 scheduled events per server). */
    public static final int MAX_AT_START = 50;

    private final CalendarService calendar;
    private final List<EventMirror> mirrors;
    private final Clock clock;

    private EventMirroring(CalendarService calendar, List<EventMirror> mirrors, Clock clock) {
        this.calendar = calendar;
        this.mirrors = List.copyOf(mirrors);
        this.clock = clock;
    }

    /**
     * Mirrors the upcoming events to every started platform that can show them, and follows calendar changes from
     * then on. Returns null when no platform is a mirror. The returned future completes when the start-up sync is
     * done.
     */
    public static EventMirroring start(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock) {
        EventMirroring m = of(calendar, platforms, clock);
        if (m != null) {
            calendar.onEventChanged(m::changed);
        }
        return m;
    }

    /** The mirroring of the platforms that can show events, not yet following; null when none can. */
    public static EventMirroring of(CalendarService calendar, List<? extends ChatPlatform> platforms, Clock clock) {
        List<EventMirror> mirrors = platforms.stream().filter(p -> p instanceof EventMirror)
                .map(p -> (EventMirror) p).toList();
        return mirrors.isEmpty() ? null : new EventMirroring(calendar, mirrors, clock);
    }

    /** Follows calendar changes from now on, and mirrors the upcoming events; completes when that sync is done. */
    public CompletableFuture<Void> follow() {
        calendar.onEventChanged(this::changed);
        return syncUpcoming();
    }

    /** Mirrors the upcoming events within the horizon; completes when every platform has answered. */
    public CompletableFuture<Void> syncUpcoming() {
        Instant now = clock.instant();
        Instant until = now.plus(HORIZON);
        List<Event> upcoming = calendar.upcoming(now, MAX_AT_START).stream()
                .filter(e -> e.sortKey().isBefore(until)).toList();
        return CompletableFuture.allOf(upcoming.stream().map(this::upsert).toArray(CompletableFuture[]::new));
    }

    private void changed(Optional<Event> before, Event after) {
        Instant now = clock.instant();
        boolean mirrorable = after.status() == EventStatus.CANCELLED
                || after.sortKey().isAfter(now) && after.sortKey().isBefore(now.plus(HORIZON));
        boolean wasMirrorable = before.isPresent() && before.get().sortKey().isAfter(now)
                && before.get().sortKey().isBefore(now.plus(HORIZON));
        if (mirrorable) {
            upsert(after);
        } else if (wasMirrorable) {
            // moved out of the horizon (or into the past): it no longer belongs in the platform's list
            for (EventMirror m : mirrors) {
                guard(() -> m.remove(after.id()), after, "remove");
            }
        }
    }

    private CompletableFuture<Void> upsert(Event e) {
        EventMessages messages = new EventMessages(calendar.meetingsByCode());
        CompletableFuture<?>[] calls = mirrors.stream()
                .map(m -> guard(() -> m.upsert(messages.card(e)), e, "upsert")).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls);
    }

    private static CompletableFuture<Void> guard(java.util.function.Supplier<CompletableFuture<?>> call, Event e,
                                                 String what) {
        CompletableFuture<?> f;
        try {
            f = call.get();
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        return f.handle((ok, err) -> {
            if (err != null) {
                LOG.warn("Mirroring ({}) event {} failed: {}", what, e.id(), err.getMessage());
            }
            return null;
        });
    }
}
