package org.ccnsobot.features.ical;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A reminder a feed carries inside an event (a VALARM with ACTION:DISPLAY), so the subscriber's own calendar app
 * reminds them: a time before the event's start ({@code TRIGGER:-PT24H}), or a moment of its own (a date-only
 * event's morning reminder, which no offset from midnight states in every zone).
 */
public sealed interface Alarm {

    /** {@code before} ahead of the event's start. */
    record Before(Duration before) implements Alarm {
        public Before {
            if (before == null || before.isNegative() || before.isZero()) {
                throw new IllegalArgumentException("an alarm is a positive time before the start: " + before);
            }
        }
    }

    /** At {@code at}, whatever the event's start. */
    record At(Instant at) implements Alarm {
        public At {
            Objects.requireNonNull(at, "at");
        }
    }
}
