package org.ccnsobot.discord;

import java.net.URI;
import java.util.Optional;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Secret;

/**
 * The {@code discord} config section. {@code announcementChannel} (required), {@code staffChannel} and
 * {@code scheduleChannel} (optional) are the channels core posts to on its own, by {@link ChannelRole}. Who counts as staff is core's business ({@code staff.discord.roles}), so
 * no role list lives here. {@code restBaseUrl} and {@code gatewayUrl} exist so tests (and proxies) can point JDA
 * elsewhere; operators leave them out.
 */
record DiscordSettings(Secret token, String guildId, String announcementChannel, String staffChannel,
                       String scheduleChannel, String restBaseUrl, String gatewayUrl) {

    static final String DEFAULT_REST = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY = "wss://gateway.discord.gg/";

    DiscordSettings {
        if (token == null || token.reveal().isBlank()) {
            throw new IllegalArgumentException("discord.token is required: write token: ${DISCORD_TOKEN}");
        }
        requireSnowflake("guildId", guildId, "the numeric id of the server (guild)");
        requireSnowflake("announcementChannel", announcementChannel, "a numeric channel id");
        if (staffChannel != null) {
            requireSnowflake("staffChannel", staffChannel, "a numeric channel id");
        }
        if (scheduleChannel != null) {
            requireSnowflake("scheduleChannel", scheduleChannel, "a numeric channel id");
        }
        restBaseUrl = restBaseUrl == null ? DEFAULT_REST : withSlash(url("restBaseUrl", restBaseUrl, "http"));
        gatewayUrl = gatewayUrl == null ? DEFAULT_GATEWAY : url("gatewayUrl", gatewayUrl, "ws");
    }

    private static void requireSnowflake(String key, String value, String what) {
        if (value == null || !value.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("discord." + key + " must be " + what);
        }
    }

    private static String url(String key, String value, String schemePrefix) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || !uri.getScheme().startsWith(schemePrefix) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("discord." + key + " must be a " + schemePrefix + "(s):// address, not '"
                    + value + "'");
        }
    }

    /** The channel for {@code role}; schedule summaries go to the announcement channel when none is set. */
    Optional<String> channel(ChannelRole role) {
        return switch (role) {
            case ANNOUNCEMENTS -> Optional.of(announcementChannel);
            case STAFF -> Optional.ofNullable(staffChannel);
            case SCHEDULE -> Optional.of(scheduleChannel != null ? scheduleChannel : announcementChannel);
        };
    }

    // JDA appends routes to the base url verbatim, so a missing slash would glue "v10" to "users".
    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildId=" + guildId + ", announcementChannel=" + announcementChannel
                + ", staffChannel=" + staffChannel + ", scheduleChannel=" + scheduleChannel + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl
                + ", token=****]";
    }
}
