package org.ccnsobot.features.sources;

import java.util.List;
import java.util.stream.Collectors;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.port.CommandInfo.OptionKind;

/** Staff commands: {@code sources} (each source's last look and next look) and {@code sync [name]} (look now). */
public final class SourceCommands {
    private final SourceWatcher watcher;

    public SourceCommands(SourceWatcher watcher) {
        this.watcher = watcher;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("sources", List.of(), "The calendars the bot follows: last look, result, next look",
                        List.of(), List.of("sources"), true, true, (c, a) -> Result.personalText(watcher.describe(c.locale()))),
                new CommandSpec("sync", List.of(), "Look at a source (or all of them) now",
                        List.of(OptionSpec.optional("name", OptionKind.TEXT, "The source's name (default: all)"),
                                OptionSpec.flag("accept", OptionKind.BOOLEAN,
                                        "Let through a look that cancels more than half of the upcoming events")),
                        List.of("sync", "sync ICANN79", "sync ICANN79 --accept"), true, true, this::sync));
    }

    private Result sync(CommandContext c, Args a) throws CommandException {
        List<SourceState> all = watcher.snapshot();
        if (all.isEmpty()) {
            throw new CommandException(c.text("src.noneSync"));
        }
        boolean accept = a.bool("accept").orElse(false);
        java.util.Optional<String> name = a.text("name").map(Text::unquote).map(String::strip);
        if (name.isPresent()) {
            SourceState s = watcher.state(name.get()).orElseThrow(() -> new CommandException(c.text("src.noSuch",
                    Text.clip(name.get()), all.stream().map(SourceState::name).collect(Collectors.joining(", ")))));
            return Result.personalText(s.name() + ": " + watcher.look(s.name(), accept, c.locale()));
        }
        if (accept) {
            throw new CommandException(c.text("src.acceptNeedsName"));
        }
        StringBuilder sb = new StringBuilder();
        for (SourceState s : all) {
            sb.append(sb.length() == 0 ? "" : "\n").append(s.name()).append(": ").append(watcher.look(s.name(), false, c.locale()));
        }
        return Result.personalText(sb.toString());
    }
}
