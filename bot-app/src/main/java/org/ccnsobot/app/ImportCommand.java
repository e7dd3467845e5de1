package org.ccnsobot.app;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.ccnsobot.kernel.CommandEngine;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.ical.IcsException;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.features.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Imports an iCalendar file or URL into the calendar in one transaction: an event that cannot be read is left out
 * and named (line, UID, reason) and the rest land; with {@code --strict} any such event refuses the whole file. A file
 * that is not iCalendar at all is refused whole.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an iCalendar (.ics) file or http(s) URL; re-imports update by UID and cancel what is gone.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "An .ics file, or an http(s) URL")
    String from;

    @Option(names = "--dry-run", description = "Report what would change; change nothing")
    boolean dryRun;

    @Option(names = "--meeting", paramLabel = "CODE", description = "The meeting the sessions belong to (its zone is used)")
    String meeting;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The zone to show the events in (and floating times)")
    String zone;

    @Option(names = "--name", paramLabel = "NAME", description = "The feed's name for re-imports (default: X-WR-CALNAME)")
    String name;

    @Option(names = "--strict", description = "Refuse the whole file if any event cannot be read (default: leave such"
            + " events out, named, and import the rest)")
    boolean strict;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        return store.withConfig(parent, cfg -> runWith(cfg, System.out, System.err));
    }

    int runWith(BotConfig cfg, PrintStream out, PrintStream err) {
        cfg = store.apply(cfg);
        ZoneId z = null;
        if (zone != null) {
            try {
                z = CommandEngine.zone(zone);
            } catch (CommandException e) {
                err.println("error: --zone: " + e.getMessage());
                return 1;
            }
        }
        ZoneId shown = z;
        return Wiring.withTool(cfg, Clock.systemUTC(), err, from, bot -> {
            IcsImporter importer = new IcsImporter(bot.calendar());
            ImportOptions options = new ImportOptions(meeting, shown, name, dryRun, java.util.List.of(), !strict);
            AuditLog audit = new AuditLog(bot.database());
            String who = System.getProperty("user.name", "operator");
            try {
                ImportReport report = from.startsWith("http://") || from.startsWith("https://")
                        ? importer.importUrl(URI.create(from), options, Duration.ofSeconds(30))
                        : importer.importFile(Path.of(from), options);
                out.println(report.describe(20));
                if (!dryRun) {
                    audit.record(bot.clock().instant(), "cli", who, "import", "done", "import " + from);
                }
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 1;
            } catch (IcsException e) {
                err.println("error: " + from + ": " + e.getMessage() + "; nothing was changed");
                audit.record(bot.clock().instant(), "cli", who, "import", "failed: " + e.getMessage(), "import " + from);
                return 1;
            }
        });
    }
}
