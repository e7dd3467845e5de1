package org.ccnsobot.kernel;

import java.util.List;
import java.util.Objects;
import org.ccnsobot.port.CommandInfo;

/** A command, declared once: everything adapters and help need, plus the code that runs it. */
public record CommandSpec(String name, List<String> aliases, String summary, List<OptionSpec> options,
                          List<String> examples, boolean staffOnly, boolean personal, Handler handler) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        examples = List.copyOf(examples);
        Objects.requireNonNull(handler, "handler");
        long rest = options.stream().filter(OptionSpec::rest).count();
        if (rest > 1 || rest == 1 && !options.stream().filter(o -> !o.flag()).reduce((a, b) -> b).orElseThrow().rest()) {
            throw new IllegalArgumentException(name + ": only the last positional option may take the rest of the line");
        }
    }

    public CommandInfo info() {
        return new CommandInfo(name, aliases, summary, options.stream().map(OptionSpec::info).toList(), examples,
                staffOnly, personal);
    }

    /** {@code next [filter]}: the usage line shown in help and in errors. */
    public String usage() {
        StringBuilder sb = new StringBuilder(name);
        for (OptionSpec o : options) {
            String n = o.flag() ? "--" + o.name() + " " + o.kind().name().toLowerCase() : o.name() + (o.rest() ? "…" : "");
            sb.append(' ').append(o.required() ? "<" + n + ">" : "[" + n + "]");
        }
        return sb.toString();
    }

    /** Runs a validated command. */
    @FunctionalInterface
    public interface Handler {
        Result run(CommandContext context, Args args) throws CommandException;
    }
}
