package org.ccnsobot.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccnsobot.features.calendar.CalendarData;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.features.calendar.CalendarFiles;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Validates the config and the calendar folder it names, without connecting or writing anything. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the config (and its calendar folder); exit 0 when valid, 1 otherwise.")
final class CheckConfigCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file")
    Path config;

    @Override
    public Integer call() {
        return check(config != null ? config : parent == null ? null : parent.config, System.out);
    }

    static int check(Path file, java.io.PrintStream out) {
        BotConfig cfg;
        try {
            cfg = Main.loadConfig(file);
        } catch (ConfigException e) {
            out.println("config is invalid: " + e.getMessage());
            return 1;
        }
        CalendarData data;
        try {
            data = CalendarFiles.loadDirectory(cfg.calendar());
        } catch (CalendarException e) {
            out.println("calendar is invalid: " + String.join("\n  ", e.problems()));
            return 1;
        }
        String sourceProblem = SourceCheck.problem(cfg, data);
        if (sourceProblem != null) {
            out.println("config is invalid: " + sourceProblem);
            return 1;
        }
        String source = cfg.source() == null ? "built-in defaults" : cfg.source().toString();
        String platforms = cfg.platforms().isEmpty() ? "none (the console runs)" : String.join(", ", cfg.platforms().keySet());
        out.println("config OK: " + source + "; database " + cfg.database() + "; platforms: " + platforms
                + "; calendar " + cfg.calendar() + ": " + data.committees().size() + " committees, "
                + data.meetings().size() + " meetings, " + data.events().size() + " events, "
                + data.updates().size() + " updates" + (cfg.sources().isEmpty() ? "" : "; " + cfg.sources().size()
                + " source(s): " + String.join(", ", cfg.sources().stream().map(s -> s.name()).toList())));
        return 0;
    }
}
