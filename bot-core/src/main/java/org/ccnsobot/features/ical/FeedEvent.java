package org.ccnsobot.features.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;

/**
 * One event as a feed states it, before it is matched against the calendar. {@code start} is null for a
 * date-only event; {@code zone} is the zone the feed itself names (TZID, X-CCNSO-ZONE), or null for UTC times.
 * {@code status} is null when the feed does not say (the importer then decides from what changed). {@code lastDay}
 * is the last day (inclusive) of a date-only event over several days (DTEND is exclusive), else null.
 */
record FeedEvent(int line, String uid, int sequence, String title, String description, String room, Instant start,
                 Instant end, LocalDate date, ZoneId zone, String kind, String meeting, Access access,
                 List<String> categories, List<Link> links, EventStatus status, String proposedId,
                 LocalDate lastDay) {

    /** Every text is {@link Sanitize sanitised} here, so nothing an import stores can carry a control character. */
    FeedEvent {
        title = Sanitize.text(title);
        if (title == null || title.isBlank()) {
            title = "Untitled event";
        }
        description = blank(Sanitize.text(description));
        room = blank(Sanitize.text(room));
        categories = categories.stream().map(Sanitize::text).filter(c -> !c.isBlank()).toList();
        links = List.copyOf(links);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    FeedEvent withOccurrence(String occurrenceUid, Instant newStart, Instant newEnd, LocalDate newDate) {
        return withOccurrence(occurrenceUid, newStart, newEnd, newDate, newDate == null ? null
                : lastDay == null || date == null ? null : newDate.plusDays(lastDay.toEpochDay() - date.toEpochDay()));
    }

    FeedEvent withOccurrence(String occurrenceUid, Instant newStart, Instant newEnd, LocalDate newDate,
                             LocalDate newLastDay) {
        return new FeedEvent(line, occurrenceUid, sequence, title, description, room, newStart, newEnd, newDate, zone,
                kind, meeting, access, categories, links, status, null, newLastDay);
    }
}
