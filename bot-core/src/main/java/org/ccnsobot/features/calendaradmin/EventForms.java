package org.ccnsobot.features.calendaradmin;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.FormSpec;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.Form.Field;
import org.ccnsobot.port.Form.Kind;

/**
 * The staff forms for {@code event-add}, {@code event-edit} and {@code event-move}: each field is one of the
 * command's options, so a submission is the command itself, checked exactly as typed. Edit and move are pre-filled
 * from the stored event (times in the event's own zone, as the command reads them); without an id they first ask
 * which event.
 */
public final class EventForms {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int LINE = 200;
    private static final int TEXT = 2000;

    private final CalendarService calendar;

    public EventForms(CalendarService calendar) {
        this.calendar = calendar;
    }

    public List<FormSpec> specs() {
        return List.of(new FormSpec("event-add", "event-add", this::add),
                new FormSpec("event-edit", "event-edit", this::edit),
                new FormSpec("event-move", "event-move", this::move));
    }

    private Form add(CommandContext c, Map<String, String> values) {
        String cmd = "event-add";
        List<Field> fields = List.of(
                line(c, cmd, "title", true, null, LINE),
                line(c, cmd, "date", true, null, LINE),
                line(c, cmd, "start", false, null, LINE),
                line(c, cmd, "end", false, null, LINE),
                line(c, cmd, "meeting", false, null, LINE),
                line(c, cmd, "room", false, null, LINE),
                line(c, cmd, "committees", false, null, LINE),
                choice(c, cmd, "access", "open", List.of("open", "closed")),
                line(c, cmd, "kind", false, null, LINE),
                paragraph(c, cmd, "description", null, null),
                line(c, cmd, "zone", false, null, LINE),
                line(c, cmd, "end-date", false, null, LINE),
                choice(c, cmd, "force", "no", List.of("no", "yes")),
                line(c, cmd, "id", false, null, LINE));
        return new Form(cmd, cmd, c.text("form.event-add.title"), null, c.text("form.submit.save"), fields, Map.of());
    }

    private Form edit(CommandContext c, Map<String, String> values) throws CommandException {
        String cmd = "event-edit";
        if (blank(values.get("id"))) {
            return pick(c, cmd);
        }
        Event e = existing(values.get("id"));
        List<Field> fields = List.of(
                line(c, cmd, "title", true, e.title(), LINE),
                withEmpty(line(c, cmd, "room", false, e.room(), LINE), "-"),
                line(c, cmd, "committees", false, String.join(",", e.committees()), LINE),
                choice(c, cmd, "access", e.access().name().toLowerCase(java.util.Locale.ROOT), List.of("open", "closed")),
                line(c, cmd, "kind", false, e.kind(), LINE),
                paragraph(c, cmd, "description", e.description(), "-"),
                choice(c, cmd, "force", "no", List.of("no", "yes")));
        return new Form(cmd, cmd, c.text("form.event-edit.title"), c.text("form.event-edit.intro", e.id(), e.title()),
                c.text("form.submit.save"), fields, Map.of("id", e.id()));
    }

    private Form move(CommandContext c, Map<String, String> values) throws CommandException {
        String cmd = "event-move";
        if (blank(values.get("id"))) {
            return pick(c, cmd);
        }
        Event e = existing(values.get("id"));
        String start = e.start() == null ? null : HH_MM.format(e.start().atZone(e.zone()));
        ZonedDateTime end = e.end() == null ? null : e.end().atZone(e.zone());
        String endDay = end != null && end.toLocalDate().isAfter(e.date()) ? end.toLocalDate().toString() : null;
        String when = e.start() == null ? TimeFormat.day(e.date(), c.locale())
                : TimeFormat.instant(e.start(), e.zone(), c.locale());
        List<Field> fields = new ArrayList<>(List.of(
                line(c, cmd, "date", true, e.date().toString(), LINE),
                line(c, cmd, "start", false, start, LINE),
                line(c, cmd, "end", false, end == null ? null : HH_MM.format(end), LINE),
                line(c, cmd, "end-date", false, endDay, LINE),
                choice(c, cmd, "force", "no", List.of("no", "yes"))));
        return new Form(cmd, cmd, c.text("form.event-move.title"),
                c.text("form.event-move.intro", e.id(), e.title(), when, e.zone().getId()),
                c.text("form.submit.save"), fields, Map.of("id", e.id()));
    }

    /** The first step of edit and move without an id: which event. Its submission opens the form for that id. */
    private static Form pick(CommandContext c, String cmd) {
        Field id = new Field("id", c.text("form.field.id"), Kind.LINE, true, null, c.text("form.pick.hint"), 64,
                List.of(), null);
        return new Form(cmd, null, c.text("form." + cmd + ".title"), null, c.text("form.submit.next"), List.of(id),
                Map.of());
    }

    private Event existing(String id) throws CommandException {
        return calendar.event(id.strip()).orElseThrow(() -> new CommandException(
                "No event with id '" + EventRules.shorten(id) + "'; ids are shown in brackets by next, week and schedule.",
                "id"));
    }

    private static Field line(CommandContext c, String cmd, String option, boolean required, String value, int max) {
        return new Field(option, c.text("form.field." + option), Kind.LINE, required, blank(value) ? null : value,
                hint(c, cmd, option), max, List.of(), null);
    }

    private static Field paragraph(CommandContext c, String cmd, String option, String value, String whenEmpty) {
        return new Field(option, c.text("form.field." + option), Kind.PARAGRAPH, false, blank(value) ? null : value,
                hint(c, cmd, option), TEXT, List.of(), whenEmpty);
    }

    private static Field choice(CommandContext c, String cmd, String option, String value, List<String> choices) {
        return new Field(option, c.text("form.field." + option), Kind.CHOICE, false, value, hint(c, cmd, option), LINE,
                choices, null);
    }

    private static Field withEmpty(Field f, String whenEmpty) {
        return new Field(f.name(), f.label(), f.kind(), f.required(), f.value(), f.hint(), f.maxLength(), f.choices(),
                whenEmpty);
    }

    /** The command's own option description, in the asker's language. */
    private static String hint(CommandContext c, String cmd, String option) {
        String key = "cmd." + cmd + "." + option;
        return org.ccnsobot.i18n.Messages.get().has(key) ? c.text(key) : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
