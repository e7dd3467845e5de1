package org.ccnsobot.features.ical;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

/**
 * Which events each feed holds, shared by the export command, the chat command and the HTTP feed server so all
 * three serve the same thing: the whole calendar, one meeting, one committee, or one event. Each is published
 * under a name that says what it holds ({@code ccNSO — ICANN79}), with each event stamped with its last change.
 */
public final class Feeds {
    /** The start of every feed's name (X-WR-CALNAME). */
    static final String PREFIX = "ccNSO — ";

    /**
     * A selection of events, the calendar name it is published under, when each event last changed, and the
     * alarms each event carries (by id; a member's personal feed has them, the public feeds none).
     */
    public record Selection(String name, List<Event> events, java.util.Map<String, java.time.Instant> changed,
                            java.util.Map<String, List<Alarm>> alarms) {
        public Selection {
            changed = java.util.Map.copyOf(changed);
            alarms = java.util.Map.copyOf(alarms);
        }

        /** Without alarms. */
        public Selection(String name, List<Event> events, java.util.Map<String, java.time.Instant> changed) {
            this(name, events, changed, java.util.Map.of());
        }

        /** The selection as iCalendar; {@code fallback} stamps an event whose last change is not known. */
        public String export(java.time.Instant fallback, java.time.Duration refresh) {
            return IcsExporter.export(name, events, changed, alarms, fallback, refresh);
        }
    }

    private final CalendarService calendar;

    public Feeds(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * Any selection of events under {@code name}, stamped with their last changes, each with its {@code alarms}:
     * what a member's personal feed is made of.
     */
    public Selection of(String name, List<Event> events, java.util.Map<String, List<Alarm>> alarms) {
        return new Selection(name, events, calendar.store().lastChanges(events.stream().map(Event::id).toList()),
                alarms);
    }

    private Selection selection(String name, List<Event> events, boolean whole) {
        return new Selection(name, events, calendar.store().lastChanges(whole ? null
                : events.stream().map(Event::id).toList()));
    }

    public Selection all() {
        return selection(PREFIX + "all sessions", calendar.store().allEvents(), true);
    }

    public Optional<Selection> meeting(String code) {
        Optional<Meeting> m = calendar.meeting(code);
        return m.map(x -> selection(PREFIX + x.code(), calendar.forMeeting(x.code()), false));
    }

    public Optional<Selection> committee(String acronym) {
        String acr = acronym.toUpperCase(Locale.ROOT);
        boolean known = calendar.committees().stream().anyMatch(c -> c.acronym().equalsIgnoreCase(acr));
        if (!known) {
            return Optional.empty();
        }
        org.ccnsobot.domain.Committee committee = calendar.committees().stream()
                .filter(c -> c.acronym().equalsIgnoreCase(acr)).findFirst().orElseThrow();
        String exact = committee.acronym();
        List<Event> events = calendar.store().allEvents().stream().filter(e -> e.committees().contains(exact)).toList();
        String name = committee.name() == null || committee.name().equalsIgnoreCase(exact) ? PREFIX + exact
                : PREFIX + committee.name() + " (" + exact + ")";
        return Optional.of(selection(name, events, false));
    }

    public Optional<Selection> event(String id) {
        return calendar.event(id).map(Feeds::ofOne).map(s -> selection(s.name(), s.events(), false));
    }

    /** One event's feed name: {@code ccNSO — <title>}. */
    static Selection ofOne(Event e) {
        return new Selection(PREFIX + org.ccnsobot.port.support.Controls.neutralise(e.title()), List.of(e),
                java.util.Map.of());
    }
}
