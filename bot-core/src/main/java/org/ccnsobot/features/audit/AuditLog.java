package org.ccnsobot.features.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ccnsobot.store.Database;
/** Who did (or tried) what, when, with what outcome. Staff actions and refused attempts land here. */
public final class AuditLog implements org.ccnsobot.kernel.AuditTrail.Sink {
    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(Instant at, String platform, String userId, String action, String outcome, String detail) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit(at, platform, user_id, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, platform);
                ps.setString(3, userId);
                ps.setString(4, action);
                ps.setString(5, outcome);
                ps.setString(6, detail);
                return ps.executeUpdate();
            }
        });
    }

    public List<Entry> since(Instant from, int limit) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, platform, user_id, action, outcome, detail"
                    + " FROM audit WHERE at >= ? ORDER BY at, id LIMIT ?")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** One audit row. */
    public record Entry(long id, Instant at, String platform, String userId, String action, String outcome,
                        String detail) {
    }
}
