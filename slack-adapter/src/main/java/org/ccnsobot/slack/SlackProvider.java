package org.ccnsobot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.Sections;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;

/** Switches the Slack adapter on when the config has a {@code slack} section. */
public final class SlackProvider implements PlatformProvider {

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public void validate(JsonNode section) throws ConfigException {
        Sections.bind(id(), section, SlackSettings.class);
    }

    @Override
    public ChatPlatform create(JsonNode section, PlatformContext context) throws ConfigException {
        return new SlackPlatform(Sections.bind(id(), section, SlackSettings.class), context);
    }
}
