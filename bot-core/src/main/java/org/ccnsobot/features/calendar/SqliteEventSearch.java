package org.ccnsobot.features.calendar;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;
import org.ccnsobot.store.Database;

/**
 * {@link EventSearch} on the FTS5 table of migration V6. Its row ids are the events' time order (sort_utc * 2^21
 * plus the low bits of the event's rowid), so a time bound is a row-id range FTS5 applies while it walks the
 * doclists, and "the next few matches" stops after a few rows however many events match. event_search_keys says
 * until when each row is ahead, so rows over or cancelled are skipped without reading their events.
 */
final class SqliteEventSearch implements EventSearch {
    /** Row ids per millisecond of sort key. */
    private static final long SPREAD = 2_097_152L;
    /**
     * How far before {@code now} an event that is not over yet can be keyed: a date-only event is keyed at its
     * local midnight (up to 14 hours ahead of UTC) and lasts the day.
     */
    private static final Duration LOOKBACK = Duration.ofHours(48);
    private static final String SELECT = "SELECT " + SqliteCalendarStore.EVENT_COLUMNS
            + " FROM event_search s JOIN event_search_keys k ON k.key = s.rowid JOIN events e ON e.id = k.event_id"
            + " WHERE event_search MATCH ? AND s.rowid >= ? AND s.rowid < ?";

    private final Database db;

    SqliteEventSearch(Database db) {
        this.db = db;
    }

    @Override
    public List<Event> ahead(List<Clause> clauses, Instant now, int limit) {
        return query(SELECT + " AND k.ahead_until > ? ORDER BY s.rowid LIMIT ?", match(clauses), key(now.minus(LOOKBACK)),
                Long.MAX_VALUE, now.toEpochMilli(), limit);
    }

    @Override
    public List<Event> before(List<Clause> clauses, Instant before, int limit) {
        return query(SELECT + " AND k.ahead_until >= ? ORDER BY s.rowid DESC LIMIT ?", match(clauses), Long.MIN_VALUE,
                key(before), 0, limit);
    }

    @Override
    public List<Event> between(List<Clause> clauses, Instant from, Instant to, int limit) {
        return query(SELECT + " AND k.ahead_until >= ? ORDER BY s.rowid LIMIT ?", match(clauses), key(from), key(to),
                Long.MIN_VALUE, limit);
    }

    @Override
    public int countAhead(List<Clause> clauses, Instant now, int cap) {
        String match = match(clauses);
        return db.read(c -> {
            PreparedStatement ps = db.prepared("SELECT count(*) FROM (SELECT 1 FROM event_search s JOIN event_search_keys k"
                    + " ON k.key = s.rowid WHERE event_search MATCH ? AND s.rowid >= ? AND k.ahead_until > ? LIMIT ?)");
            ps.setString(1, match);
            ps.setLong(2, key(now.minus(LOOKBACK)));
            ps.setLong(3, now.toEpochMilli());
            ps.setInt(4, cap);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public Map<String, Integer> terms() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            PreparedStatement ps = db.prepared("SELECT term, doc FROM event_search_terms");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private List<Event> query(String sql, String match, long from, long to, long aheadUntil, int limit) {
        return db.read(c -> {
            PreparedStatement ps = db.prepared(sql);
            ps.setString(1, match);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setLong(4, aheadUntil);
            ps.setInt(5, limit);
            List<Event> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(SqliteCalendarStore.mapEvent(rs));
                }
            }
            return rows;
        });
    }

    /** The row id of the first event keyed at or after {@code at}. */
    static long key(Instant at) {
        long ms = at.toEpochMilli();
        long max = Long.MAX_VALUE / SPREAD;
        if (ms >= max) {
            return Long.MAX_VALUE;
        }
        if (ms <= -max) {
            return Long.MIN_VALUE;
        }
        return ms * SPREAD;
    }

    /** The FTS5 query: every clause, each one any of its terms in any of its columns. */
    static String match(List<Clause> clauses) {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one clause");
        }
        StringBuilder sb = new StringBuilder();
        for (Clause cl : clauses) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append('{');
            boolean first = true;
            for (Field f : Field.values()) {
                if (cl.fields().contains(f)) {
                    sb.append(first ? "" : " ").append(f.column());
                    first = false;
                }
            }
            sb.append("} : (");
            for (int i = 0; i < cl.terms().size(); i++) {
                String t = cl.terms().get(i);
                boolean prefix = t.endsWith("*");
                String word = (prefix ? t.substring(0, t.length() - 1) : t).replace("\"", "\"\"");
                sb.append(i == 0 ? "" : " OR ").append('"').append(word).append('"').append(prefix ? "*" : "");
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
