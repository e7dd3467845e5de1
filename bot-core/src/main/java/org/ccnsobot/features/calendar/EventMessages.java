package org.ccnsobot.features.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.support.VenueTime;

/** Events as text lines and as rich cards. */
public final class EventMessages {
    private final Map<String, Meeting> source;
    private final Map<String, Meeting> meetings;

    public EventMessages(Map<String, Meeting> meetings) {
        this.source = meetings;
        this.meetings = Map.copyOf(meetings);
    }

    /** The map this was built from, so a holder can tell when to rebuild. */
    public Map<String, Meeting> source() {
        return source;
    }

    public Meeting meetingOf(Event e) {
        return e.meetingCode() == null ? null : meetings.get(e.meetingCode());
    }

    /**
     * When an event is, for the reader: {@code Thu 15 Feb 2024 18:00 UTC}, plus the venue's local time for sessions
     * of a meeting ({@code · 10:30 AST, San Juan}); date-only events say the time is not announced yet, and those
     * over several days name their days ({@code 2–8 March 2024 (all day)}).
     */
    public String when(Event e, ZoneId viewer) {
        Meeting m = meetingOf(e);
        String place = m != null && m.city() != null ? m.city() : null;
        if (e.multiDay()) {
            return TimeFormat.days(e.date(), e.lastDay()) + " (all day)" + (place == null ? "" : " · " + place);
        }
        if (e.dateOnly()) {
            return TimeFormat.day(e.date()) + " (time not yet announced)" + (place == null ? "" : " · " + place);
        }
        StringBuilder sb = new StringBuilder(TimeFormat.instant(e.start(), viewer));
        if (e.end() != null && !e.end().equals(e.start())) {
            sb.append(" to ").append(TimeFormat.wallClock(e.end(), viewer));
        }
        if (m != null) {
            sb.append(" · ").append(VenueTime.of(e.start(), null, m.zone(), place));
        }
        return sb.toString();
    }

    /** One line of a list: {@code Thu 15 Feb 2024 18:00 UTC — ccNSO Council meeting 202 [council-202]}. */
    public String line(Event e, ZoneId viewer) {
        String status = e.status() == EventStatus.CANCELLED ? " (CANCELLED)" : "";
        return "• " + when(e, viewer) + " — " + e.title() + status + " [" + e.id() + "]";
    }

    /** The whole event, as text. */
    public String details(Event e, ZoneId viewer, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(e.title() + (e.status() == EventStatus.SCHEDULED ? "" : " (" + e.status().label().toUpperCase() + ")"));
        String rel = e.dateOnly() ? "" : " (" + TimeFormat.relative(e.start(), now) + ")";
        lines.add("When: " + when(e, viewer) + rel);
        Meeting m = meetingOf(e);
        List<String> where = new ArrayList<>();
        if (e.room() != null) {
            where.add(e.room());
        }
        if (m != null) {
            where.add(m.code() + (m.venue() != null ? ", " + m.venue() : "") + (m.city() != null ? ", " + m.city() : ""));
        }
        if (!where.isEmpty()) {
            lines.add("Where: " + String.join(" · ", where));
        }
        lines.add("Access: " + e.access().label() + (e.committees().isEmpty() ? "" : " · Committees: "
                + String.join(", ", e.committees())));
        if (e.description() != null) {
            lines.add(e.description());
        }
        for (Link l : e.links()) {
            lines.add(l.label() + ": " + l.url());
        }
        lines.add("Id: " + e.id());
        return String.join("\n", lines);
    }

    public Block.EventCard card(Event e) {
        Meeting m = meetingOf(e);
        List<Block.Link> links = new ArrayList<>();
        for (Link l : e.links()) {
            links.add(new Block.Link(l.label(), l.url()));
        }
        return new Block.EventCard(e.id(), e.title(), e.start(), e.end(), e.date(), m != null ? m.zone() : e.zone(),
                m != null ? m.city() : null, e.room(), e.access().label(), e.committees(), e.status().label(),
                e.description(), links, e.lastDay());
    }
}
