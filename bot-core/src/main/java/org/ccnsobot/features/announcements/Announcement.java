package org.ccnsobot.features.announcements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.port.Destination;

/**
 * A staff announcement: a draft until its author confirms it, then scheduled (its ledger rows say what was posted
 * where), or cancelled, or deleted everywhere. {@code ping} is "everyone", a "platform:id" role or group, or empty.
 */
public record Announcement(long id, String platform, String author, String text, Instant publishAt,
                           List<Destination> targets, Optional<String> ping, State state) {

    public Announcement {
        targets = List.copyOf(targets);
    }

    public enum State {
        DRAFT, SCHEDULED, CANCELLED, DELETED;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String subject() {
        return "A" + id;
    }

    Announcement withText(String value) {
        return new Announcement(id, platform, author, value, publishAt, targets, ping, state);
    }
}
