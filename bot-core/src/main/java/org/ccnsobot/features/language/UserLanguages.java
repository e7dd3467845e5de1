package org.ccnsobot.features.language;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.store.Database;

/**
 * The language each member chose, in user_prefs beside their zone (one row per member for both). The same column
 * keeps, while a member has chosen none, the language their platform last said they use ({@code seen:fr}), so a DM
 * the outbox sends later is in it too; that needs no new column, and a choice always overwrites it.
 */
public final class UserLanguages {
    private static final String SEEN = "seen:";
    private final Database db;

    /** What is kept for a member: their choice, or else the language their platform last said. */
    public record Stored(Optional<Language> chosen, Optional<Language> seen) {
        public static final Stored NONE = new Stored(Optional.empty(), Optional.empty());
    }

    public UserLanguages(Database db) {
        this.db = db;
    }

    /** The member's choice; empty when they made none, or when it names a language this build no longer offers. */
    public Optional<Language> get(String platform, String userId) {
        return stored(platform, userId).chosen();
    }

    /** The member's choice and the language their platform last said, each empty when there is none. */
    public Stored stored(String platform, String userId) {
        String value = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT language FROM user_prefs WHERE platform = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (value == null) {
            return Stored.NONE;
        }
        return value.startsWith(SEEN) ? new Stored(Optional.empty(), Language.choice(value.substring(SEEN.length())))
                : new Stored(Language.choice(value), Optional.empty());
    }

    /**
     * Keeps {@code said}, the language the member's platform says they use, unless they chose one themselves.
     * Returns whether anything was written.
     */
    public boolean rememberSeen(String platform, String userId, Language said) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_prefs(platform, user_id, language)"
                    + " VALUES (?, ?, ?) ON CONFLICT(platform, user_id) DO UPDATE SET language = excluded.language"
                    + " WHERE user_prefs.language IS NULL OR user_prefs.language LIKE 'seen:%'")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, SEEN + said.code());
                return ps.executeUpdate();
            }
        }) > 0;
    }

    /** Saves the choice, keeping the member's zone as it is. */
    public void set(String platform, String userId, Language language) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_prefs(platform, user_id, language)"
                    + " VALUES (?, ?, ?) ON CONFLICT(platform, user_id) DO UPDATE SET language = excluded.language")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, language.code());
                return ps.executeUpdate();
            }
        });
    }
}
