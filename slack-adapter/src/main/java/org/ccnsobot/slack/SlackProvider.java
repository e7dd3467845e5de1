package org.ccnsobot.slack;

import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;

/** Switches the Slack adapter on when the config has a {@code slack} section. */
public final class SlackProvider implements PlatformProvider {

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public void validate(PlatformSettings section) throws PlatformConfigException {
        section.bind(SlackSettings.class);
    }

    @Override
    public ChatPlatform create(PlatformSettings section, PlatformContext context) throws PlatformConfigException {
        return new SlackPlatform(section.bind(SlackSettings.class), context);
    }
}
