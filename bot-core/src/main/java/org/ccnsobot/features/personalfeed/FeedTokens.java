package org.ccnsobot.features.personalfeed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.ccnsobot.store.Database;

/**
 * Each member's one live feed token. The raw token exists only in the answer to {@code feed}: the table holds its
 * SHA-256, so neither the database nor a backup of it can open anyone's feed, and a lookup hashes what it is given.
 */
public interface FeedTokens {

    static FeedTokens sqlite(Database db) {
        return new SqliteFeedTokens(db, new SecureRandom());
    }

    /** Whose feed a token opens. */
    record Owner(String platform, String userId) {
    }

    /** Makes a new token for the member, replacing (and so killing) any they had; the raw token, URL-safe. */
    String issue(String platform, String userId, Instant at);

    /** When the member's live token was made, if they have one. */
    Optional<Instant> issuedAt(String platform, String userId);

    /** The member a raw token belongs to, if it is a live one. */
    Optional<Owner> owner(String token);

    /** The SHA-256 of a token, as stored (hex). */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

final class SqliteFeedTokens implements FeedTokens {
    /** 32 random bytes: 256 bits, 43 characters of URL-safe Base64. */
    static final int BYTES = 32;

    private final Database db;
    private final SecureRandom random;

    SqliteFeedTokens(Database db, SecureRandom random) {
        this.db = db;
        this.random = random;
    }

    @Override
    public String issue(String platform, String userId, Instant at) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_tokens(platform, user_id, token_hash,"
                    + " created_at) VALUES (?, ?, ?, ?) ON CONFLICT(platform, user_id) DO UPDATE SET"
                    + " token_hash = excluded.token_hash, created_at = excluded.created_at")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, FeedTokens.hash(token));
                ps.setLong(4, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
        return token;
    }

    @Override
    public Optional<Instant> issuedAt(String platform, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM feed_tokens WHERE platform = ?"
                    + " AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public Optional<Owner> owner(String token) {
        String hash = FeedTokens.hash(token);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT platform, user_id FROM feed_tokens"
                    + " WHERE token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Owner(rs.getString(1), rs.getString(2)))
                            : Optional.<Owner>empty();
                }
            }
        });
    }
}
