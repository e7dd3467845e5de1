package org.ccnsobot.features.language;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.store.Database;

/** The language each member chose, in user_prefs beside their zone (one row per member for both). */
public final class UserLanguages {
    private final Database db;

    public UserLanguages(Database db) {
        this.db = db;
    }

    /** The member's choice; empty when they made none, or when it names a language this build no longer offers. */
    public Optional<Language> get(String platform, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT language FROM user_prefs WHERE platform = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Language.choice(rs.getString(1)) : Optional.<Language>empty();
                }
            }
        });
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
