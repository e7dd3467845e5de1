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
 * {@code status} is null when the feed does not say (the importer then decides from what changed).
 */
record FeedEvent(int line, String uid, int sequence, String title, String description, String room, Instant start,
                 Instant end, LocalDate date, ZoneId zone, String kind, String meeting, Access access,
                 List<String> categories, List<Link> links, EventStatus status, String proposedId) {

    FeedEvent {
        categories = List.copyOf(categories);
        links = List.copyOf(links);
    }

    FeedEvent withOccurrence(String occurrenceUid, Instant newStart, Instant newEnd, LocalDate newDate) {
        return new FeedEvent(line, occurrenceUid, sequence, title, description, room, newStart, newEnd, newDate, zone,
                kind, meeting, access, categories, links, status, null);
    }
}
