package org.ccnsobot.port;

/**
 * The channels core posts to on its own, as each adapter binds them from its own typed settings. Core learns them
 * through {@link ChatPlatform#channel}; it never reads an adapter's configuration keys.
 */
public enum ChannelRole {
    /** Reminders, announcements and the weekly digest (Discord {@code announcementChannel}, Slack likewise). */
    ANNOUNCEMENTS,
    /** Alerts for staff: deliveries that failed for good, sources that stopped answering. */
    STAFF,
    /** Summaries of schedule changes; falls back to {@link #ANNOUNCEMENTS} where a platform sets none. */
    SCHEDULE
}
