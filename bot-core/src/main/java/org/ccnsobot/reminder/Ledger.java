package org.ccnsobot.reminder;

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
import java.util.Optional;
import java.util.function.Function;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;

/**
 * The reminder slots and the delivery ledger in SQLite. Every state change is its own committed transaction, so
 * the ledger on disk always says what was claimed and what was confirmed sent. All SQL is parameterised.
 */
final class Ledger {
    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String DROPPED = "dropped";
    static final String FAILED = "failed";

    private static final String ROW_COLUMNS = "id, row_key, kind, event_id, offset_key, platform, destination,"
            + " generation, due_at, next_at, state, attempts, last_error, message_ref, note";

    private final Database db;

    Ledger(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    /** One ledger row. Its idempotency key changes only when the reminder is rescheduled (a new generation). */
    record Row(long id, String rowKey, String kind, String eventId, String offsetKey, String platform,
               String destination, int generation, Instant dueAt, Instant nextAt, String state, int attempts,
               String lastError, String messageRef, String note) {

        String idempotencyKey() {
            return rowKey + "#" + generation;
        }

        Destination target() {
            return parseDestination(destination);
        }
    }

    /** A planned slot as stored. */
    record SlotRow(String eventId, String offsetKey, Instant due, int generation, String state) {
    }

    /** A row to add: a reminder for one destination, a change notice or a staff alert. */
    record NewRow(String rowKey, String kind, String eventId, String offsetKey, Destination destination,
                  int generation, Instant due, String note) {
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

    // ---- slots ----

    List<SlotRow> slots(String eventId) {
        return db.read(c -> slots(c, eventId));
    }

    private static List<SlotRow> slots(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, offset_key, due_at, generation, state"
                + " FROM reminder_slots WHERE event_id = ? ORDER BY due_at")) {
            ps.setString(1, eventId);
            List<SlotRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(slot(rs));
                }
            }
            return out;
        }
    }

    private static SlotRow slot(ResultSet rs) throws SQLException {
        return new SlotRow(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4),
                rs.getString(5));
    }

    /**
     * Brings an event's slots in line with {@code desired} (offset key to due time). A slot no longer wanted is
     * dropped with its pending rows. A slot whose time changed is moved; if it had already been expanded and its new
     * time is still ahead, it is planned again under a new generation (so it is sent again, with a new idempotency
     * key, for the new time) and its rows still pending are dropped. Returns how many slots changed.
     */
    private static int replan(Connection c, String eventId, Map<String, Instant> desired, boolean addNew, Instant now)
            throws SQLException {
        int changed = 0;
        Map<String, SlotRow> existing = new LinkedHashMap<>();
        for (SlotRow s : slots(c, eventId)) {
            existing.put(s.offsetKey(), s);
        }
        for (SlotRow s : existing.values()) {
            if (!desired.containsKey(s.offsetKey()) && !s.state().equals(DROPPED)) {
                if (s.state().equals("planned")) {
                    updateSlot(c, s, s.due(), s.generation(), DROPPED);
                    changed++;
                }
                changed += dropPendingRows(c, eventId, s.offsetKey(), "no longer planned", now);
            }
        }
        for (Map.Entry<String, Instant> d : desired.entrySet()) {
            SlotRow s = existing.get(d.getKey());
            Instant due = d.getValue();
            if (s == null && !addNew) {
                continue;
            }
            if (s == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_slots(event_id, offset_key,"
                        + " due_at, generation, state) VALUES (?, ?, ?, 1, 'planned')")) {
                    ps.setString(1, eventId);
                    ps.setString(2, d.getKey());
                    ps.setLong(3, due.toEpochMilli());
                    ps.executeUpdate();
                }
                changed++;
            } else if (!s.due().equals(due) || s.state().equals(DROPPED)) {
                if (s.state().equals("expanded") && !due.isAfter(now)) {
                    // already sent for the old time and the new time has passed too: the change notice says it
                    updateSlot(c, s, due, s.generation(), "expanded");
                } else {
                    updateSlot(c, s, due, s.generation() + 1, "planned");
                    dropPendingRows(c, eventId, s.offsetKey(), "rescheduled", now);
                }
                changed++;
            }
        }
        return changed;
    }

    /**
     * What to do for one event: bring its slots in line with {@code desired} (adding missing ones only when
     * {@code addNew}), and, when {@code snapshot} is set, record it with the change notices in the same transaction.
     */
    record Plan(String eventId, Map<String, Instant> desired, boolean addNew, String snapshot, List<NewRow> notices) {
    }

    /** The outcome of {@link #apply}. */
    record Applied(int slotsChanged, int noticesAdded) {
    }

    /** Applies plans for many events in one transaction (one commit for a whole calendar at start-up). */
    Applied apply(List<Plan> plans, Instant now) {
        return db.transaction(c -> {
            int slots = 0;
            int notices = 0;
            for (Plan p : plans) {
                slots += replan(c, p.eventId(), p.desired(), p.addNew(), now);
                if (p.snapshot() != null) {
                    notices += insertRows(c, p.notices(), now, false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_event_state(event_id, snapshot)"
                            + " VALUES (?, ?) ON CONFLICT(event_id) DO UPDATE SET snapshot = excluded.snapshot")) {
                        ps.setString(1, p.eventId());
                        ps.setString(2, p.snapshot());
                        ps.executeUpdate();
                    }
                }
            }
            return new Applied(slots, notices);
        });
    }

    private static void updateSlot(Connection c, SlotRow s, Instant due, int generation, String state)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_slots SET due_at = ?, generation = ?, state = ?"
                + " WHERE event_id = ? AND offset_key = ?")) {
            ps.setLong(1, due.toEpochMilli());
            ps.setInt(2, generation);
            ps.setString(3, state);
            ps.setString(4, s.eventId());
            ps.setString(5, s.offsetKey());
            ps.executeUpdate();
        }
    }

    private static int dropPendingRows(Connection c, String eventId, String offsetKey, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_ledger SET state = 'dropped', last_error = ?,"
                + " updated_at = ? WHERE event_id = ? AND offset_key = ? AND kind = 'reminder' AND state = 'pending'")) {
            ps.setString(1, reason);
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, eventId);
            ps.setString(4, offsetKey);
            return ps.executeUpdate();
        }
    }

    /** Planned slots due at or before {@code now}, earliest first. */
    List<SlotRow> dueSlots(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, offset_key, due_at, generation, state"
                    + " FROM reminder_slots WHERE state = 'planned' AND due_at <= ? ORDER BY due_at LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                List<SlotRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(slot(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Expands a slot into its rows and marks it expanded, in one transaction; with {@code rows} empty the slot is
     * dropped instead. A slot changed meanwhile (another generation) is left alone. A row that exists from an
     * earlier generation is reset to pending under the new one.
     */
    boolean expand(SlotRow slot, List<NewRow> rows, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT generation FROM reminder_slots WHERE event_id = ?"
                    + " AND offset_key = ? AND state = 'planned'")) {
                check.setString(1, slot.eventId());
                check.setString(2, slot.offsetKey());
                try (ResultSet rs = check.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != slot.generation()) {
                        return false;
                    }
                }
            }
            insertRows(c, rows, now, true);
            updateSlot(c, slot, slot.due(), slot.generation(), rows.isEmpty() ? DROPPED : "expanded");
            return true;
        });
    }

    /** Adds rows (change notices, alerts); a row whose key exists already is left as it is. Returns how many were added. */
    int add(List<NewRow> rows, Instant now) {
        return db.transaction(c -> insertRows(c, rows, now, false));
    }

    private static int insertRows(Connection c, List<NewRow> rows, Instant now, boolean resetOlderGeneration)
            throws SQLException {
        String sql = "INSERT INTO reminder_ledger(row_key, kind, event_id, offset_key, platform, destination,"
                + " generation, due_at, next_at, state, attempts, note, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)"
                + (resetOlderGeneration ? " ON CONFLICT(row_key) DO UPDATE SET generation = excluded.generation,"
                + " due_at = excluded.due_at, next_at = excluded.next_at, state = 'pending', attempts = 0,"
                + " last_error = NULL, message_ref = NULL, updated_at = excluded.updated_at"
                + " WHERE reminder_ledger.generation < excluded.generation"
                : " ON CONFLICT(row_key) DO NOTHING");
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (NewRow r : rows) {
                ps.setString(1, r.rowKey());
                ps.setString(2, r.kind());
                ps.setString(3, r.eventId());
                ps.setString(4, r.offsetKey());
                ps.setString(5, r.destination().platform());
                ps.setString(6, r.destination().key());
                ps.setInt(7, r.generation());
                ps.setLong(8, r.due().toEpochMilli());
                ps.setLong(9, r.due().toEpochMilli());
                ps.setString(10, r.note());
                ps.setLong(11, now.toEpochMilli());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** The event as the reminders last saw it (JSON), if they have. */
    Optional<String> snapshot(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT snapshot FROM reminder_event_state WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** How many change notices the event has had: numbers the next one. */
    int changeCount(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT offset_key) FROM reminder_ledger"
                    + " WHERE event_id = ? AND kind = 'change'")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    // ---- the send cycle ----

    /** The earliest instant anything is due for these platforms: a planned slot or a pending row. */
    Optional<Instant> nextDue(Collection<String> platforms) {
        return db.read(c -> {
            Long best = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT due_at FROM reminder_slots WHERE state = 'planned'"
                    + " ORDER BY due_at LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    best = rs.getLong(1);
                }
            }
            if (!platforms.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT next_at FROM reminder_ledger WHERE state = 'pending'"
                        + " AND platform IN (" + placeholders(platforms.size()) + ") ORDER BY next_at, id LIMIT 1")) {
                    int i = 1;
                    for (String p : platforms) {
                        ps.setString(i++, p);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (best == null || rs.getLong(1) < best)) {
                            best = rs.getLong(1);
                        }
                    }
                }
            }
            return Optional.ofNullable(best).map(Instant::ofEpochMilli);
        });
    }

    /** The result of a claim: rows now in {@code sending}, and how many due rows were dropped instead. */
    record Claim(List<Row> rows, int dropped) {
    }

    /**
     * Claims up to {@code limit} rows due at {@code now} ({@code pending -> sending}, attempts + 1) and commits.
     * {@code dropReason} is asked about each row first, outside the transaction (it may read the calendar, whose
     * cache must never be entered while the database lock is held): a reason drops the row instead (its event has
     * begun). A row changed in between (another generation, no longer pending) is left alone.
     */
    Claim claimDue(Instant now, Collection<String> platforms, int limit, Function<Row, Optional<String>> dropReason) {
        if (platforms.isEmpty()) {
            return new Claim(List.of(), 0);
        }
        List<Row> due = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM reminder_ledger"
                    + " WHERE state = 'pending' AND next_at <= ? AND platform IN (" + placeholders(platforms.size())
                    + ") ORDER BY next_at, id LIMIT ?")) {
                int i = 1;
                ps.setLong(i++, now.toEpochMilli());
                for (String p : platforms) {
                    ps.setString(i++, p);
                }
                ps.setInt(i, limit);
                return rows(ps);
            }
        });
        if (due.isEmpty()) {
            return new Claim(List.of(), 0);
        }
        Map<Long, String> drops = new LinkedHashMap<>();
        for (Row r : due) {
            dropReason.apply(r).ifPresent(reason -> drops.put(r.id(), reason));
        }
        return db.transaction(c -> {
            List<Row> claimed = new ArrayList<>();
            int dropped = 0;
            try (PreparedStatement claim = c.prepareStatement("UPDATE reminder_ledger SET state = 'sending',"
                    + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND generation = ? AND state = 'pending'");
                 PreparedStatement drop = c.prepareStatement("UPDATE reminder_ledger SET state = 'dropped',"
                         + " last_error = ?, updated_at = ? WHERE id = ? AND generation = ? AND state = 'pending'")) {
                for (Row r : due) {
                    String reason = drops.get(r.id());
                    if (reason != null) {
                        drop.setString(1, reason);
                        drop.setLong(2, now.toEpochMilli());
                        drop.setLong(3, r.id());
                        drop.setInt(4, r.generation());
                        dropped += drop.executeUpdate();
                        continue;
                    }
                    claim.setLong(1, now.toEpochMilli());
                    claim.setLong(2, r.id());
                    claim.setInt(3, r.generation());
                    if (claim.executeUpdate() == 1) {
                        claimed.add(new Row(r.id(), r.rowKey(), r.kind(), r.eventId(), r.offsetKey(), r.platform(),
                                r.destination(), r.generation(), r.dueAt(), r.nextAt(), SENDING, r.attempts() + 1,
                                r.lastError(), r.messageRef(), r.note()));
                    }
                }
            }
            return new Claim(claimed, dropped);
        });
    }

    /** Records a delivery. A late success after a time-out still counts (the row may be pending again by then). */
    boolean markSent(Row r, String messageRef, Instant now) {
        return update("UPDATE reminder_ledger SET state = 'sent', message_ref = ?, last_error = NULL, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state IN ('sending', 'pending')", messageRef, now, r);
    }

    /** A confirmed delivery waiting for its group commit. */
    record Delivery(Row row, String messageRef, Instant at) {
    }

    /**
     * Records many deliveries in one transaction (group commit: one fsync, not one per message). Rows a crash
     * leaves unmarked stay in {@code sending} and are resolved at start without a blind resend. Returns how many
     * rows changed.
     */
    int markSent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_ledger SET state = 'sent', message_ref = ?,"
                    + " last_error = NULL, updated_at = ? WHERE id = ? AND generation = ? AND state IN ('sending', 'pending')")) {
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

    boolean markRetry(Row r, Instant nextAt, String error, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_ledger SET state = 'pending', next_at = ?,"
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
        return update("UPDATE reminder_ledger SET state = 'failed', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state = 'sending'", error, now, r);
    }

    boolean markDropped(Row r, String reason, Instant now) {
        return update("UPDATE reminder_ledger SET state = 'dropped', last_error = ?, updated_at = ?"
                + " WHERE id = ? AND generation = ? AND state IN ('sending', 'pending')", reason, now, r);
    }

    /** Puts a row left in {@code sending} back to pending, due at once, keeping its idempotency key. */
    boolean release(Row r, String note, Instant now) {
        return update("UPDATE reminder_ledger SET state = 'pending', last_error = ?, updated_at = ?"
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

    /** Rows in {@code sending}: at start, those a crashed process left behind. */
    List<Row> inState(String state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM reminder_ledger"
                    + " WHERE state = ? ORDER BY id")) {
                ps.setString(1, state);
                return rows(ps);
            }
        });
    }

    List<Row> rowsOf(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM reminder_ledger"
                    + " WHERE event_id = ? ORDER BY id")) {
                ps.setString(1, eventId);
                return rows(ps);
            }
        });
    }

    /** Rows of one kind for one subject (an announcement, a digest week), oldest first. */
    List<Row> rowsOf(String kind, String subject) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM reminder_ledger"
                    + " WHERE event_id = ? AND kind = ? ORDER BY id")) {
                ps.setString(1, subject);
                ps.setString(2, kind);
                return rows(ps);
            }
        });
    }

    /** Moves the rows of one subject still waiting to a new due time. Returns how many moved. */
    int moveUnsent(String kind, String subject, Instant due, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_ledger SET due_at = ?, next_at = ?,"
                    + " updated_at = ? WHERE event_id = ? AND kind = ? AND state = 'pending' AND attempts = 0"
                    + " AND due_at <> ?")) {
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

    /** Drops the rows of one subject still waiting (not those being sent or sent). Returns how many. */
    int dropPending(String kind, String subject, String reason, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_ledger SET state = 'dropped', last_error = ?,"
                    + " updated_at = ? WHERE event_id = ? AND kind = ? AND state = 'pending'")) {
                ps.setString(1, reason);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, subject);
                ps.setString(4, kind);
                return ps.executeUpdate();
            }
        });
    }

    /** The most recently failed rows, newest first. */
    List<Row> recentFailures(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM reminder_ledger"
                    + " WHERE state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
    }

    /** Row counts by state. */
    Map<String, Integer> counts() {
        return db.read(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String s : List.of(PENDING, SENDING, SENT, DROPPED, FAILED)) {
                out.put(s, 0);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM reminder_ledger GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)),
                Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getInt(12), rs.getString(13),
                rs.getString(14), rs.getString(15));
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
