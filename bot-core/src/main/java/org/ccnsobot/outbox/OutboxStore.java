package org.ccnsobot.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;

/**
 * The {@code outbox} table. Every state change is its own committed transaction, so the table on disk always says
 * what was claimed and what was confirmed sent. All SQL is parameterised; no statement names a kind.
 */
final class OutboxStore {
    private static final String COLUMNS = "id, kind, job_key, idempotency_key, subject, part, platform, destination,"
            + " generation, payload, due_at, next_at, state, attempts, last_error, message_ref";

    private final Database db;

    OutboxStore(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    /** One stored job, its payload still JSON text. */
    record Row(long id, String kind, String jobKey, String idempotencyKey, String subject, String part,
               String platform, String destination, int generation, String payload, Instant dueAt, Instant nextAt,
               JobState state, int attempts, String lastError, String messageRef) {

        Destination target() {
            return parseDestination(destination);
        }

        Row claimed() {
            return new Row(id, kind, jobKey, idempotencyKey, subject, part, platform, destination, generation, payload,
                    dueAt, nextAt, JobState.SENDING, attempts + 1, lastError, messageRef);
        }
    }

    /** A row to insert: a job with its kind's name and its payload written. */
    record Insert(String kind, String jobKey, String subject, String part, Destination destination, int generation,
                  Instant due, String payload) {
    }

    static Destination parseDestination(String key) {
        String[] parts = key.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a destination key: " + key);
        }
        return switch (parts[1]) {
            case "channel" -> new Destination.Channel(parts[0], parts[2]);
            case "dm" -> new Destination.DirectMessage(parts[0], parts[2]);
            default -> throw new IllegalArgumentException("not a destination key: " + key);
        };
    }

