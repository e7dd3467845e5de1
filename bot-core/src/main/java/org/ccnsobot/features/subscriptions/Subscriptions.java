package org.ccnsobot.features.subscriptions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.ccnsobot.domain.Event;
import org.ccnsobot.store.Database;

/** Who wants reminders of what, per platform and user. */
public interface Subscriptions {

    static Subscriptions sqlite(Database db) {
        return new SqliteSubscriptions(db);
    }

    /** Adds a subscription; false when the user already had it. */
    boolean subscribe(String platform, String userId, Topic topic, Instant at);

    /** Removes one subscription; false when the user did not have it. */
    boolean unsubscribe(String platform, String userId, Topic topic);

    /** Removes all of a user's subscriptions; returns how many there were. */
    int unsubscribeEverything(String platform, String userId);

    List<Topic> of(String platform, String userId);

    /** The users of {@code platform} subscribed to the event, one of its committees, or everything; sorted. */
    List<String> subscribersOf(String platform, Event event);

    /** The users of {@code platform} who follow a committee (subscribed to it by name); sorted. */
    List<String> followersOf(String platform, String committee);

    /** What a member can subscribe to. */
    record Topic(Kind kind, String value) {
        public static final Topic ALL = new Topic(Kind.ALL, "*");

        public Topic {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        public static Topic committee(String acronym) {
            return new Topic(Kind.COMMITTEE, acronym);
        }

        public static Topic event(String id) {
            return new Topic(Kind.EVENT, id);
        }

        public String label() {
            return label(java.util.Locale.ENGLISH);
        }

        /** "all events", "committee GRC", "event council-202" in {@code locale}'s language. */
        public String label(java.util.Locale locale) {
            return switch (kind) {
                case ALL -> org.ccnsobot.i18n.Messages.t(locale, "sub.topic.all");
                case COMMITTEE -> org.ccnsobot.i18n.Messages.t(locale, "sub.topic.committee", value);
                case EVENT -> org.ccnsobot.i18n.Messages.t(locale, "sub.topic.event", value);
            };
        }
    }

    enum Kind {
        ALL, COMMITTEE, EVENT;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }
}

final class SqliteSubscriptions implements Subscriptions {
    private final Database db;

    SqliteSubscriptions(Database db) {
        this.db = db;
    }

    @Override
    public boolean subscribe(String platform, String userId, Topic topic, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions(platform, user_id, topic_kind,"
                    + " topic, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, topic.kind().column());
                ps.setString(4, topic.value());
                ps.setLong(5, at.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean unsubscribe(String platform, String userId, Topic topic) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE platform = ? AND user_id = ?"
                    + " AND topic_kind = ? AND topic = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                ps.setString(3, topic.kind().column());
                ps.setString(4, topic.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int unsubscribeEverything(String platform, String userId) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE platform = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Topic> of(String platform, String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT topic_kind, topic FROM subscriptions WHERE platform = ?"
                    + " AND user_id = ? ORDER BY CASE topic_kind WHEN 'all' THEN 0 WHEN 'committee' THEN 1 ELSE 2 END, topic")) {
                ps.setString(1, platform);
                ps.setString(2, userId);
                List<Topic> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Topic(Kind.of(rs.getString(1)), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<String> followersOf(String platform, String committee) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM subscriptions WHERE platform = ?"
                    + " AND topic_kind = 'committee' AND topic = ? ORDER BY user_id")) {
                ps.setString(1, platform);
                ps.setString(2, committee);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<String> subscribersOf(String platform, Event event) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT user_id FROM subscriptions WHERE platform = ? AND ("
                + "topic_kind = 'all' OR (topic_kind = 'event' AND topic = ?)");
        if (!event.committees().isEmpty()) {
            sql.append(" OR (topic_kind = 'committee' AND topic IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(event.committees().size(), "?"))).append("))");
        }
        sql.append(") ORDER BY user_id");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setString(i++, platform);
                ps.setString(i++, event.id());
                for (String committee : event.committees()) {
                    ps.setString(i++, committee);
                }
                Set<String> out = new LinkedHashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}
