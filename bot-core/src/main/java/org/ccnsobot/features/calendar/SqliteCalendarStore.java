// Over 500 lines on purpose: every SQL statement on the calendar's tables is here, next to the schema's indexes it relies on (see the spanning query), so a query plan is checked in one place.
package org.ccnsobot.features.calendar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;

import org.ccnsobot.store.Database;
final class SqliteCalendarStore implements CalendarStore {
    static final String EVENT_COLUMNS = "e.id, e.title, e.kind, e.meeting_code, e.start_utc, e.end_utc,"
            + " e.local_date, e.zone, e.room, e.access, e.description, e.links, e.status, e.source, e.source_uid,"
            + " e.sequence, e.committees, e.last_day, e.titles";

    private final Database db;
    private final EventSearch search;

    SqliteCalendarStore(Database db) {
        this.db = db;
        this.search = new SqliteEventSearch(db);
    }

    @Override
    public EventSearch search() {
        return search;
    }

    @Override
    public void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                        List<CommitteeUpdate> updates) {
        saveAll(committees, meetings, events, updates, null, null);
    }

    @Override
    public void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                        List<CommitteeUpdate> updates, String metaKey, String metaValue) {
        saveAll(committees, meetings, events, updates, metaKey == null ? java.util.Map.of()
                : java.util.Collections.singletonMap(metaKey, metaValue));
    }

    @Override
    public void saveAll(List<Committee> committees, List<Meeting> meetings, List<Event> events,
                        List<CommitteeUpdate> updates, java.util.Map<String, String> meta) {
        db.transaction(c -> {
            for (java.util.Map.Entry<String, String> m : meta.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                    ps.setString(1, m.getKey());
                    ps.setString(2, m.getValue());
                    ps.executeUpdate();
                }
            }
            for (Committee committee : committees) {
                upsertCommittee(c, committee);
            }
            for (Meeting meeting : meetings) {
                upsertMeeting(c, meeting);
            }
            if (!events.isEmpty()) {
                try (EventWriter w = new EventWriter(c)) {
                    for (Event event : events) {
                        w.write(event);
                    }
                }
            }
            for (CommitteeUpdate update : updates) {
                insertUpdate(c, update);
            }
            return null;
        });
    }

    @Override
    public void saveEvent(Event event) {
        db.transaction(c -> {
            try (EventWriter w = new EventWriter(c)) {
                w.write(event);
            }
            return null;
        });
    }

    @Override
    public int[] saveTranslations(List<Committee> committees, List<Event> events) {
        return db.transaction(c -> {
            int[] changed = new int[2];
            // IS NOT: a row whose translations are already these is not written, so it fires no change
            try (PreparedStatement ps = c.prepareStatement("UPDATE committees SET names = ?, descriptions = ?"
                    + " WHERE acronym = ? AND (names IS NOT ? OR descriptions IS NOT ?)")) {
                for (Committee k : committees) {
                    String names = Json.translations(k.names());
                    String descriptions = Json.translations(k.descriptions());
                    ps.setString(1, names);
                    ps.setString(2, descriptions);
                    ps.setString(3, k.acronym());
                    ps.setString(4, names);
                    ps.setString(5, descriptions);
                    changed[0] += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE events SET titles = ?,"
                    + " updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)"
                    + " WHERE id = ? AND title = ? AND source = 'calendar' AND titles IS NOT ?")) {
                for (Event e : events) {
                    String titles = Json.translations(e.titles());
                    ps.setString(1, titles);
                    ps.setString(2, e.id());
                    ps.setString(3, e.title());
                    ps.setString(4, titles);
                    changed[1] += ps.executeUpdate();
                }
            }
            return changed;
        });
    }

    private static void upsertCommittee(Connection c, Committee committee) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO committees(acronym, name, description, link, aliases,"
                + " names, descriptions) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(acronym) DO UPDATE SET name=excluded.name,"
                + " description=excluded.description, link=excluded.link, aliases=excluded.aliases,"
                + " names=excluded.names, descriptions=excluded.descriptions")) {
            ps.setString(1, committee.acronym());
            ps.setString(2, committee.name());
            ps.setString(3, committee.description());
            ps.setString(4, committee.link());
            ps.setString(5, Json.strings(committee.aliases()));
            ps.setString(6, Json.translations(committee.names()));
            ps.setString(7, Json.translations(committee.descriptions()));
            ps.executeUpdate();
        }
    }

    private static void upsertMeeting(Connection c, Meeting m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meetings(code, name, city, country, venue, zone,"
                + " first_day, last_day, host, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE"
                + " SET name=excluded.name, city=excluded.city, country=excluded.country, venue=excluded.venue,"
                + " zone=excluded.zone, first_day=excluded.first_day, last_day=excluded.last_day,"
                + " host=excluded.host, links=excluded.links")) {
            ps.setString(1, m.code());
            ps.setString(2, m.name());
            ps.setString(3, m.city());
            ps.setString(4, m.country());
            ps.setString(5, m.venue());
            ps.setString(6, m.zone().getId());
            ps.setString(7, m.firstDay().toString());
            ps.setString(8, m.lastDay().toString());
            ps.setString(9, m.host());
            ps.setString(10, Json.links(m.links()));
            ps.executeUpdate();
        }
    }

    /**
     * The upsert changes a stored row only when something in it differs (the WHERE of its DO UPDATE), so an
     * unchanged event keeps its {@code updated_at} (the feeds' DTSTAMP) and fires no trigger: a re-import that
     * changes nothing writes nothing. Its committees are rewritten only when the row was.
     */
    private static final String UPSERT_EVENT = "INSERT INTO events(id, title, kind, meeting_code, start_utc,"
            + " end_utc, local_date, zone, sort_utc, end_key_utc, room, access, description, links, status, source,"
            + " source_uid, sequence, committees, last_day, titles, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " CAST(unixepoch('subsec') * 1000 AS INTEGER))"
            + " ON CONFLICT(id) DO UPDATE SET title=excluded.title, kind=excluded.kind,"
            + " meeting_code=excluded.meeting_code, start_utc=excluded.start_utc, end_utc=excluded.end_utc,"
            + " local_date=excluded.local_date, zone=excluded.zone, sort_utc=excluded.sort_utc,"
            + " end_key_utc=excluded.end_key_utc, room=excluded.room, access=excluded.access,"
            + " description=excluded.description, links=excluded.links, status=excluded.status,"
            + " source=excluded.source, source_uid=excluded.source_uid, sequence=excluded.sequence,"
            + " committees=excluded.committees, last_day=excluded.last_day, titles=excluded.titles,"
            + " updated_at=excluded.updated_at"
            + " WHERE title IS NOT excluded.title OR kind IS NOT excluded.kind"
            + " OR meeting_code IS NOT excluded.meeting_code OR start_utc IS NOT excluded.start_utc"
            + " OR end_utc IS NOT excluded.end_utc OR local_date IS NOT excluded.local_date"
            + " OR zone IS NOT excluded.zone OR sort_utc IS NOT excluded.sort_utc"
            + " OR end_key_utc IS NOT excluded.end_key_utc OR room IS NOT excluded.room"
            + " OR access IS NOT excluded.access OR description IS NOT excluded.description"
            + " OR links IS NOT excluded.links OR status IS NOT excluded.status OR source IS NOT excluded.source"
            + " OR source_uid IS NOT excluded.source_uid OR sequence IS NOT excluded.sequence"
            + " OR committees IS NOT excluded.committees OR last_day IS NOT excluded.last_day"
            + " OR titles IS NOT excluded.titles";

    /**
     * Writes events through statements prepared once per transaction: SQLite compiles the events table's FTS5 and
     * change-log triggers into every INSERT it prepares, which cost more than the write itself when an import
     * prepared three statements per event.
     */
    private static final class EventWriter implements AutoCloseable {
        private final PreparedStatement upsert;
        private final PreparedStatement deleteCommittees;
        private final PreparedStatement insertCommittee;

        EventWriter(Connection c) throws SQLException {
            upsert = c.prepareStatement(UPSERT_EVENT);
            deleteCommittees = c.prepareStatement("DELETE FROM event_committees WHERE event_id = ?");
            insertCommittee = c.prepareStatement("INSERT INTO event_committees(event_id, committee) VALUES (?, ?)");
        }

        void write(Event e) throws SQLException {
            PreparedStatement ps = upsert;
            ps.setString(1, e.id());
            ps.setString(2, e.title());
            ps.setString(3, e.kind());
            ps.setString(4, e.meetingCode());
            setInstant(ps, 5, e.start());
            setInstant(ps, 6, e.end());
            ps.setString(7, e.date().toString());
            ps.setString(8, e.zone().getId());
            ps.setLong(9, e.sortKey().toEpochMilli());
            ps.setLong(10, e.endKey().toEpochMilli());
            ps.setString(11, e.room());
            ps.setString(12, e.access().name());
            ps.setString(13, e.description());
            ps.setString(14, Json.links(e.links()));
            ps.setString(15, e.status().name());
            ps.setString(16, e.source());
            ps.setString(17, e.sourceUid());
            ps.setInt(18, e.sequence());
            ps.setString(19, String.join(",", new java.util.TreeSet<>(e.committees())));
            ps.setString(20, e.multiDay() ? e.lastDay().toString() : null);
            ps.setString(21, Json.translations(e.titles()));
            if (ps.executeUpdate() == 0) {
                return;
            }
            deleteCommittees.setString(1, e.id());
            deleteCommittees.executeUpdate();
            if (!e.committees().isEmpty()) {
                for (String committee : e.committees()) {
                    insertCommittee.setString(1, e.id());
                    insertCommittee.setString(2, committee);
                    insertCommittee.addBatch();
                }
                insertCommittee.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try (upsert; deleteCommittees; insertCommittee) {
                // closes all three, the first failure reported with the others suppressed
            }
        }
    }

    private static void insertUpdate(Connection c, CommitteeUpdate u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO committee_updates(committee, posted_at, author, text) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, u.committee());
            ps.setLong(2, u.postedAt().toEpochMilli());
            ps.setString(3, u.author());
            ps.setString(4, u.text());
            ps.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Optional<Event> event(String id) {
        List<Event> found = queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.id = ?", ps -> ps.setString(1, id));
        return found.stream().findFirst();
    }

    @Override
    public List<Event> upcoming(Instant from, int limit) {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.sort_utc >= ? AND e.status <> 'CANCELLED'"
                + " ORDER BY e.sort_utc, e.id LIMIT ?", ps -> {
                    ps.setLong(1, from.toEpochMilli());
                    ps.setInt(2, limit);
                });
    }

    @Override
    public List<Event> between(Instant from, Instant to) {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.sort_utc >= ? AND e.sort_utc < ?"
                + " ORDER BY e.sort_utc, e.id", ps -> {
                    ps.setLong(1, from.toEpochMilli());
                    ps.setLong(2, to.toEpochMilli());
                });
    }

    @Override
    public List<Event> upcomingForCommittee(String acronym, Instant from, int limit) {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e JOIN event_committees ec ON ec.event_id = e.id"
                + " WHERE ec.committee = ? AND e.sort_utc >= ? AND e.status <> 'CANCELLED' ORDER BY e.sort_utc, e.id"
                + " LIMIT ?", ps -> {
                    ps.setString(1, acronym);
                    ps.setLong(2, from.toEpochMilli());
                    ps.setInt(3, limit);
                });
    }

    @Override
    public List<Event> forMeeting(String code) {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.meeting_code = ? ORDER BY e.sort_utc, e.id",
                ps -> ps.setString(1, code));
    }

    @Override
    public List<Event> ongoing(Instant from, Instant now) {
        List<Event> rows = queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.sort_utc >= ? AND e.sort_utc < ?"
                + " AND e.end_key_utc > ? AND e.status <> 'CANCELLED' ORDER BY e.sort_utc, e.id", ps -> {
                    ps.setLong(1, from.toEpochMilli());
                    ps.setLong(2, now.toEpochMilli());
                    ps.setLong(3, now.toEpochMilli());
                });
        return withSpanning(rows, spanning(now, now.plusMillis(1)).stream().filter(e -> e.sortKey().isBefore(from)
                && e.status() != EventStatus.CANCELLED).toList());
    }

    /** {@code rows} (in time order) and {@code more}, merged in time order without repeats. */
    static List<Event> withSpanning(List<Event> rows, List<Event> more) {
        if (more.isEmpty()) {
            return rows;
        }
        java.util.Map<String, Event> byId = new java.util.LinkedHashMap<>();
        rows.forEach(e -> byId.put(e.id(), e));
        more.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<Event> out = new ArrayList<>(byId.values());
        out.sort(java.util.Comparator.comparing(Event::sortKey).thenComparing(Event::id));
        return out;
    }

    @Override
    public List<Event> spanning(Instant from, Instant to) {
        // end_key_utc > from through the partial index; the multi-day events are few. The unary + keeps SQLite from
        // walking the sort_utc index instead (every event before `to`: 60 ms on 100,000 events, not 0.1 ms)
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.last_day IS NOT NULL"
                + " AND e.end_key_utc > ? AND +e.sort_utc < ? ORDER BY e.sort_utc, e.id", ps -> {
                    ps.setLong(1, from.toEpochMilli());
                    ps.setLong(2, to.toEpochMilli());
                });
    }

    @Override
    public java.util.Map<String, Instant> lastChanges(java.util.Collection<String> ids) {
        // a few ids (one event's feed) are read by key; more, by one scan of the table
        boolean few = ids != null && ids.size() <= 64;
        String sql = "SELECT id, updated_at FROM events WHERE updated_at IS NOT NULL" + (few && !ids.isEmpty()
                ? " AND id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")" : "");
        if (few && ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Set<String> wanted = ids == null ? null : new java.util.HashSet<>(ids);
        return db.read(c -> {
            java.util.Map<String, Instant> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (few) {
                    int i = 1;
                    for (String id : ids) {
                        ps.setString(i++, id);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (wanted == null || wanted.contains(rs.getString(1))) {
                            out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Event> latest(int limit) {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e ORDER BY e.sort_utc DESC LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    @Override
    public List<Event> allEvents() {
        return queryEvents("SELECT " + EVENT_COLUMNS + " FROM events e ORDER BY e.sort_utc, e.id", ps -> { });
    }

    @Override
    public int eventCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private List<Event> queryEvents(String sql, Binder binder) {
        return db.read(c -> {
            List<Event> rows = new ArrayList<>();
            PreparedStatement ps = db.prepared(sql);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapEvent(rs));
                }
            }
            return rows;
        });
    }

    static Event mapEvent(ResultSet rs) throws SQLException {
        long start = rs.getLong(5);
        Instant startAt = rs.wasNull() ? null : Instant.ofEpochMilli(start);
        long end = rs.getLong(6);
        Instant endAt = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        return new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), startAt, endAt,
                LocalDate.parse(rs.getString(7)), zone(rs.getString(8)), rs.getString(9),
                Access.valueOf(rs.getString(10)), rs.getString(11), committees(rs.getString(17)), Json.links(rs.getString(12)),
                EventStatus.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15), rs.getInt(16),
                rs.getString(18) == null ? null : LocalDate.parse(rs.getString(18)), Json.translations(rs.getString(19)));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ZoneId zone(String id) {
        return ZONES.computeIfAbsent(id, ZoneId::of);
    }

    private static List<String> committees(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    @Override
    public List<Committee> committees() {
        return db.read(c -> {
            List<Committee> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT acronym, name, description, link, aliases, names, descriptions FROM committees"
                    + " ORDER BY acronym COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Committee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Json.strings(rs.getString(5)), Json.translations(rs.getString(6)),
                            Json.translations(rs.getString(7))));
                }
            }
            return out;
        });
    }

    @Override
    public List<Meeting> meetings() {
        return db.read(c -> {
            List<Meeting> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name, city, country, venue, zone, first_day,"
                    + " last_day, host, links FROM meetings ORDER BY first_day");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Meeting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), ZoneId.of(rs.getString(6)), LocalDate.parse(rs.getString(7)),
                            LocalDate.parse(rs.getString(8)), rs.getString(9), Json.links(rs.getString(10))));
                }
            }
            return out;
        });
    }

    @Override
    public CommitteeUpdate addUpdate(CommitteeUpdate update) {
        return db.transaction(c -> {
            insertUpdate(c, update);
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CommitteeUpdate(rs.getLong(1), update.committee(), update.postedAt(), update.author(),
                        update.text());
            }
        });
    }

    @Override
    public Optional<CommitteeUpdate> update(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, committee, posted_at, author, text"
                    + " FROM committee_updates WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new CommitteeUpdate(rs.getLong(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<CommitteeUpdate> updates(String acronym, int limit) {
        return db.read(c -> {
            List<CommitteeUpdate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, committee, posted_at, author, text"
                    + " FROM committee_updates WHERE committee = ? ORDER BY posted_at DESC, id DESC LIMIT ?")) {
                ps.setString(1, acronym);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CommitteeUpdate(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<ZoneId> userZone(String platform, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT zone FROM user_prefs WHERE platform = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        return Optional.of(ZoneId.of(rs.getString(1)));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public void setUserZone(String platform, String userId, ZoneId zone) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_prefs(platform, user_id, zone) VALUES (?, ?, ?)"
                    + " ON CONFLICT(platform, user_id) DO UPDATE SET zone = excluded.zone")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, zone.getId());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<String> meta(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void setMeta(String key, String value) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public java.time.Duration longestOwnReminderOffset() {
        return db.read(c -> {
            java.time.Duration longest = java.time.Duration.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT offsets FROM event_reminder_offsets");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (String d : Json.strings(rs.getString(1))) {
                        java.time.Duration x = java.time.Duration.parse(d);
                        longest = x.compareTo(longest) > 0 ? x : longest;
                    }
                }
            }
            return longest;
        });
    }

    @Override
    public Optional<List<java.time.Duration>> reminderOffsets(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT offsets FROM event_reminder_offsets WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<List<java.time.Duration>>empty();
                    }
                    List<java.time.Duration> out = new ArrayList<>();
                    for (String d : Json.strings(rs.getString(1))) {
                        out.add(java.time.Duration.parse(d));
                    }
                    return Optional.of(List.copyOf(out));
                }
            }
        });
    }

    @Override
    public void setReminderOffsets(String eventId, List<java.time.Duration> offsets) {
        db.transaction(c -> {
            if (offsets.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM event_reminder_offsets WHERE event_id = ?")) {
                    ps.setString(1, eventId);
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_reminder_offsets(event_id, offsets)"
                    + " VALUES (?, ?) ON CONFLICT(event_id) DO UPDATE SET offsets = excluded.offsets")) {
                ps.setString(1, eventId);
                ps.setString(2, Json.strings(offsets.stream().map(java.time.Duration::toString).toList()));
                return ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

}