    /**
     * Inserts jobs in the caller's transaction. A job whose key exists is left as it is, unless it comes with a
     * higher generation: then it is reset to pending under the new idempotency key. Returns how many changed.
     */
    static int insert(Connection c, List<Insert> rows, Instant now) throws SQLException {
        String sql = "INSERT INTO outbox(kind, job_key, idempotency_key, subject, part, platform, destination,"
                + " generation, payload, due_at, next_at, state, attempts, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)"
                + " ON CONFLICT(job_key) DO UPDATE SET generation = excluded.generation,"
                + " idempotency_key = excluded.idempotency_key, payload = excluded.payload, due_at = excluded.due_at,"
                + " next_at = excluded.next_at, state = 'pending', attempts = 0, last_error = NULL, message_ref = NULL,"
                + " updated_at = excluded.updated_at WHERE outbox.generation < excluded.generation";
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Insert r : rows) {
                ps.setString(1, r.kind());
                ps.setString(2, r.jobKey());
                ps.setString(3, r.jobKey() + "#" + r.generation());
                ps.setString(4, r.subject());
                ps.setString(5, r.part());
                ps.setString(6, r.destination().platform());
                ps.setString(7, r.destination().key());
                ps.setInt(8, r.generation());
                ps.setString(9, r.payload());
                ps.setLong(10, r.due().toEpochMilli());
                ps.setLong(11, r.due().toEpochMilli());
                ps.setLong(12, now.toEpochMilli());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    int insert(List<Insert> rows, Instant now) {
        return db.transaction(c -> insert(c, rows, now));
    }

    /** Drops the pending jobs of a kind and subject (of one part, when {@code part} is set), in the caller's transaction. */
    static int dropPending(Connection c, String kind, String subject, String part, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'dropped', last_error = ?,"
                + " updated_at = ? WHERE subject = ? AND kind = ? AND state = 'pending'"
                + (part == null ? "" : " AND part = ?"))) {
            ps.setString(1, reason);
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, subject);
            ps.setString(4, kind);
            if (part != null) {
                ps.setString(5, part);
            }
            return ps.executeUpdate();
        }
    }

    /** How many distinct parts a kind's subject has had. */
    static int countParts(Connection c, String kind, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT part) FROM outbox WHERE subject = ?"
                + " AND kind = ?")) {
            ps.setString(1, subject);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** The earliest instant a pending job of these platforms and kinds is due. */
    java.util.Optional<Instant> nextDue(Collection<String> platforms, Collection<String> kinds) {
        if (platforms.isEmpty() || kinds.isEmpty()) {
            return java.util.Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT next_at FROM outbox WHERE state = 'pending'"
                    + " AND platform IN (" + placeholders(platforms.size()) + ") AND kind IN ("
                    + placeholders(kinds.size()) + ") ORDER BY next_at, id LIMIT 1")) {
                int i = bind(ps, 1, platforms);
                bind(ps, i, kinds);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(Instant.ofEpochMilli(rs.getLong(1)))
                            : java.util.Optional.<Instant>empty();
                }
            }
        });
    }

    /** Pending jobs due at {@code now}, earliest first: read only, the claim is {@link #claim}. */
    List<Row> due(Instant now, Collection<String> platforms, Collection<String> kinds, int limit) {
        if (platforms.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state = 'pending'"
                    + " AND next_at <= ? AND platform IN (" + placeholders(platforms.size()) + ") AND kind IN ("
                    + placeholders(kinds.size()) + ") ORDER BY next_at, id LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                int i = bind(ps, 2, platforms);
                i = bind(ps, i, kinds);
                ps.setInt(i, limit);
                return rows(ps);
            }
        });
    }

    /** Claims rows ({@code pending -> sending}, attempts + 1) in one commit; a row changed meanwhile is left alone. */
    List<Row> claim(List<Row> due, Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        return db.transaction(c -> {
            List<Row> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'sending',"
                    + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND generation = ? AND state = 'pending'")) {
                for (Row r : due) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setLong(2, r.id());
                    ps.setInt(3, r.generation());
                    if (ps.executeUpdate() == 1) {
                        claimed.add(r.claimed());
                    }
                }
            }
            return claimed;
        });
    }

    /** A confirmed delivery waiting for its group commit. */
    record Delivery(Row row, String messageRef, Instant at) {
    }

    /** Records deliveries in one transaction; a late success after a time-out still counts. Returns how many. */
    int markSent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'sent', message_ref = ?,"
                    + " last_error = NULL, updated_at = ? WHERE id = ? AND generation = ?"
                    + " AND state IN ('sending', 'pending')")) {
                for (Delivery d : deliveries) {
                    ps.setString(1, d.messageRef());
                    ps.setLong(2, d.at().toEpochMilli());
                    ps.setLong(3, d.row().id());
                    ps.setInt(4, d.row().generation());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    boolean markSent(Row r, String messageRef, Instant now) {
        return markSent(List.of(new Delivery(r, messageRef, now))) == 1;
    }

    boolean markRetry(Row r, Instant nextAt, String error, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'pending', next_at = ?,"
                    + " last_error = ?, updated_at = ? WHERE id = ? AND generation = ? AND state = 'sending'")) {
                ps.setLong(1, nextAt.toEpochMilli());
                ps.setString(2, error);
                ps.setLong(3, now.toEpochMilli());
                ps.setLong(4, r.id());
                ps.setInt(5, r.generation());
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean markFailed(Row r, String error, Instant now) {
        return update("UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state = 'sending'", error, now, r);
    }

    boolean markDropped(Row r, String reason, Instant now) {
        return update("UPDATE outbox SET state = 'dropped', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state IN ('sending', 'pending')", reason, now, r);
    }

    /** Puts a row left in {@code sending} back to pending, keeping its idempotency key. */
    boolean release(Row r, String note, Instant now) {
        return update("UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state = 'sending'", note, now, r);
    }

    private boolean update(String sql, String text, Instant now, Row r) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, text);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, r.id());
                ps.setInt(4, r.generation());
                return ps.executeUpdate() == 1;
            }
        });
    }

    List<Row> inState(JobState state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state = ?"
                    + " ORDER BY id")) {
                ps.setString(1, state.sql());
                return rows(ps);
            }
        });
    }

    List<Row> rowsOf(String kind, String subject) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox"
                    + " WHERE subject = ? AND kind = ? ORDER BY id")) {
                ps.setString(1, subject);
                ps.setString(2, kind);
                return rows(ps);
            }
        });
    }

    /** Moves the jobs of one subject not yet tried to a new due time. Returns how many moved. */
    int moveUnsent(String kind, String subject, Instant due, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET due_at = ?, next_at = ?, updated_at = ?"
                    + " WHERE subject = ? AND kind = ? AND state = 'pending' AND attempts = 0 AND due_at <> ?")) {
                ps.setLong(1, due.toEpochMilli());
                ps.setLong(2, due.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, subject);
                ps.setString(5, kind);
                ps.setLong(6, due.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    List<Row> recentFailures(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE state = 'failed'"
                    + " ORDER BY updated_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
    }

    /**
     * Per kind: jobs waiting, those due before {@code lateBefore}, and those failed for good. One query per state,
     * each with the state written out, so SQLite reads that state's partial index and never the sent rows.
     */
    Map<String, int[]> backlog(Instant lateBefore) {
        return db.read(c -> {
            Map<String, int[]> out = new LinkedHashMap<>();
            for (String state : List.of("pending", "sending", "failed")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*), SUM(CASE WHEN due_at < ? THEN 1"
                        + " ELSE 0 END) FROM outbox WHERE state = '" + state + "' GROUP BY kind")) {
                    ps.setLong(1, lateBefore.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int[] c3 = out.computeIfAbsent(rs.getString(1), k -> new int[3]);
                            if (state.equals("failed")) {
                                c3[2] += rs.getInt(2);
                            } else {
                                c3[0] += rs.getInt(2);
                                c3[1] += rs.getInt(3);
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    Map<JobState, Integer> counts() {
        return db.read(c -> {
            Map<JobState, Integer> out = new LinkedHashMap<>();
            for (JobState s : JobState.values()) {
                out.put(s, 0);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(JobState.of(rs.getString(1)), rs.getInt(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                        Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)),
                        JobState.of(rs.getString(13)), rs.getInt(14), rs.getString(15), rs.getString(16)));
            }
        }
        return out;
    }

    private static int bind(PreparedStatement ps, int from, Collection<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
