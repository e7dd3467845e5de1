package org.ccnsobot.port;

import java.util.List;

/**
 * A command as adapters see it: enough to register a slash command or print help. {@code personal} commands answer
 * only the asker (a platform that defers can defer privately).
 */
public record CommandInfo(String name, List<String> aliases, String summary, List<OptionInfo> options,
                          List<String> examples, boolean staffOnly, boolean personal) {

    public CommandInfo {
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        examples = List.copyOf(examples);
    }

    /** A command whose answers are for everyone in the channel. */
    public CommandInfo(String name, List<String> aliases, String summary, List<OptionInfo> options,
                       List<String> examples, boolean staffOnly) {
        this(name, aliases, summary, options, examples, staffOnly, false);
    }

    /** One typed option. {@code rest} options swallow the remaining words of a text command. */
    public record OptionInfo(String name, OptionKind kind, String description, boolean required, boolean rest,
                             boolean autocomplete, List<String> choices) {
        public OptionInfo {
            choices = List.copyOf(choices);
        }
    }

    /** The type of an option value, mapped by each platform to its native option type. */
    public enum OptionKind { TEXT, INTEGER, BOOLEAN, DATE, ZONE, DURATION, COMMITTEE, MEETING, EVENT }
}
