package org.ccnsobot.features.ical;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.kernel.Text;

/** iCalendar in chat: staff {@code import} a feed; members get an event as an .ics file with {@code ics}. */
public final class IcalCommands {
    /** The platform whose user may import files from the bot's own disk: only the operator at the terminal. */
    static final String CONSOLE = "console";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);

    private final CalendarService calendar;
    private final BotConfig config;
    private final Clock clock;
    private final IcsImporter importer;

    public IcalCommands(CalendarService calendar, BotConfig config, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.importer = new IcsImporter(calendar);
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("import", List.of(), "Import an iCalendar feed (a URL; files from the console only)",
                List.of(OptionSpec.required("from", OptionKind.TEXT, "https://icann79.sched.com/all.ics or a file"),
                        OptionSpec.flag("dry-run", OptionKind.BOOLEAN, "Only report what would change"),
                        OptionSpec.flag("meeting", OptionKind.MEETING, "The meeting the sessions belong to"),
                        OptionSpec.flag("zone", OptionKind.ZONE, "The zone to show the events in"),
                        OptionSpec.flag("name", OptionKind.TEXT, "The feed's name for re-imports (default: its X-WR-CALNAME)"),
                        OptionSpec.flag("strict", OptionKind.BOOLEAN,
                                "Refuse the whole file if any event cannot be read (by default such events are left"
                                        + " out, named in the reply, and the rest imported)")),
                List.of("import https://icann79.sched.com/all.ics --meeting ICANN79 --dry-run"), true, true,
                this::importFeed));
        specs.add(new CommandSpec("ics", List.of("ical"), "An event as an .ics file for your own calendar",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id")),
                List.of("ics icann79-council-meeting"), false, true, this::ics));
        return specs;
    }

    // ---- import ----

    private Result importFeed(CommandContext c, Args a) throws CommandException {
        String from = Text.unquote(a.requireText("from"));
        ImportOptions options = new ImportOptions(a.text("meeting").orElse(null), a.zone("zone").orElse(null),
                a.text("name").orElse(null), a.bool("dry-run").orElse(false), List.of(),
                !a.bool("strict").orElse(false));
        ImportReport report;
        try {
            if (from.regionMatches(true, 0, "http://", 0, 7) || from.regionMatches(true, 0, "https://", 0, 8)) {
                URI uri;
                try {
                    uri = URI.create(from);
                } catch (IllegalArgumentException e) {
                    throw new CommandException(c.text("import.badAddress", Text.clip(from)));
                }
                report = importer.importUrl(uri, options, FETCH_TIMEOUT);
            } else {
                if (!CONSOLE.equals(c.platform())) {
                    throw new CommandException(c.text("import.fileFromChat"));
                }
                report = importer.importFile(Path.of(from), options);
            }
        } catch (IcsException e) {
            throw new CommandException(c.text("import.refused", e.phrase().in(c.locale())));
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandException(c.text("import.notFileOrAddress", Text.clip(from)));
        }
        return Result.text(report.describe(10, c.locale()));
    }

    // ---- ics ----

    private Result ics(CommandContext c, Args a) throws CommandException {
        Event e = existing(c, a.requireText("id"));
        String text = new Feeds(calendar).event(e.id()).orElseThrow().export(clock.instant(), null);
        StringBuilder sb = new StringBuilder(c.text("ics.saveAs", e.id() + ".ics"));
        FeedsConfig feeds = config.feeds();
        if (feeds != null) {
            sb.append('\n').append(c.text("ics.orOpen", feeds.base() + "/events/" + e.id() + ".ics"));
            if (e.meetingCode() != null) {
                sb.append('\n').append(c.text("ics.subscribeMeeting", e.meetingCode(),
                        feeds.base() + "/meetings/" + e.meetingCode() + ".ics"));
            }
        }
        sb.append("\n```\n").append(text.replace("\r\n", "\n")).append("```");
        return Result.text(sb.toString());
    }

    private Event existing(CommandContext c, String id) throws CommandException {
        return calendar.event(id).orElseThrow(() -> new CommandException(c.text("admin.noEvent", Text.clip(id))));
    }

    /** For callers outside chat (the command line): the same importer the import command uses. */
    public IcsImporter importer() {
        return importer;
    }
}
