package org.ccnsobot.kernel;

import java.util.List;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;

/**
 * One typed option of a command. A {@code rest} option takes all remaining words of a text command; a
 * {@code flag} option is written {@code --name value} in text and is always optional.
 */
public record OptionSpec(String name, OptionKind kind, String description, boolean required, boolean rest,
                         boolean flag, String defaultValue, List<String> choices) {

    public OptionSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static OptionSpec required(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, description, true, false, false, null, List.of());
    }

    public static OptionSpec optional(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, description, false, false, false, null, List.of());
    }

    public static OptionSpec requiredRest(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, description, true, true, false, null, List.of());
    }

    public static OptionSpec optionalRest(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, description, false, true, false, null, List.of());
    }

    public static OptionSpec flag(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, description, false, false, true, null, List.of());
    }

    public OptionSpec withChoices(List<String> values) {
        return new OptionSpec(name, kind, description, required, rest, flag, defaultValue, values);
    }

    CommandInfo.OptionInfo info() {
        boolean autocomplete = kind == OptionKind.COMMITTEE || kind == OptionKind.MEETING || kind == OptionKind.EVENT
                || kind == OptionKind.ZONE;
        return new CommandInfo.OptionInfo(name, kind, description, required, rest, autocomplete, choices);
    }
}
