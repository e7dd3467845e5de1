package org.ccnsobot.features.ical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

/**
 * Which events each feed holds, shared by the export command, the chat command and the HTTP feed server so all
 * three serve the same thing: the whole calendar, one meeting, one committee, or one event.
 */
public final class Feeds {
    /** A selection of events and the calendar name it is published under. */
    public record Selection(String name, List<Event> events) {
    }

    private final CalendarService calendar;

    public Feeds(CalendarService calendar) {
        this.calendar = calendar;
    }

    public Selection all() {
        return new Selection("ccnso-bot", calendar.store().allEvents());
    }

    public Optional<Selection> meeting(String code) {
        Optional<Meeting> m = calendar.meeting(code);
        return m.map(x -> new Selection("ccnso-bot " + x.code(), calendar.forMeeting(x.code())));
    }

    public Optional<Selection> committee(String acronym) {
        String acr = acronym.toUpperCase(Locale.ROOT);
        boolean known = calendar.committees().stream().anyMatch(c -> c.acronym().equalsIgnoreCase(acr));
        if (!known) {
            return Optional.empty();
        }
        String exact = calendar.committees().stream().filter(c -> c.acronym().equalsIgnoreCase(acr)).findFirst()
                .orElseThrow().acronym();
        List<Event> events = calendar.store().allEvents().stream().filter(e -> e.committees().contains(exact)).toList();
        return Optional.of(new Selection("ccnso-bot " + exact, events));
    }

    public Optional<Selection> event(String id) {
        return calendar.event(id).map(e -> new Selection("ccnso-bot " + e.id(), List.of(e)));
    }
}
