package org.ccnsobot.features.sources;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.ccnsobot.store.Database;

/**
 * What each source last answered, kept in the database (V14 {@code source_validators}) so the first look after a
 * restart is conditional too: an unchanged source answers 304 and costs no parse and no write.
 */
interface LookMemory {

    /** The validators and body hash of a source's last new body, and the url they came from. */
    record Remembered(String url, String etag, String lastModified, String bodyHash) {
    }

    Optional<Remembered> recall(String source);

    void remember(String source, Remembered what, Instant at);

    /** Remembers nothing (a watcher without a database). */
    LookMemory NONE = new LookMemory() {
        @Override
        public Optional<Remembered> recall(String source) {
            return Optional.empty();
        }

        @Override
        public void remember(String source, Remembered what, Instant at) {
        }
    };

    static LookMemory sqlite(Database db) {
        return new SqliteLookMemory(db);
    }
}

final class SqliteLookMemory implements LookMemory {
    private final Database db;

    SqliteLookMemory(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Remembered> recall(String source) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url, etag, last_modified, body_hash"
                    + " FROM source_validators WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Remembered(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4))) : Optional.<Remembered>empty();
                }
            }
        });
    }

    @Override
    public void remember(String source, Remembered what, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_validators(source, url, etag,"
                    + " last_modified, body_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE"
                    + " SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,"
                    + " body_hash = excluded.body_hash, updated_at = excluded.updated_at")) {
                ps.setString(1, source);
                ps.setString(2, what.url());
                ps.setString(3, what.etag());
                ps.setString(4, what.lastModified());
                ps.setString(5, what.bodyHash());
                ps.setLong(6, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
