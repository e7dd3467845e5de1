package org.ccnsobot.features.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;

/**
 * When an event's reminders fall due. Offsets come from the event itself (calendar key {@code reminders}), else
 * its kind ({@code reminders.byKind}), else the default list. Offsets are absolute time: 24 h before a 09:00 start
 * on the day after a clock change is 07:00 or 08:00 local, not 09:00. A date-only event gets one reminder, on the
 * morning of its day in its zone.
 */
public final class ReminderPolicy {
    /** The slot key of a date-only event's morning reminder. */
    static final String MORNING = "morning";

    private final RemindersConfig config;
    private final LocalTime morning;

    public ReminderPolicy(RemindersConfig config) {
        this.config = config;
        this.morning = LocalTime.parse(config.dateOnlyMorning());
    }

    /** A planned reminder: its key (an ISO duration like PT24H, or "morning") and when it falls due. */
    public record Slot(String offsetKey, Instant due) {
    }

    /** The slots of an event, earliest first; none for a cancelled event. */
    public List<Slot> plan(Event event, Optional<List<Duration>> ownOffsets) {
        if (event.status() == EventStatus.CANCELLED) {
            return List.of();
        }
        if (event.dateOnly()) {
            return List.of(new Slot(MORNING, event.date().atTime(morning).atZone(event.zone()).toInstant()));
        }
        List<Duration> offsets = ownOffsets.filter(l -> !l.isEmpty())
                .orElseGet(() -> config.byKind().getOrDefault(event.kind(), config.offsets()));
        List<Slot> out = new ArrayList<>();
        for (Duration d : offsets.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList()) {
            out.add(new Slot(d.toString(), event.start().minus(d)));
        }
        return out;
    }

    /**
     * Whether a reminder of the event is still worth sending at {@code now}: not once the event has begun (for a
     * date-only event, once its day is over), and never for a cancelled one.
     */
    static boolean stillUseful(Event event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            return false;
        }
        Instant begins = event.dateOnly() ? event.endKey() : event.start();
        return now.isBefore(begins);
    }
}
