package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

/**
 * A validated calendar, ready to be written in one transaction. {@code reminderOffsets} holds the events whose
 * file overrides the configured reminder offsets ({@code reminders: [48h, 1h]}), by event id.
 */
public record CalendarData(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                           List<CommitteeUpdate> updates, Map<String, List<Duration>> reminderOffsets) {
    public CalendarData {
        committees = List.copyOf(committees);
        meetings = List.copyOf(meetings);
        events = List.copyOf(events);
        updates = List.copyOf(updates);
        reminderOffsets = reminderOffsets == null ? Map.of() : Map.copyOf(reminderOffsets);
    }

    public CalendarData(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                        List<CommitteeUpdate> updates) {
        this(committees, meetings, events, updates, Map.of());
    }
}
