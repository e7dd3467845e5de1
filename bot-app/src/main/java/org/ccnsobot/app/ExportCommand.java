package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.ical.Feeds;
import org.ccnsobot.features.ical.IcsExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Writes the calendar (or one meeting's, one committee's) as iCalendar, to a file or standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the calendar as iCalendar: all of it, one meeting or one committee.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--meeting", paramLabel = "CODE", description = "Only this meeting's sessions")
    String meeting;

    @Option(names = "--committee", paramLabel = "ACRONYM", description = "Only this committee's sessions")
    String committee;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: standard output)")
    Path outFile;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        return store.withConfig(parent, cfg -> runWith(cfg, Clock.systemUTC(), System.out, System.err));
    }

    int runWith(BotConfig cfg, Clock clock, PrintStream out, PrintStream err) {
        cfg = store.apply(cfg);
        if (meeting != null && committee != null) {
            err.println("error: give --meeting or --committee, not both");
            return 1;
        }
        return Wiring.withTool(cfg, clock, err, outFile, bot -> {
            Feeds feeds = new Feeds(bot.calendar());
            Optional<Feeds.Selection> sel = meeting != null ? feeds.meeting(meeting)
                    : committee != null ? feeds.committee(committee) : Optional.of(feeds.all());
            if (sel.isEmpty()) {
                err.println("error: no " + (meeting != null ? "meeting called '" + meeting : "committee called '" + committee) + "'");
                return 1;
            }
            String text = sel.get().export(clock.instant(), null);
            if (outFile == null) {
                out.print(text);
                out.flush();
            } else {
                // write beside, then move: a reader of the file never sees half an export
                Path abs = outFile.toAbsolutePath();
                Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                err.println("wrote " + sel.get().events().size() + " events to " + outFile);
            }
            return 0;
        });
    }
}
