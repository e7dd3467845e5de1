package org.ccnsobot.slack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Secret;

/**
 * The {@code slack} config section. Socket Mode unless {@code mode: http}. {@code announcementChannel} (required),
 * {@code staffChannel} and {@code scheduleChannel} (optional) are the channels core posts to on its own, by
 * {@link ChannelRole}.
 *
 * <p>{@code port} 0 asks the system for a free port (tests use it); {@code bindAddress} defaults to all
 * interfaces because HTTP mode exists to be reachable by Slack. {@code staffGroups} lists the user-group ids whose
 * membership the adapter reports to core as the actor's roles; core's {@code staff.slack.roles} decides what they
 * may do. {@code calendarUrl} may contain {@code {eventId}} and backs the "Add to calendar" button.
 */
record SlackSettings(Secret botToken, Secret appToken, Secret signingSecret, String mode, Integer port,
                     String bindAddress, String announcementChannel, String staffChannel, String apiBaseUrl,
                     List<String> staffGroups, String calendarUrl, String scheduleChannel) {

    static final String DEFAULT_API = "https://slack.com/api/";
    static final int DEFAULT_PORT = 3000;
    private static final Pattern GROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");

    SlackSettings {
        mode = mode == null ? "socket" : mode;
        if (!List.of("socket", "http").contains(mode)) {
            throw new IllegalArgumentException("slack.mode must be socket or http, not '" + mode + "'");
        }
        if (blank(botToken)) {
            throw new IllegalArgumentException("slack.botToken is required: write botToken: ${SLACK_BOT_TOKEN}");
        }
        if (mode.equals("socket") && blank(appToken)) {
            throw new IllegalArgumentException("slack.appToken is required in socket mode: write appToken: ${SLACK_APP_TOKEN}");
        }
        if (mode.equals("http") && blank(signingSecret)) {
            throw new IllegalArgumentException("slack.signingSecret is required in http mode: write signingSecret: ${SLACK_SIGNING_SECRET}");
        }
        port = port == null ? DEFAULT_PORT : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("slack.port must be from 1 to 65535 (0 picks a free port)");
        }
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
        if (announcementChannel == null || announcementChannel.isBlank()) {
            throw new IllegalArgumentException("slack.announcementChannel is required (a channel id like C0123456)");
        }
        staffChannel = staffChannel == null || staffChannel.isBlank() ? null : staffChannel.strip();
        scheduleChannel = scheduleChannel == null || scheduleChannel.isBlank() ? null : scheduleChannel.strip();
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl;
        if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("slack.apiBaseUrl must be an http(s) URL, not '" + apiBaseUrl + "'");
        }
        // Bolt appends the method name directly to the prefix
        apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
        staffGroups = staffGroups == null ? List.of() : List.copyOf(staffGroups);
        for (int i = 0; i < staffGroups.size(); i++) {
            if (!GROUP_ID.matcher(staffGroups.get(i)).matches()) {
                throw new IllegalArgumentException("slack.staffGroups[" + i + "]: '" + staffGroups.get(i)
                        + "' is not a user-group id (like S0123ABCD)");
            }
        }
    }

    /** Without a schedule channel (schedule summaries then go to the announcement channel). */
    SlackSettings(Secret botToken, Secret appToken, Secret signingSecret, String mode, Integer port,
                  String bindAddress, String announcementChannel, String staffChannel, String apiBaseUrl,
                  List<String> staffGroups, String calendarUrl) {
        this(botToken, appToken, signingSecret, mode, port, bindAddress, announcementChannel, staffChannel, apiBaseUrl,
                staffGroups, calendarUrl, null);
    }

    /** The channel for {@code role}; schedule summaries go to the announcement channel when none is set. */
    Optional<String> channel(ChannelRole role) {
        return switch (role) {
            case ANNOUNCEMENTS -> Optional.of(announcementChannel);
            case STAFF -> Optional.ofNullable(staffChannel);
            case SCHEDULE -> Optional.of(scheduleChannel != null ? scheduleChannel : announcementChannel);
        };
    }

    boolean httpMode() {
        return mode.equals("http");
    }

    private static boolean blank(Secret s) {
        return s == null || s.reveal().isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", announcementChannel=" + announcementChannel + ", staffChannel="
                + staffChannel + ", scheduleChannel=" + scheduleChannel + ", staffGroups="
                + staffGroups + ", apiBaseUrl=" + apiBaseUrl + ", tokens=****]";
    }
}
