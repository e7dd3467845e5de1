package org.ccnsobot.discord;

import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;

/** Switches the Discord adapter on when the config has a {@code discord} section. */
public final class DiscordProvider implements PlatformProvider {

    @Override
    public String id() {
        return "discord";
    }

    @Override
    public void validate(PlatformSettings section) throws PlatformConfigException {
        section.bind(DiscordSettings.class);
    }

    @Override
    public ChatPlatform create(PlatformSettings section, PlatformContext context) throws PlatformConfigException {
        return new DiscordPlatform(section.bind(DiscordSettings.class), context);
    }
}
