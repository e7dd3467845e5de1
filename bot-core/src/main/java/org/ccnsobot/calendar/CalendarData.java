package org.ccnsobot.calendar;

import java.util.List;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

/** A validated calendar, ready to be written in one transaction. */
public record CalendarData(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                           List<CommitteeUpdate> updates) {
    public CalendarData {
        committees = List.copyOf(committees);
        meetings = List.copyOf(meetings);
        events = List.copyOf(events);
        updates = List.copyOf(updates);
    }
}
