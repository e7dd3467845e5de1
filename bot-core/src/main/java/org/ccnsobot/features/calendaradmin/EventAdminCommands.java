package org.ccnsobot.features.calendaradmin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.FormSpec;
import org.ccnsobot.kernel.FormSpec.FieldSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.ical.IcsException;
import org.ccnsobot.features.ical.IcsExporter;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.features.audit.AuditLog;

/**
 * Calendar administration for staff: {@code event-add}, {@code event-edit}, {@code event-move}, {@code event-cancel}.
 * Typed platforms show them as such, and the bot reads "event add ..." in text as {@code event-add}. Every write goes
 * through {@link CalendarService}, after every check has passed, so a refused change leaves nothing behind.
 */
public final class EventAdminCommands {
    private final CalendarService calendar;

    public EventAdminCommands(CalendarService calendar) {
        this.calendar = calendar;
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("event-add", List.of(), "Add an event to the calendar",
                List.of(OptionSpec.requiredRest("title", OptionKind.TEXT, "The event's title"),
                        OptionSpec.flag("date", OptionKind.TEXT, "Its day: 2024-03-05, or 'Tuesday 5 March 2024'"),
                        OptionSpec.flag("weekday", OptionKind.TEXT, "The weekday the date must fall on (a check)"),
                        OptionSpec.flag("start", OptionKind.TEXT, "Start time, venue time (10:30); none: date only"),
                        OptionSpec.flag("end", OptionKind.TEXT, "End time, venue time (12:00)"),
                        OptionSpec.flag("end-date", OptionKind.TEXT, "The day it ends, for a session past midnight"),
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
                        OptionSpec.flag("end-date", OptionKind.TEXT, "The day it ends, for a session past midnight"),
                        OptionSpec.flag("force", OptionKind.BOOLEAN, "Save despite a double-booked room or a day outside the meeting")),
                List.of("event move icann79-council-meeting --date 2024-03-07 --start 13:00 --end 14:30"), true, false,
                this::move));
        specs.add(new CommandSpec("event-cancel", List.of(), "Cancel an event (it stays in the calendar, marked cancelled)",
                List.of(OptionSpec.required("id", OptionKind.EVENT, "The event's id")),
                List.of("event cancel icann79-council-meeting"), true, false, this::cancel));
        return specs;
    }

    /**
     * The staff forms of add, edit and move (five fields at most, so the rarer options stay with the typed
     * command); edit and move are pre-filled from the stored event, in its own zone.
     */
    public List<FormSpec> forms() {
        return List.of(
                FormSpec.blank("event-add", List.of(FieldSpec.requiredLine("title"), FieldSpec.requiredLine("date"),
                        FieldSpec.line("start"), FieldSpec.line("end"), FieldSpec.line("meeting"))),
                new FormSpec("event-edit", List.of(FieldSpec.requiredLine("title"), FieldSpec.line("room"),
                        FieldSpec.line("committees"), FieldSpec.line("access"), FieldSpec.lines("description", false)),
                        (c, given) -> editForm(existing(given.getOrDefault("id", ""), c))),
                new FormSpec("event-move", List.of(FieldSpec.requiredLine("date"), FieldSpec.line("start"),
                        FieldSpec.line("end"), FieldSpec.line("end-date")),
                        (c, given) -> moveForm(existing(given.getOrDefault("id", ""), c))));
    }

    private static FormSpec.Filled editForm(Event e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", e.title());
        v.put("room", e.room() == null ? "" : e.room());
        v.put("committees", String.join(", ", e.committees()));
        v.put("access", e.access() == Access.CLOSED ? "closed" : "open");
        v.put("description", e.description() == null ? "" : e.description());
        return new FormSpec.Filled(v, Map.of("id", e.id()));
    }

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm",
            Locale.ROOT);

    private static FormSpec.Filled moveForm(Event e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("date", e.date().toString());
        if (e.start() != null) {
            v.put("start", HH_MM.format(e.start().atZone(e.zone())));
        }
        if (e.start() != null && e.end() != null) {
            v.put("end", HH_MM.format(e.end().atZone(e.zone())));
            LocalDate last = LocalDate.ofInstant(e.end(), e.zone());
            if (last.isAfter(e.date())) {
                v.put("end-date", last.toString());
            }
        }
        return new FormSpec.Filled(v, Map.of("id", e.id()));
    }

    // ---- event add / edit / move / cancel ----

    private Result add(CommandContext c, Args a) throws CommandException {
        String title = Text.unquote(a.requireText("title"));
        if (title.isBlank()) {
            throw new CommandException(c.text("admin.titleEmpty"), "title");
        }
        if (title.length() > 200) {
            throw new CommandException(c.text("admin.titleTooLong", String.valueOf(title.length())), "title");
        }
        String dateText = a.text("date").orElseThrow(() -> new CommandException(c.text("admin.needsDate"), "date"));
        Meeting meeting = a.text("meeting").map(code -> calendar.meetingsByCode().get(code)).orElse(null);
        ZoneId zone = a.zone("zone").orElse(meeting != null ? meeting.zone() : c.zone());
        LocalDate today = LocalDate.ofInstant(c.now(), zone);
        LocalDate day = EventRules.day(dateText, a.text("weekday"), today, c.locale());
        Instant[] times = times(day, zone, a.text("start"), a.text("end"), endDay(a, day, c.locale()), null, c.locale());
        String id = a.text("id").map(String::strip).orElse(null);
        if (id != null) {
            if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new CommandException(c.text("admin.badId"), "id");
            }
            if (calendar.event(id).isPresent()) {
                throw new CommandException(c.text("admin.idTaken", id), "id");
            }
        } else {
            id = newId(title, day);
        }
        Event e = new Event(id, title, a.text("kind").map(String::strip).orElse("session"),
                meeting == null ? null : meeting.code(), times[0], times[1], day, zone,
                a.text("room").map(Text::unquote).filter(s -> !s.isBlank()).orElse(null),
                access(a.text("access")).orElse(Access.OPEN), a.text("description").map(Text::unquote).orElse(null),
                committees(a.text("committees"), c.locale()).orElse(List.of()), List.of(), EventStatus.SCHEDULED, "staff", null, 0);
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false), true,
                c.locale());
        String twin = a.text("id").isPresent() ? null : baseId(title, day);
        if (twin != null && !twin.equals(id)) {
            // a second paste of the same line: say so, rather than a silent "-2"
            warnings.add(c.text("admin.twin", twin, id));
        }
        calendar.saveEvent(e);
        return saved("admin.added", e, c, warnings);
    }

    private Result edit(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"), c);
        if (!(a.has("title") || a.has("room") || a.has("description") || a.has("committees") || a.has("access")
                || a.has("kind"))) {
            throw new CommandException(c.text("admin.nothingToChange"));
        }
        String title = a.text("title").map(Text::unquote).orElse(old.title());
        if (title.isBlank()) {
            throw new CommandException(c.text("admin.titleBlank"), "title");
        }
        String room = a.text("room").map(Text::unquote).map(r -> r.equals("-") || r.isBlank() ? null : r)
                .orElse(a.has("room") ? null : old.room());
        String description = a.text("description").map(Text::unquote)
                .map(d -> d.equals("-") || d.isBlank() ? null : d).orElse(old.description());
        Event e = new Event(old.id(), title, a.text("kind").map(String::strip).orElse(old.kind()), old.meetingCode(),
                old.start(), old.end(), old.date(), old.zone(), room, access(a.text("access")).orElse(old.access()),
                description, committees(a.text("committees"), c.locale()).orElse(old.committees()), old.links(), old.status(),
                old.source(), old.sourceUid(), old.sequence() + 1, old.lastDay(),
                // the calendar file's translations were of the old title: a new title drops them, rather than show
                // French and Spanish members a title that is no longer the event's
                title.equals(old.title()) ? old.titles() : null);
        // an edit leaves the time alone: an event in the past is no news
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false), false,
                c.locale());
        calendar.saveEvent(e);
        return saved("admin.updated", e, c, warnings);
    }

    private Result move(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"), c);
        if (!(a.has("date") || a.has("start") || a.has("end"))) {
            throw new CommandException(c.text("admin.whereTo"));
        }
        if (old.status() == EventStatus.CANCELLED) {
            throw new CommandException(c.text("admin.move.cancelled", old.id()));
        }
        ZoneId zone = old.zone();
        LocalDate day = a.text("date").isPresent()
                ? EventRules.day(a.text("date").get(), a.text("weekday"), LocalDate.ofInstant(c.now(), zone), c.locale())
                : old.date();
        if (a.text("date").isEmpty() && a.text("weekday").isPresent()
                && day.getDayOfWeek() != EventRules.weekday(a.text("weekday").get(), c.locale())) {
            throw new CommandException(c.text("admin.notThatWeekday", day.toString(), a.text("weekday").get()),
                    "weekday");
        }
        Instant[] times = times(day, zone, a.text("start"), a.text("end"), endDay(a, day, c.locale()), old, c.locale());
        // a multi-day event moved to another first day keeps its length; given times, it is one timed session
        LocalDate lastDay = old.multiDay() && times[0] == null
                ? day.plusDays(old.lastDay().toEpochDay() - old.date().toEpochDay()) : null;
        Event e = new Event(old.id(), old.title(), old.kind(), old.meetingCode(), times[0], times[1], day, zone,
                old.room(), old.access(), old.description(), old.committees(), old.links(), EventStatus.MOVED,
                old.source(), old.sourceUid(), old.sequence() + 1, lastDay, old.titles());
        List<String> warnings = EventRules.check(e, calendar, c.now(), a.bool("force").orElse(false), true,
                c.locale());
        calendar.saveEvent(e);
        return saved("admin.moved", e, c, warnings);
    }

    private Result cancel(CommandContext c, Args a) throws CommandException {
        Event old = existing(a.requireText("id"), c);
        if (old.status() == EventStatus.CANCELLED) {
            throw new CommandException(c.text("admin.alreadyCancelled", old.id()));
        }
        Event e = new Event(old.id(), old.title(), old.kind(), old.meetingCode(), old.start(), old.end(), old.date(),
                old.zone(), old.room(), old.access(), old.description(), old.committees(), old.links(),
                EventStatus.CANCELLED, old.source(), old.sourceUid(), old.sequence() + 1, old.lastDay(), old.titles());
        calendar.saveEvent(e);
        return saved("admin.cancelled", e, c, List.of());
    }

    /**
     * Start and end from the options; for a move, a start alone keeps the old length and no times keep the old
     * times of day. Both null: a date-only event.
     */
    /** {@code --end-date}: the day a session past midnight ends, from its own day to a week after it. */
    private static LocalDate endDay(Args a, LocalDate day, Locale l) throws CommandException {
        if (a.text("end-date").isEmpty()) {
            return null;
        }
        if (a.text("end").isEmpty()) {
            throw new CommandException(Messages.t(l, "admin.endDateNeedsEnd"), "end");
        }
        LocalDate end;
        try {
            end = EventRules.day(a.text("end-date").get(), Optional.empty(), day, l);
        } catch (CommandException e) {
            throw new CommandException(e.getMessage(), "end-date");
        }
        if (end.isBefore(day) || end.isAfter(day.plusDays(7))) {
            throw new CommandException(Messages.t(l, "admin.endDateRange", day.toString(), end.toString()), "end-date");
        }
        return end;
    }

    private static Instant[] times(LocalDate day, ZoneId zone, Optional<String> startText, Optional<String> endText,
                                   LocalDate endDay, Event old, Locale l) throws CommandException {
        LocalTime start = startText.isPresent() ? EventRules.time(startText.get(), "start", l)
                : old != null && old.start() != null ? old.start().atZone(zone).toLocalTime() : null;
        LocalTime end = endText.isPresent() ? EventRules.time(endText.get(), "end", l) : null;
        if (start == null && end != null) {
            throw new CommandException(Messages.t(l, "admin.endNeedsStart"), "start");
        }
        if (start == null) {
            return new Instant[] {null, null};
        }
        Instant s = EventRules.instant(day, start, zone, "start", l);
        Instant e;
        if (end != null) {
            e = EventRules.instant(endDay != null ? endDay : day, end, zone, "end", l);
            if (e.isBefore(s)) {
                throw new CommandException(Messages.t(l, "admin.endsBeforeStarts", end.toString(), start.toString()), "end");
            }
        } else if (old != null && old.start() != null && old.end() != null) {
            e = s.plus(Duration.between(old.start(), old.end()));
        } else {
            e = null;
        }
        return new Instant[] {s, e};
    }

    private Event existing(String id, CommandContext c) throws CommandException {
        return calendar.event(id).orElseThrow(() -> new CommandException(c.text("admin.noEvent",
                EventRules.shorten(id))));
    }

    private Optional<List<String>> committees(Optional<String> text, Locale l) throws CommandException {
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
                throw new CommandException(close.isEmpty()
                        ? Messages.t(l, "admin.noCommittee.list", EventRules.shorten(part))
                        : Messages.t(l, "admin.noCommittee.close", EventRules.shorten(part), String.join(", ", close)));
            }
            out.add(k.acronym());
        }
        return Optional.of(out.stream().sorted().toList());
    }

    private static Optional<Access> access(Optional<String> text) {
        return text.map(t -> t.strip().equalsIgnoreCase("closed") ? Access.CLOSED : Access.OPEN);
    }

    private static String baseId(String title, LocalDate day) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "event" : slug) + "-" + day.toString().replace("-", "");
    }

    private String newId(String title, LocalDate day) {
        String base = baseId(title, day);
        String id = base;
        for (int n = 2; calendar.event(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** {@code what}: the bundle key of the first line ("Added: …"). */
    private Result saved(String what, Event e, CommandContext c, List<String> warnings) {
        EventMessages m = new EventMessages(calendar.meetingsByCode());
        StringBuilder sb = new StringBuilder(c.text(what, m.line(e, c.shown(), c.locale()).substring(2)));
        if (e.room() != null) {
            sb.append('\n').append(c.text("admin.room", e.room()));
        }
        if (e.start() != null && e.end() != null && LocalDate.ofInstant(e.end(), e.zone()).isAfter(e.date())) {
            LocalDate last = LocalDate.ofInstant(e.end(), e.zone());
            sb.append('\n').append(c.text(last.equals(e.date().plusDays(1)) ? "admin.endsNextDay" : "admin.endsOn",
                    org.ccnsobot.features.calendar.TimeFormat.day(last, c.locale()),
                    org.ccnsobot.features.calendar.TimeFormat.wallClock(e.end(), e.zone())));
        }
        for (String w : warnings) {
            sb.append('\n').append(w);
        }
        return Result.text(sb.toString());
    }



}
