package org.ccnsobot.slack;

import java.util.List;
import java.util.Optional;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.support.HelpText;

/**
 * {@code /ccnso help} in Slack's own syntax, derived from core's command declarations by the port's
 * {@link HelpText}: Slack has one slash command with text arguments, so each command is typed after "/ccnso ".
 */
final class SlackHelp {
    static final String SLASH = "/ccnso";
    private static final HelpText HELP = new HelpText(SLASH + " ", "Type " + SLASH + " help <command> for details,"
            + " or mention the bot and ask in plain words, e.g. \"when is the Council meeting?\"");

    private SlackHelp() {
    }

    static OutgoingMessage overview(List<CommandInfo> commands) {
        return HELP.overview(commands);
    }

    static Optional<OutgoingMessage> details(List<CommandInfo> commands, String name) {
        return HELP.details(commands, name);
    }

    static String usage(CommandInfo c) {
        return HELP.usage(c);
    }
}
