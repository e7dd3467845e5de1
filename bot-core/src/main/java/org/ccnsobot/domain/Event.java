package org.ccnsobot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One calendar entry. When the time is not announced yet, {@code start} and {@code end} are null and only
 * {@code date} (a day in {@code zone}) is known. {@code zone} is the venue's zone for sessions of a meeting, or the
 * zone the organisers announced the time in for online sessions.
 */
public record Event(String id, String title, String kind, String meetingCode, Instant start, Instant end,
                    LocalDate date, ZoneId zone, String room, Access access, String description,
                    List<String> committees, List<Link> links, EventStatus status, String source, String sourceUid,
                    int sequence) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        kind = kind == null ? "session" : kind;
        access = access == null ? Access.OPEN : access;
        status = status == null ? EventStatus.SCHEDULED : status;
        committees = committees == null ? List.of() : List.copyOf(committees);
        links = links == null ? List.of() : List.copyOf(links);
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("event " + id + " ends before it starts");
        }
    }

    public boolean dateOnly() {
        return start == null;
    }

    /** The instant the event is ordered by: its start, or the start of its day in its zone. */
    public Instant sortKey() {
        return start != null ? start : date.atStartOfDay(zone).toInstant();
    }

    /** The instant after which the event is over: its end, its start, or the end of its day. */
    public Instant endKey() {
        if (end != null) {
            return end;
        }
        if (start != null) {
            return start;
        }
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Event withStatus(EventStatus newStatus) {
        return new Event(id, title, kind, meetingCode, start, end, date, zone, room, access, description, committees,
                links, newStatus, source, sourceUid, sequence);
    }
}
