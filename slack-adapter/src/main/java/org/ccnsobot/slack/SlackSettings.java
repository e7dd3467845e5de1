package org.ccnsobot.slack;

import java.util.List;

/** The {@code slack} config section. Socket Mode unless {@code mode: http}. */
record SlackSettings(String botToken, String appToken, String signingSecret, String mode, Integer port,
                     String announcementChannel, String staffChannel, String apiBaseUrl) {

    static final String DEFAULT_API = "https://slack.com/api/";

    SlackSettings {
        mode = mode == null ? "socket" : mode;
        if (!List.of("socket", "http").contains(mode)) {
            throw new IllegalArgumentException("slack.mode must be socket or http, not '" + mode + "'");
        }
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("slack.botToken is required: write botToken: ${SLACK_BOT_TOKEN}");
        }
        if (mode.equals("socket") && (appToken == null || appToken.isBlank())) {
            throw new IllegalArgumentException("slack.appToken is required in socket mode: write appToken: ${SLACK_APP_TOKEN}");
        }
        if (mode.equals("http") && (signingSecret == null || signingSecret.isBlank())) {
            throw new IllegalArgumentException("slack.signingSecret is required in http mode: write signingSecret: ${SLACK_SIGNING_SECRET}");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("slack.port must be from 1 to 65535");
        }
        if (announcementChannel == null || announcementChannel.isBlank()) {
            throw new IllegalArgumentException("slack.announcementChannel is required (a channel id like C0123456)");
        }
        apiBaseUrl = apiBaseUrl == null ? DEFAULT_API : apiBaseUrl;
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", announcementChannel=" + announcementChannel + ", tokens=****]";
    }
}
