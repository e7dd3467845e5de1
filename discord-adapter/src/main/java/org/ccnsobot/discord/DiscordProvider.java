package org.ccnsobot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.Sections;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;

/** Switches the Discord adapter on when the config has a {@code discord} section. */
public final class DiscordProvider implements PlatformProvider {

    @Override
    public String id() {
        return "discord";
    }

    @Override
    public void validate(JsonNode section) throws ConfigException {
        Sections.bind(id(), section, DiscordSettings.class);
    }

    @Override
    public ChatPlatform create(JsonNode section, PlatformContext context) throws ConfigException {
        return new DiscordPlatform(Sections.bind(id(), section, DiscordSettings.class), context);
    }
}
