package org.ccnsobot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One calendar entry. When the time is not announced yet, {@code start} and {@code end} are null and only
 * {@code date} (a day in {@code zone}) is known. {@code zone} is the venue's zone for sessions of a meeting, or the
 * zone the organisers announced the time in for online sessions. {@code lastDay} is the last day (inclusive) of a
 * date-only event that spans several days (an all-day 2 to 8 March); it is null for one day and for timed events.
 * {@code title} is the English (or imported) title; {@code titles} holds a calendar file's translations of it, and
 * is empty for imported events, whose title stays as imported.
 */
public record Event(String id, String title, String kind, String meetingCode, Instant start, Instant end,
                    LocalDate date, ZoneId zone, String room, Access access, String description,
                    List<String> committees, List<Link> links, EventStatus status, String source, String sourceUid,
                    int sequence, LocalDate lastDay, Translations titles) {

    /** Without translations of the title. */
    public Event(String id, String title, String kind, String meetingCode, Instant start, Instant end,
                 LocalDate date, ZoneId zone, String room, Access access, String description,
                 List<String> committees, List<Link> links, EventStatus status, String source, String sourceUid,
                 int sequence, LocalDate lastDay) {
        this(id, title, kind, meetingCode, start, end, date, zone, room, access, description, committees, links,
                status, source, sourceUid, sequence, lastDay, Translations.NONE);
    }

    /** A single-day or timed event (no {@code lastDay}). */
    public Event(String id, String title, String kind, String meetingCode, Instant start, Instant end,
                 LocalDate date, ZoneId zone, String room, Access access, String description,
                 List<String> committees, List<Link> links, EventStatus status, String source, String sourceUid,
                 int sequence) {
        this(id, title, kind, meetingCode, start, end, date, zone, room, access, description, committees, links,
                status, source, sourceUid, sequence, null);
    }

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
        titles = titles == null ? Translations.NONE : titles;
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("event " + id + " ends before it starts");
        }
        if (lastDay != null && lastDay.isBefore(date)) {
            throw new IllegalArgumentException("event " + id + " ends before it starts");
        }
        // one form for "one day" (null), so an event read back equals the one written
        if (start != null || lastDay != null && lastDay.equals(date)) {
            lastDay = null;
        }
    }

    /** Whether this is a date-only event over more than one day. */
    public boolean multiDay() {
        return lastDay != null;
    }

    /** The last day of a date-only event: its {@code lastDay}, or its one day. */
    public LocalDate lastDate() {
        return lastDay != null ? lastDay : date;
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
        return lastDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The title in the reader's language, else the English (or imported) one. */
    public String title(java.util.Locale locale) {
        return titles.in(locale, title);
    }

    public Event withStatus(EventStatus newStatus) {
        return new Event(id, title, kind, meetingCode, start, end, date, zone, room, access, description, committees,
                links, newStatus, source, sourceUid, sequence, lastDay, titles);
    }

    /**
     * The same event with its title in the reader's language as its one title, for a text made for one reader
     * that has no language of its own to look it up in (a member's personal feed).
     */
    public Event titledIn(java.util.Locale locale) {
        String t = title(locale);
        return t.equals(title) && titles.hasNone() ? this
                : new Event(id, t, kind, meetingCode, start, end, date, zone, room, access, description, committees,
                links, status, source, sourceUid, sequence, lastDay, Translations.NONE);
    }

    /** The same event with these translations of its title. */
    public Event withTitles(Translations newTitles) {
        return new Event(id, title, kind, meetingCode, start, end, date, zone, room, access, description, committees,
                links, status, source, sourceUid, sequence, lastDay, newTitles);
    }
}
