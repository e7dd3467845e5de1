package org.ccnsobot.slack;

import java.util.List;
import java.util.regex.Pattern;
import org.ccnsobot.port.Secret;

/**
 * The {@code slack} config section. Socket Mode unless {@code mode: http}.
 *
 * <p>{@code port} 0 asks the system for a free port (tests use it); {@code bindAddress} defaults to all
 * interfaces because HTTP mode exists to be reachable by Slack. {@code staffGroups} lists the user-group ids whose
 * membership the adapter reports to core as the actor's roles; core's {@code staff.slack.roles} decides what they
 * may do. {@code calendarUrl} may contain {@code {eventId}} and backs the "Add to calendar" button.
 */
record SlackSettings(Secret botToken, Secret appToken, Secret signingSecret, String mode, Integer port,
                     String bindAddress, String announcementChannel, String staffChannel, String apiBaseUrl,
                     List<String> staffGroups, String calendarUrl) {

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

    boolean httpMode() {
        return mode.equals("http");
    }

    private static boolean blank(Secret s) {
        return s == null || s.reveal().isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", announcementChannel=" + announcementChannel + ", staffGroups="
                + staffGroups + ", apiBaseUrl=" + apiBaseUrl + ", tokens=****]";
    }
}
