package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * The whole configuration. {@code platforms} holds each platform's section, keyed by the provider id that claimed
 * it; a section's presence switches that platform on. {@code source} is the file read, or null for defaults.
 * {@code feeds} is null when no feed server is configured; {@code digest} is null when there is no weekly digest.
 * {@code logging} is as the file says, before {@code CCNSO_LOG_LEVEL} (see {@link LoggingConfig#withEnvironment}).
 * {@code sources} are the calendars the bot keeps itself current with (none by default). {@code admin} is null
 * when there is no admin listener (/healthz, /metrics). {@code language} is the language of channel posts and of
 * members who chose none and whose platform says none (English by default).
 */
public record BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                        RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                        UpdatesConfig updates, FeedsConfig feeds, DigestConfig digest, LoggingConfig logging,
                        java.util.List<SourceConfig> sources, AdminConfig admin, org.ccnsobot.i18n.Language language) {

    public BotConfig {
        language = language == null ? org.ccnsobot.i18n.Language.EN : language;
        sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
        staff = Map.copyOf(staff);
        platforms = Map.copyOf(platforms);
        updates = updates == null ? UpdatesConfig.defaults() : updates;
        logging = logging == null ? LoggingConfig.defaults() : logging;
    }

    /** In English. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                     UpdatesConfig updates, FeedsConfig feeds, DigestConfig digest, LoggingConfig logging,
                     java.util.List<SourceConfig> sources, AdminConfig admin) {
        this(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest, logging, sources,
                admin, null);
    }

    /** Without an admin listener, in English. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                     UpdatesConfig updates, FeedsConfig feeds, DigestConfig digest, LoggingConfig logging,
                     java.util.List<SourceConfig> sources) {
        this(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest, logging, sources,
                null, null);
    }

    /** With the default logging and no sources. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                     UpdatesConfig updates, FeedsConfig feeds, DigestConfig digest) {
        this(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest,
                (LoggingConfig) null, null);
    }

    /** Without sources. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                     UpdatesConfig updates, FeedsConfig feeds, DigestConfig digest, LoggingConfig logging) {
        this(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest, logging, null);
    }

    /** Without the staff-tools sections (updates: defaults; feeds: off) and without a weekly digest. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source) {
        this(database, calendar, timezone, staff, reminders, platforms, source, null, null, null);
    }

    /** Without a weekly digest. */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source,
                     UpdatesConfig updates, FeedsConfig feeds) {
        this(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, null);
    }

    /**
     * The section of platform {@code id} as the port's JDK-only view (empty when the config has none), for
     * {@link org.ccnsobot.port.PlatformProvider#create}.
     */
    public org.ccnsobot.port.PlatformSettings platform(String id) {
        return SettingsTree.of(id, ChannelLanguages.plain(platforms.get(id)));
    }

    /**
     * The language posts to channel {@code channelId} of platform {@code platform} are in: the channel entry's own
     * {@code language} ({@code announcementChannel: {id: "123", language: fr}}), else the config's {@code language}.
     */
    public org.ccnsobot.i18n.Language channelLanguage(String platform, String channelId) {
        org.ccnsobot.i18n.Language own = ChannelLanguages.of(platforms.get(platform)).get(channelId);
        return own != null ? own : language;
    }

    public static BotConfig defaults() {
        return new BotConfig(Path.of("data/ccnso-bot.db"), Path.of("config/calendar"), ZoneId.of("UTC"),
                Map.of("console", new StaffRule(java.util.List.of("console"), java.util.List.of())),
                RemindersConfig.defaults(), Map.of(), null);
    }

    public BotConfig withDatabase(Path db) {
        return new BotConfig(db, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest, logging,
                sources, admin, language);
    }

    public BotConfig withCalendar(Path dir) {
        return new BotConfig(database, dir, timezone, staff, reminders, platforms, source, updates, feeds, digest, logging,
                sources, admin, language);
    }

    public BotConfig withDigest(DigestConfig value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, value,
                logging, sources, admin, language);
    }

    public BotConfig withSources(java.util.List<SourceConfig> value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest,
                logging, value, admin, language);
    }

    public BotConfig withFeeds(FeedsConfig value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, updates, value, digest,
                logging, sources, admin, language);
    }

    public BotConfig withAdmin(AdminConfig value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest,
                logging, sources, value, language);
    }

    public BotConfig withPlatforms(Map<String, JsonNode> value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, value, source, updates, feeds, digest,
                logging, sources, admin, language);
    }

    public BotConfig withLanguage(org.ccnsobot.i18n.Language value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, updates, feeds, digest,
                logging, sources, admin, value);
    }
}
