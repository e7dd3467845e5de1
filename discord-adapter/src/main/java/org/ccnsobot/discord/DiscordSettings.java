package org.ccnsobot.discord;

import java.util.List;

/** The {@code discord} config section. */
record DiscordSettings(String token, String guildId, String announcementChannel, String staffChannel,
                       List<String> staffRoles, String restBaseUrl, String gatewayUrl) {

    static final String DEFAULT_REST = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY = "wss://gateway.discord.gg/";

    DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("discord.token is required: write token: ${DISCORD_TOKEN}");
        }
        if (guildId == null || !guildId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("discord.guildId must be the numeric id of the server (guild)");
        }
        if (announcementChannel == null || !announcementChannel.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("discord.announcementChannel must be a numeric channel id");
        }
        staffRoles = staffRoles == null ? List.of() : List.copyOf(staffRoles);
        restBaseUrl = restBaseUrl == null ? DEFAULT_REST : restBaseUrl;
        gatewayUrl = gatewayUrl == null ? DEFAULT_GATEWAY : gatewayUrl;
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildId=" + guildId + ", announcementChannel=" + announcementChannel + ", token=****]";
    }
}
