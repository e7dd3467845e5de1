package org.ccnsobot.kernel;

import java.util.Map;
import java.util.Objects;
import org.ccnsobot.port.Form;

/**
 * A form a feature offers for one of its commands, declared beside the command: its name, the command it runs (whose
 * staff rule applies to opening it too) and how it is built, pre-filled from {@code context} (an event's id, a
 * draft's id). The form only gathers the command's options; its submission runs the command through the pipeline.
 */
public record FormSpec(String name, String command, Builder builder) {

    public FormSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(builder, "builder");
    }

    /** Builds the form for whoever asks; a user error (no such event) is a {@link CommandException}. */
    @FunctionalInterface
    public interface Builder {
        Form build(CommandContext context, Map<String, String> values) throws CommandException;
    }
}
