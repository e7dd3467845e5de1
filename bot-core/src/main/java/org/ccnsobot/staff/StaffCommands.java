package org.ccnsobot.staff;

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
import org.ccnsobot.calendar.CalendarService;
import org.ccnsobot.command.Args;
import org.ccnsobot.command.CommandContext;
import org.ccnsobot.command.CommandException;
import org.ccnsobot.command.CommandSpec;
import org.ccnsobot.command.OptionSpec;
import org.ccnsobot.command.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.ical.IcsException;
import org.ccnsobot.ical.IcsExporter;
import org.ccnsobot.ical.IcsImporter;
import org.ccnsobot.ical.ImportOptions;
import org.ccnsobot.ical.ImportReport;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.render.EventMessages;
import org.ccnsobot.render.TimeFormat;
import org.ccnsobot.store.AuditLog;

/**
 * The staff commands (and the members' {@code ics}), declared as data like the members' commands. The calendar
 * commands are named {@code event-add}, {@code event-edit}, {@code event-move}, {@code event-cancel}: typed
 * platforms show them as such, and the bot reads "event add ..." in text as {@code event-add}. Every write goes
 * through {@link CalendarService}, after every check has passed, so a refused change leaves nothing behind.
 */
public final class StaffCommands {
    /** The platform whose user may import files from the bot's own disk: only the operator at the terminal. */
    static final String CONSOLE = "console";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);

    private final CalendarService calendar;
    private final AuditLog audit;
    private final BotConfig config;
    private final Clock clock;
    private final IcsImporter importer;

    public StaffCommands(CalendarService calendar, AuditLog audit, BotConfig config, Clock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.importer = new IcsImporter(calendar);
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("event-add", List.of(), "Add an event to the calendar",
                List.of(OptionSpec.requiredRest("title", OptionKind.TEXT, "The event's title"),
                        OptionSpec.flag("date", OptionKind.TEXT, "Its day: 2024-03-05, or 'Tuesday 5 March 2024'"),
                        OptionSpec.flag("weekday", OptionKind.TEXT, "The weekday the date must fall on (a check)"),
                        OptionSpec.flag("start", OptionKind.TEXT, "Start time, venue time (10:30); none: date only"),
                        OptionSpec.flag("end", OptionKind.TEXT, "End time, venue time (12:00)"),
                        OptionSpec.flag("zone", OptionKind.ZONE, "The zone the times are in (default: the meeting's)"),
                        OptionSpec.flag("meeting", OptionKind.MEETING, "The meeting it is part of (ICANN79)"),
                        OptionSpec.flag("room", OptionKind.TEXT, "The room"),
                        OptionSpec.flag("committees", OptionKind.TEXT, "Committee acronyms, comma-separated"),
                        OptionSpec.flag("access", OptionKind.TEXT, "open or closed").withChoices(List.of("open", "closed")),
                        OptionSpec.flag("kind", OptionKind.TEXT, "session, working-session, webinar, ..."),
                        OptionSpec.flag("description", OptionKind.TEXT, "What it is about"),
                        OptionSpec.flag("id", OptionKind.TEXT, "Its id (default: made from the title)"),
                        OptionSpec.flag("force", OptionKind.BOOLEAN, "Save despite a double-booked room or a day outside the meeting")),
                List.of("event add \"GRC working session\" --date 2024-03-05 --weekday Tuesday --start 10:30 --end 12:00"
                        + " --meeting ICANN79 --room \"209 ABC\" --committees GRC --access closed"),
                true, false, this::add));
        specs.add(new CommandSpec("event-edit", List.of(), "Change an event's title, room, description or more",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id"),
                        OptionSpec.flag("title", OptionKind.TEXT, "New title"),
                        OptionSpec.flag("room", OptionKind.TEXT, "New room ('-' for none)"),
                        OptionSpec.flag("description", OptionKind.TEXT, "New description ('-' for none)"),
                        OptionSpec.flag("committees", OptionKind.TEXT, "Committee acronyms, comma-separated"),
                        OptionSpec.flag("access", OptionKind.TEXT, "open or closed").withChoices(List.of("open", "closed")),
                        OptionSpec.flag("kind", OptionKind.TEXT, "The kind of event"),
                        OptionSpec.flag("force", OptionKind.BOOLEAN, "Save despite a double-booked room")),
                List.of("event edit icann79-council-meeting --room \"Ballroom A\""), true, false, this::edit));
        specs.add(new CommandSpec("event-move", List.of("reschedule"), "Move an event to another day or time",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id"),
                        OptionSpec.flag("date", OptionKind.TEXT, "The new day (default: the same day)"),
                        OptionSpec.flag("weekday", OptionKind.TEXT, "The weekday the date must fall on (a check)"),
                        OptionSpec.flag("start", OptionKind.TEXT, "New start time, venue time"),
                        OptionSpec.flag("end", OptionKind.TEXT, "New end time, venue time"),
                        OptionSpec.flag("force", OptionKind.BOOLEAN, "Save despite a double-booked room or a day outside the meeting")),
                List.of("event move icann79-council-meeting --date 2024-03-07 --start 13:00 --end 14:30"), true, false,
                this::move));
        specs.add(new CommandSpec("event-cancel", List.of(), "Cancel an event (it stays in the calendar, marked cancelled)",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id")),
                List.of("event cancel icann79-council-meeting"), true, false, this::cancel));
        specs.add(new CommandSpec("update", List.of("post-update"), "Post a committee's status update",
                List.of(OptionSpec.required("committee", OptionKind.COMMITTEE, "The committee's acronym"),
                        OptionSpec.requiredRest("text", OptionKind.TEXT, "The update")),
                List.of("update GRC The review of the ccNSO guidelines is out for comment until 30 April."), true, false,
                this::update));
        specs.add(new CommandSpec("import", List.of(), "Import an iCalendar feed (a URL; files from the console only)",
                List.of(OptionSpec.required("from", OptionKind.TEXT, "https://icann79.sched.com/all.ics or a file"),
                        OptionSpec.flag("dry-run", OptionKind.BOOLEAN, "Only report what would change"),
                        OptionSpec.flag("meeting", OptionKind.MEETING, "The meeting the sessions belong to"),
                        OptionSpec.flag("zone", OptionKind.ZONE, "The zone to show the events in"),
                        OptionSpec.flag("name", OptionKind.TEXT, "The feed's name for re-imports (default: its X-WR-CALNAME)")),
                List.of("import https://icann79.sched.com/all.ics --meeting ICANN79 --dry-run"), true, true,
                this::importFeed));
        specs.add(new CommandSpec("audit", List.of(), "Who did what with the staff commands, and what was refused",
                List.of(OptionSpec.flag("since", OptionKind.DATE, "From this day (default: the last 7 days)"),
                        OptionSpec.flag("limit", OptionKind.INTEGER, "At most this many entries (default 15)")),
                List.of("audit", "audit --since 2024-03-01"), true, true, this::audit));
        specs.add(new CommandSpec("ics", List.of("ical"), "An event as an .ics file for your own calendar",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id")),
                List.of("ics icann79-council-meeting"), false, true, this::ics));
        return specs;
    }

    // ---- event add / edit / move / cancel ----

    private Result add(CommandContext c, Args a) throws CommandException {
        String title = unquote(a.requireText("title"));
        if (title.isBlank()) {
            throw new CommandException("The title is empty; usage: event add \"Title\" --date 2024-03-05 ...");
        }
        if (title.length() > 200) {
            throw new CommandException("The title is " + title.length() + " characters; keep it under 200.");
        }
        String dateText = a.text("date").orElseThrow(() -> new CommandException(
                "event add needs --date (2024-03-05); usage: event add \"Title\" --date 2024-03-05 [--start 10:30] ..."));
        Meeting meeting = a.text("meeting").map(code -> calendar.meetingsByCode().get(code)).orElse(null);
        ZoneId zone = a.zone("zone").orElse(meeting != null ? meeting.zone() : c.zone());
        LocalDate today = LocalDate.ofInstant(c.now(), zone);
        LocalDate day = EventRules.day(dateText, a.text("weekday"), today);
        Instant[] times = times(day, zone, a.text("start"), a.text("end"), null);
        String id = a.text("id").map(String::strip).orElse(null);
        if (id != null) {
            if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new CommandException("--id must be lower-case letters, digits and dashes, like council-203");
            }
            if (calendar.event(id).isPresent()) {
                throw new CommandException("Refused: there is already an event " + id + ". Nothing was changed.");
            }
        } else {
            id = newId(title, day);
        }
        Event e = new Event(id, title, a.text("kind").map(String::strip).orElse("session"),
                meeting == null ? null : meeting.code(), times[0], times[1], day, zone,
                a.text("room").map(StaffCommands::unquote).filter(s -> !s.isBlank()).orElse(null),
                access(a.text("access")).orElse(Access.OPEN), a.text("description").map(StaffCommands::unquote).orElse(null),
                committees(a.text("committees")).orElse(List.of()), List.of(), EventStatus.SCHEDULED, "staff", null, 0);
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false));
        calendar.saveEvent(e);
        return saved("Added", e, c, warnings);
    }

    private Result edit(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"));
        if (!(a.has("title") || a.has("room") || a.has("description") || a.has("committees") || a.has("access")
                || a.has("kind"))) {
            throw new CommandException("Nothing to change: give --title, --room, --description, --committees, --access"
                    + " or --kind (to change the time, use event move).");
        }
        String title = a.text("title").map(StaffCommands::unquote).orElse(old.title());
        if (title.isBlank()) {
            throw new CommandException("The title cannot be empty.");
        }
        String room = a.text("room").map(StaffCommands::unquote).map(r -> r.equals("-") || r.isBlank() ? null : r)
                .orElse(a.has("room") ? null : old.room());
        String description = a.text("description").map(StaffCommands::unquote)
                .map(d -> d.equals("-") || d.isBlank() ? null : d).orElse(old.description());
        Event e = new Event(old.id(), title, a.text("kind").map(String::strip).orElse(old.kind()), old.meetingCode(),
                old.start(), old.end(), old.date(), old.zone(), room, access(a.text("access")).orElse(old.access()),
                description, committees(a.text("committees")).orElse(old.committees()), old.links(), old.status(),
                old.source(), old.sourceUid(), old.sequence() + 1);
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false));
        warnings.removeIf(w -> w.endsWith("in the past."));
        calendar.saveEvent(e);
        return saved("Updated", e, c, warnings);
    }

    private Result move(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"));
        if (!(a.has("date") || a.has("start") || a.has("end"))) {
            throw new CommandException("Where to? Give --date, --start and/or --end.");
        }
        if (old.status() == EventStatus.CANCELLED) {
            throw new CommandException("Refused: " + old.id() + " is cancelled; add it again instead. Nothing was changed.");
        }
        ZoneId zone = old.zone();
        LocalDate day = a.text("date").isPresent()
                ? EventRules.day(a.text("date").get(), a.text("weekday"), LocalDate.ofInstant(c.now(), zone))
                : old.date();
        if (a.text("date").isEmpty() && a.text("weekday").isPresent()
                && day.getDayOfWeek() != EventRules.weekday(a.text("weekday").get())) {
            throw new CommandException("Refused: " + day + " is not a " + a.text("weekday").get() + ". Nothing was changed.");
        }
        Instant[] times = times(day, zone, a.text("start"), a.text("end"), old);
        Event e = new Event(old.id(), old.title(), old.kind(), old.meetingCode(), times[0], times[1], day, zone,
                old.room(), old.access(), old.description(), old.committees(), old.links(), EventStatus.MOVED,
                old.source(), old.sourceUid(), old.sequence() + 1);
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false));
        calendar.saveEvent(e);
        return saved("Moved", e, c, warnings);
    }

    private Result cancel(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"));
        if (old.status() == EventStatus.CANCELLED) {
            throw new CommandException(old.id() + " is already cancelled.");
        }
        Event e = new Event(old.id(), old.title(), old.kind(), old.meetingCode(), old.start(), old.end(), old.date(),
                old.zone(), old.room(), old.access(), old.description(), old.committees(), old.links(),
                EventStatus.CANCELLED, old.source(), old.sourceUid(), old.sequence() + 1);
        calendar.saveEvent(e);
        return saved("Cancelled (it stays in the calendar, marked cancelled)", e, c, List.of());
    }

    /**
     * Start and end from the options; for a move, a start alone keeps the old length and no times keep the old
     * times of day. Both null: a date-only event.
     */
    private static Instant[] times(LocalDate day, ZoneId zone, Optional<String> startText, Optional<String> endText,
                                   Event old) throws CommandException {
        LocalTime start = startText.isPresent() ? EventRules.time(startText.get(), "start")
                : old != null && old.start() != null ? old.start().atZone(zone).toLocalTime() : null;
        LocalTime end = endText.isPresent() ? EventRules.time(endText.get(), "end") : null;
        if (start == null && end != null) {
            throw new CommandException("--end needs --start as well.");
        }
        if (start == null) {
            return new Instant[] {null, null};
        }
        Instant s = EventRules.instant(day, start, zone, "the start");
        Instant e;
        if (end != null) {
            e = EventRules.instant(day, end, zone, "the end");
            if (e.isBefore(s)) {
                throw new CommandException("Refused: it would end (" + end + ") before it starts (" + start + ");"
                        + " for a session past midnight, add it on the day it starts and mind the end. Nothing was changed.");
            }
        } else if (old != null && old.start() != null && old.end() != null) {
            e = s.plus(Duration.between(old.start(), old.end()));
        } else {
            e = null;
        }
        return new Instant[] {s, e};
    }

    private Event existing(String id) throws CommandException {
        return calendar.event(id).orElseThrow(() -> new CommandException("No event with id '" + EventRules.shorten(id)
                + "'; ids are shown in brackets by next, week and schedule."));
    }

    private Optional<List<String>> committees(Optional<String> text) throws CommandException {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.get().split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Committee k = calendar.committees().stream().filter(x -> x.acronym().equalsIgnoreCase(part.strip()))
                    .findFirst().or(() -> calendar.committee(part)).orElse(null);
            if (k == null) {
                List<String> close = calendar.closestCommittees(part, 3);
                throw new CommandException("No committee called '" + EventRules.shorten(part) + "'"
                        + (close.isEmpty() ? "; 'committees' lists them" : "; did you mean " + String.join(", ", close) + "?")
                        + " Nothing was changed.");
            }
            out.add(k.acronym());
        }
        return Optional.of(out.stream().sorted().toList());
    }

    private static Optional<Access> access(Optional<String> text) {
        return text.map(t -> t.strip().equalsIgnoreCase("closed") ? Access.CLOSED : Access.OPEN);
    }

    private String newId(String title, LocalDate day) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String base = (slug.isEmpty() ? "event" : slug) + "-" + day.toString().replace("-", "");
        String id = base;
        for (int n = 2; calendar.event(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Result saved(String what, Event e, CommandContext c, List<String> warnings) {
        EventMessages m = new EventMessages(calendar.meetingsByCode());
        StringBuilder sb = new StringBuilder(what).append(": ").append(m.line(e, c.zone()).substring(2));
        if (e.room() != null) {
            sb.append("\nRoom: ").append(e.room());
        }
        for (String w : warnings) {
            sb.append('\n').append(w);
        }
        return Result.text(sb.toString());
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("\u201c") && t.endsWith("\u201d"))) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    // ---- committee updates ----

    private Result update(CommandContext c, Args a) throws CommandException {
        Committee k = a.committee("committee").orElseThrow();
        String text = unquote(a.requireText("text"));
        if (text.isBlank()) {
            throw new CommandException("The update is empty.");
        }
        if (text.length() > 1500) {
            throw new CommandException("The update is " + text.length() + " characters; keep it under 1500.");
        }
        String author = c.invocation().actor().displayName();
        CommitteeUpdate saved = calendar.addUpdate(new CommitteeUpdate(0, k.acronym(), c.now(), author, text));
        return Result.text("Posted for the " + k.acronym() + " (" + TimeFormat.day(LocalDate.ofInstant(saved.postedAt(),
                c.zone())) + "): " + text);
    }

    // ---- import ----

    private Result importFeed(CommandContext c, Args a) throws CommandException {
        String from = unquote(a.requireText("from"));
        ImportOptions options = new ImportOptions(a.text("meeting").orElse(null), a.zone("zone").orElse(null),
                a.text("name").orElse(null), a.bool("dry-run").orElse(false));
        ImportReport report;
        try {
            if (from.regionMatches(true, 0, "http://", 0, 7) || from.regionMatches(true, 0, "https://", 0, 8)) {
                URI uri;
                try {
                    uri = URI.create(from);
                } catch (IllegalArgumentException e) {
                    throw new CommandException("'" + EventRules.shorten(from) + "' is not a valid address.");
                }
                report = importer.importUrl(uri, options, FETCH_TIMEOUT);
            } else {
                if (!CONSOLE.equals(c.platform())) {
                    throw new CommandException("From chat, import takes an http(s) address; files on the bot's own disk"
                            + " are imported from its console (ccnso-bot import FILE).");
                }
                report = importer.importFile(Path.of(from), options);
            }
        } catch (IcsException e) {
            throw new CommandException("Import refused, nothing was changed: " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandException("'" + EventRules.shorten(from) + "' is not a file name or an http(s) address.");
        }
        return Result.text(report.describe(10));
    }

    // ---- audit ----

    private Result audit(CommandContext c, Args a) throws CommandException {
        LocalDate since = a.date("since").orElse(LocalDate.ofInstant(c.now(), c.zone()).minusDays(7));
        long limit = a.integer("limit").orElse(15L);
        if (limit < 1 || limit > 500) {
            throw new CommandException("--limit must be from 1 to 500.");
        }
        List<AuditLog.Entry> entries = audit.since(since.atStartOfDay(c.zone()).toInstant(), 100_000);
        if (entries.isEmpty()) {
            return Result.text("No audit entries since " + TimeFormat.day(since) + ".");
        }
        List<AuditLog.Entry> shown = entries.subList(Math.max(0, entries.size() - (int) limit), entries.size());
        StringBuilder sb = new StringBuilder("Audit since " + TimeFormat.day(since) + " (" + entries.size() + " entries"
                + (shown.size() < entries.size() ? ", the last " + shown.size() + " shown" : "") + "):");
        for (AuditLog.Entry e : shown) {
            sb.append("\n• ").append(TimeFormat.instant(e.at(), c.zone())).append(" — ").append(e.platform()).append(':')
                    .append(e.userId()).append(" — ").append(e.action()).append(" — ").append(e.outcome());
            if (e.detail() != null && !e.detail().isBlank()) {
                sb.append(" — ").append(EventRules.shorten(e.detail().replace('\n', ' ')));
            }
        }
        sb.append("\nThe whole log as CSV: ccnso-bot audit --export FILE");
        return Result.text(sb.toString());
    }

    // ---- ics ----

    private Result ics(CommandContext c, Args a) throws CommandException {
        Event e = existing(a.requireText("id"));
        String text = IcsExporter.export("ccnso-bot " + e.id(), List.of(e), clock.instant());
        StringBuilder sb = new StringBuilder("Save this as " + e.id() + ".ics and open it with your calendar:");
        FeedsConfig feeds = config.feeds();
        if (feeds != null) {
            sb.append("\nOr open ").append(feeds.base()).append("/events/").append(e.id()).append(".ics");
            if (e.meetingCode() != null) {
                sb.append("\nSubscribe to all of ").append(e.meetingCode()).append(": ").append(feeds.base())
                        .append("/meetings/").append(e.meetingCode()).append(".ics");
            }
        }
        sb.append("\n```\n").append(text.replace("\r\n", "\n")).append("```");
        return Result.text(sb.toString());
    }

    /** For callers outside chat (the command line): the same importer the import command uses. */
    public IcsImporter importer() {
        return importer;
    }

}
