package org.ccnsobot.features.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.outbox.PayloadCodec.NoPayload;
import org.ccnsobot.store.Database;

/**
 * The reminder slots ({@code reminder_slots}) and the version of each event the reminders last acted on
 * ({@code reminder_event_state}). Slots become outbox jobs when due; a slot's changes and the jobs they cause
 * commit together.
 */
final class Slots {
    static final String PLANNED = "planned";
    static final String EXPANDED = "expanded";
    static final String DROPPED = "dropped";

    private final Database db;
    private final Outbox outbox;
    private final ReminderJobs reminders;
    private final ChangeNotices changes;
    private final ChangeSummaries summaries;

    Slots(Database db, Outbox outbox, ReminderJobs reminders, ChangeNotices changes, ChangeSummaries summaries) {
        this.db = db;
        this.outbox = outbox;
        this.reminders = reminders;
        this.changes = changes;
        this.summaries = summaries;
    }

    /** A planned slot as stored. */
    record SlotRow(String eventId, String offsetKey, Instant due, int generation, String state) {
    }

    /**
     * What to do for one event: bring its slots in line with {@code desired} (adding missing ones only when
     * {@code addNew}), and, when {@code snapshot} is set, record it with the change notices in the same transaction.
     */
    record Plan(String eventId, Map<String, Instant> desired, boolean addNew, String snapshot,
                List<NewJob<EventSnapshots.Change>> notices) {
    }

    /** The outcome of {@link #apply}. */
    record Applied(int slotsChanged, int noticesAdded) {
    }

    private static List<SlotRow> slots(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, offset_key, due_at, generation, state"
                + " FROM reminder_slots WHERE event_id = ? ORDER BY due_at")) {
            ps.setString(1, eventId);
            return slotRows(ps);
        }
    }

    private static List<SlotRow> slotRows(PreparedStatement ps) throws SQLException {
        List<SlotRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SlotRow(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getInt(4), rs.getString(5)));
            }
        }
        return out;
    }

    /** Applies plans for many events in one transaction (one commit for a whole calendar at start-up). */
    Applied apply(List<Plan> plans, Instant now) {
        return apply(plans, List.of(), now);
    }

    /** As above, queuing a write's change summaries in the same transaction as the snapshots they tell of. */
    Applied apply(List<Plan> plans, List<NewJob<EventSnapshots.Changes>> summaryJobs, Instant now) {
        Applied applied = db.transaction(c -> {
            int slots = 0;
            int notices = summaryJobs.isEmpty() ? 0 : outbox.enqueue(c, summaries, summaryJobs);
            for (Plan p : plans) {
                slots += replan(c, p.eventId(), p.desired(), p.addNew(), now);
                if (p.snapshot() != null) {
                    notices += outbox.enqueue(c, changes, p.notices());
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_event_state(event_id,"
                            + " snapshot) VALUES (?, ?) ON CONFLICT(event_id) DO UPDATE SET snapshot = excluded.snapshot")) {
                        ps.setString(1, p.eventId());
                        ps.setString(2, p.snapshot());
                        ps.executeUpdate();
                    }
                }
            }
            return new Applied(slots, notices);
        });
        if (applied.noticesAdded() > 0 || applied.slotsChanged() > 0) {
            outbox.wake();
        }
        return applied;
    }

    /**
     * Brings an event's slots in line with {@code desired} (offset key to due time). A slot no longer wanted is
     * dropped with its pending jobs. A slot whose time changed is moved; if it had already been expanded and its new
     * time is still ahead, it is planned again under a new generation (so it is sent again, with a new idempotency
     * key, for the new time) and its jobs still pending are dropped. Returns how many slots changed.
     */
    private int replan(Connection c, String eventId, Map<String, Instant> desired, boolean addNew, Instant now)
            throws SQLException {
        int changed = 0;
        Map<String, SlotRow> existing = new LinkedHashMap<>();
        for (SlotRow s : slots(c, eventId)) {
            existing.put(s.offsetKey(), s);
        }
        for (SlotRow s : existing.values()) {
            if (!desired.containsKey(s.offsetKey()) && !s.state().equals(DROPPED)) {
                if (s.state().equals(PLANNED)) {
                    updateSlot(c, s, s.due(), s.generation(), DROPPED);
                    changed++;
                }
                changed += outbox.dropPending(c, reminders, eventId, s.offsetKey(), "no longer planned");
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
                if (s.state().equals(EXPANDED) && !due.isAfter(now)) {
                    // already sent for the old time and the new time has passed too: the change notice says it
                    updateSlot(c, s, due, s.generation(), EXPANDED);
                } else {
                    updateSlot(c, s, due, s.generation() + 1, PLANNED);
                    outbox.dropPending(c, reminders, eventId, s.offsetKey(), "rescheduled");
                }
                changed++;
            }
        }
        return changed;
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

    /** Planned slots due at or before {@code now}, earliest first. */
    List<SlotRow> due(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, offset_key, due_at, generation, state"
                    + " FROM reminder_slots WHERE state = 'planned' AND due_at <= ? ORDER BY due_at LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                return slotRows(ps);
            }
        });
    }

    /** When the next planned slot falls due, if any. */
    Optional<Instant> nextDue() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT due_at FROM reminder_slots WHERE state = 'planned'"
                    + " ORDER BY due_at LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
            }
        });
    }

    /**
     * Expands a slot into its jobs and marks it expanded, in one transaction; with {@code jobs} empty the slot is
     * dropped instead. A slot changed meanwhile (another generation) is left alone. A job that exists from an
     * earlier generation is reset to pending under the new one.
     */
    boolean expand(SlotRow slot, List<NewJob<NoPayload>> jobs) {
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
            outbox.enqueue(c, reminders, jobs);
            updateSlot(c, slot, slot.due(), slot.generation(), jobs.isEmpty() ? DROPPED : EXPANDED);
            return true;
        });
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
        return db.read(c -> outbox.countParts(c, changes, eventId));
    }
}
