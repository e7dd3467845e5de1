package org.ccnsobot.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Which platform deliveries this database has seen (V9): a key is new once until it expires, across restarts and
 * across processes on one file. Expired keys are removed as new ones arrive.
 */
public final class SeenDeliveries {
    private final Database db;

    public SeenDeliveries(Database db) {
        this.db = db;
    }

    /** True the first time {@code key} is offered before it expires; false while it is remembered. */
    public boolean firstTime(String key, Instant now, Instant expiresAt) {
        return db.transaction(c -> {
            try (PreparedStatement gone = c.prepareStatement("DELETE FROM seen_deliveries WHERE expires_at <= ?")) {
                gone.setLong(1, now.toEpochMilli());
                gone.executeUpdate();
            }
            try (PreparedStatement add = c.prepareStatement(
                    "INSERT INTO seen_deliveries(key, expires_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")) {
                add.setString(1, key);
                add.setLong(2, expiresAt.toEpochMilli());
                return add.executeUpdate() == 1;
            }
        });
    }
}
