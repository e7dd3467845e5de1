package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * The whole configuration. {@code platforms} holds each platform's section, keyed by the provider id that claimed
 * it; a section's presence switches that platform on. {@code source} is the file read, or null for defaults.
 */
public record BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                        RemindersConfig reminders, Map<String, JsonNode> platforms, Path source, DigestConfig digest) {

    public BotConfig {
        staff = Map.copyOf(staff);
        platforms = Map.copyOf(platforms);
    }

    /** Without a weekly digest (the {@code digest} key is absent). */
    public BotConfig(Path database, Path calendar, ZoneId timezone, Map<String, StaffRule> staff,
                     RemindersConfig reminders, Map<String, JsonNode> platforms, Path source) {
        this(database, calendar, timezone, staff, reminders, platforms, source, null);
    }

    public BotConfig withDigest(DigestConfig value) {
        return new BotConfig(database, calendar, timezone, staff, reminders, platforms, source, value);
    }

    public static BotConfig defaults() {
        return new BotConfig(Path.of("data/ccnso-bot.db"), Path.of("config/calendar"), ZoneId.of("UTC"),
                Map.of("console", new StaffRule(java.util.List.of("console"), java.util.List.of())),
                RemindersConfig.defaults(), Map.of(), null);
    }

    public BotConfig withDatabase(Path db) {
        return new BotConfig(db, calendar, timezone, staff, reminders, platforms, source, digest);
    }

    public BotConfig withCalendar(Path dir) {
        return new BotConfig(database, dir, timezone, staff, reminders, platforms, source, digest);
    }
}
