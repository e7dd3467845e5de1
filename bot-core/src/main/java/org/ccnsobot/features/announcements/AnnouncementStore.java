package org.ccnsobot.features.announcements;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;

/** The announcements table. Each change is one committed transaction; all SQL is parameterised. */
final class AnnouncementStore {
    private static final String COLUMNS = "id, platform, author, text, publish_at, targets, ping, state";

    private final Database db;

    AnnouncementStore(Database db) {
        this.db = db;
    }

    /** Saves a new draft and cancels the author's earlier drafts (one pending draft per staff member). */
    Announcement saveDraft(String platform, String author, String text, Instant publishAt, List<Destination> targets,
                           Optional<String> ping, Instant now) {
        long id = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE announcements SET state = 'cancelled', updated_at = ?"
                    + " WHERE platform = ? AND author = ? AND state = 'draft'")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, platform);
                ps.setString(3, author);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO announcements(platform, author, text, publish_at,"
                    + " targets, ping, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, platform);
                ps.setString(2, author);
                ps.setString(3, text);
                ps.setLong(4, publishAt.toEpochMilli());
                ps.setString(5, String.join("\n", targets.stream().map(Destination::key).toList()));
                ps.setString(6, ping.orElse(null));
                ps.setLong(7, now.toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    Optional<Announcement> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM announcements WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Announcement>empty();
                }
            }
        });
    }

    /** The drafts of one staff member (at most one is kept, but an older database may hold more), oldest first. */
    List<Announcement> drafts(String platform, String author) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM announcements"
                    + " WHERE platform = ? AND author = ? AND state = 'draft' ORDER BY id")) {
                ps.setString(1, platform);
                ps.setString(2, author);
                List<Announcement> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The latest announcements that are not drafts, newest first: the one written last at the top, whatever its
     * posting time (an announcement scheduled for next month, written before today's, comes after it).
     */
    List<Announcement> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM announcements"
                    + " WHERE state <> 'draft' ORDER BY created_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Announcement> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Moves an announcement from one state to another; false when it was not in {@code from} any more. */
    boolean transition(long id, Announcement.State from, Announcement.State to, Instant publishAt, Instant now) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE announcements SET state = ?, publish_at = ?,"
                    + " updated_at = ? WHERE id = ? AND state = ?")) {
                ps.setString(1, to.sql());
                ps.setLong(2, publishAt.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                ps.setLong(4, id);
                ps.setString(5, from.sql());
                return ps.executeUpdate() == 1;
            }
        });
    }

    void setText(long id, String text, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE announcements SET text = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Announcement row(ResultSet rs) throws SQLException {
        List<Destination> targets = new ArrayList<>();
        for (String key : rs.getString(6).split("\n")) {
            if (!key.isBlank()) {
                targets.add(parse(key));
            }
        }
        return new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), targets, Optional.ofNullable(rs.getString(7)),
                Announcement.State.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)));
    }

    static Destination parse(String key) {
        String[] parts = key.split(":", 3);
        return parts[1].equals("dm") ? new Destination.DirectMessage(parts[0], parts[2])
                : new Destination.Channel(parts[0], parts[2]);
    }
}
