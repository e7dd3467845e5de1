package org.ccnsobot.features.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

import org.ccnsobot.store.Database;
/** The calendar as stored: every read goes to SQLite; caching lives above this, in the calendar service. */
public interface CalendarStore {

    static CalendarStore sqlite(Database db) {
        return new SqliteCalendarStore(db);
    }

    /** Writes a whole calendar in one transaction: it all lands, or nothing does. */
    void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events, List<CommitteeUpdate> updates);

    /** Like {@link #saveAll}, and sets a meta key in the same transaction (so a seed is never half-recorded). */
    void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events, List<CommitteeUpdate> updates,
                 String metaKey, String metaValue);

    /** Like {@link #saveAll}, and sets several meta keys in the same transaction. */
    default void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                         List<CommitteeUpdate> updates, java.util.Map<String, String> meta) {
        if (meta.isEmpty()) {
            saveAll(committees, meetings, events, updates);
            return;
        }
        throw new UnsupportedOperationException("several meta keys in one write");
    }

    void saveEvent(Event event);

    /**
     * Writes only the translations of the given committees (names, descriptions) and events (titles), in one
     * transaction, to rows that exist; an event's only when its stored English title and source are still the
     * file's ({@code calendar}), so neither a staff edit nor an import gets another title's translations. Returns
     * how many committees and events changed, in that order.
     */
    int[] saveTranslations(List<Committee> committees, List<Event> events);

    Optional<Event> event(String id);

    /** Events not cancelled whose sort key is at or after {@code from}, earliest first. */
    List<Event> upcoming(Instant from, int limit);

    /** Events (any status) whose sort key lies in [from, to), earliest first. */
    List<Event> between(Instant from, Instant to);

    /**
     * Multi-day date-only events (any status) that overlap [from, to): begun before {@code to}, not over by
     * {@code from}. They are few; day views and "ongoing" add them, since their key can lie far before the window.
     */
    List<Event> spanning(Instant from, Instant to);

    /** When each of the events (null: every event) last changed, by id: the feeds' DTSTAMP. */
    java.util.Map<String, Instant> lastChanges(java.util.Collection<String> ids);

    /** Upcoming events (not cancelled) of one committee. */
    List<Event> upcomingForCommittee(String acronym, Instant from, int limit);

    List<Event> forMeeting(String code);

    /** Every event, for building the search index. */
    List<Event> allEvents();

    int eventCount();

    List<Committee> committees();

    List<Meeting> meetings();

    CommitteeUpdate addUpdate(CommitteeUpdate update);

    /** One committee update by its id (the change feed names new ones by id). */
    Optional<CommitteeUpdate> update(long id);

    /** The latest updates of a committee, newest first. */
    List<CommitteeUpdate> updates(String acronym, int limit);

    Optional<ZoneId> userZone(String platform, String userId);

    void setUserZone(String platform, String userId, ZoneId zone);

    /** An event's own reminder offsets, overriding the configured ones; empty when it has none. */
    Optional<List<java.time.Duration>> reminderOffsets(String eventId);

    /** The longest reminder offset any event sets for itself (zero when none does). */
    java.time.Duration longestOwnReminderOffset();

    /** Sets (or with an empty list, clears) an event's own reminder offsets. */
    void setReminderOffsets(String eventId, List<java.time.Duration> offsets);

    Optional<String> meta(String key);

    void setMeta(String key, String value);

    /** Events keyed in [from, now) that are not over at {@code now} (not cancelled), earliest first. */
    List<Event> ongoing(Instant from, Instant now);

    /** The last events by sort key (any status), latest first. */
    List<Event> latest(int limit);

    /** Full-text search over the events, kept in the same database. */
    EventSearch search();
}
