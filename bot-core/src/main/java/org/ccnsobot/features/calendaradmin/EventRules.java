package org.ccnsobot.features.calendaradmin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.i18n.Messages;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.kernel.Dates;
import org.ccnsobot.features.calendar.TimeFormat;

/**
 * The checks a staff change must pass before anything is written. Hard problems (a date that is not the weekday
 * given, an end before the start, a time the clocks skip, a room already taken, a day outside the meeting) refuse
 * the change with the reason; soft ones (a start in the past) are returned as warnings to show with the result.
 */
final class EventRules {
    private static final Pattern LEADING_WEEKDAY = Pattern.compile("(?i)^\\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+(.+)$");

    private EventRules() {
    }

    /** A day as staff write it, with an optional weekday that must match: "Thursday 6 March 2024" is refused. */
    static LocalDate day(String text, Optional<String> weekday, LocalDate today, Locale l) throws CommandException {
        String t = text.strip();
        String named = weekday.map(String::strip).orElse(null);
        Matcher m = LEADING_WEEKDAY.matcher(t);
        if (m.matches() && Dates.parse(m.group(2), today).isPresent()) {
            named = named == null ? m.group(1) : named;
            t = m.group(2);
        }
        LocalDate day = Dates.parse(t, today).orElseThrow(() -> new CommandException(Messages.t(l, "rules.notDate",
                shorten(text)), "date"));
        if (named != null) {
            DayOfWeek expected = weekday(named, l);
            if (day.getDayOfWeek() != expected) {
                throw new CommandException(Messages.t(l, "rules.wrongWeekday", day.toString(),
                        name(day.getDayOfWeek(), l), name(expected, l)), "date");
            }
        }
        return day;
    }

    /** A weekday as English names it (mon, thursday): the option is read in English whatever the language. */
    static DayOfWeek weekday(String text, Locale l) throws CommandException {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new CommandException(Messages.t(l, "rules.notWeekday", shorten(text)), "weekday");
    }

    static LocalTime time(String text, String what, Locale l) throws CommandException {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('.', ':');
        try {
            if (t.matches("\\d{1,2}")) {
                return LocalTime.of(Integer.parseInt(t), 0);
            }
            if (t.matches("\\d{3,4}")) {
                return LocalTime.of(Integer.parseInt(t) / 100, Integer.parseInt(t) % 100);
            }
            if (t.matches("\\d{1,2}:\\d{2}")) {
                String[] p = t.split(":");
                return LocalTime.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            return LocalTime.parse(t);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new CommandException(Messages.t(l, "rules.notTime", what, shorten(text)), what);
        }
    }

    /** The instant a wall-clock time names; refused when the clocks skip it that day ({@code what}: start or end). */
    static Instant instant(LocalDate day, LocalTime time, ZoneId zone, String what, Locale l) throws CommandException {
        ZonedDateTime z = ZonedDateTime.of(day, time, zone);
        if (!z.toLocalTime().equals(time)) {
            throw new CommandException(Messages.t(l, "rules.gap." + what, time.toString(), day.toString(),
                    zone.getId()), what);
        }
        return z.toInstant();
    }

    /**
     * Checks an event as it would be saved; returns soft warnings. {@code ignoreId} is the event being changed, so
     * it does not collide with itself.
     */
    /**
     * The checks of a write, in {@code l}'s language: a refusal throws; what is saved anyway comes back as warnings
     * ({@code past}: whether an event in the past is worth one).
     */
    static List<String> check(Event e, CalendarService calendar, Instant now, boolean force, boolean past, Locale l)
            throws CommandException {
        List<String> warnings = new ArrayList<>();
        if (e.start() != null && e.end() != null && e.end().isBefore(e.start())) {
            throw new CommandException(Messages.t(l, "rules.endBeforeStart", TimeFormat.wallClock(e.end(), e.zone()),
                    TimeFormat.wallClock(e.start(), e.zone())), "end");
        }
        if (e.meetingCode() != null) {
            Meeting m = calendar.meetingsByCode().get(e.meetingCode());
            if (m != null && !m.includes(e.date())) {
                String msg = Messages.t(l, "rules.outside", e.date().toString(), m.code(), m.firstDay().toString(),
                        m.lastDay().toString());
                if (!force) {
                    throw new CommandException(Messages.t(l, "rules.outside.refused", msg), "date");
                }
                warnings.add(Messages.t(l, "rules.warning", msg));
            }
        }
        if (e.room() != null && e.start() != null && e.status() != EventStatus.CANCELLED) {
            Instant s = e.start();
            Instant end = e.end() == null || !e.end().isAfter(s) ? s.plusSeconds(60) : e.end();
            for (Event other : calendar.between(s.minusSeconds(2 * 86_400), end)) {
                if (other.id().equals(e.id()) || other.status() == EventStatus.CANCELLED || other.start() == null
                        || other.room() == null || !other.room().strip().equalsIgnoreCase(e.room().strip())
                        || !java.util.Objects.equals(other.meetingCode(), e.meetingCode())) {
                    continue;
                }
                Instant os = other.start();
                Instant oe = other.end() == null || !other.end().isAfter(os) ? os.plusSeconds(60) : other.end();
                if (os.isBefore(end) && s.isBefore(oe)) {
                    String msg = Messages.t(l, "rules.booked", e.room(), other.title(l), other.id(),
                            TimeFormat.wallClock(os, e.zone()), TimeFormat.wallClock(oe, e.zone()));
                    if (!force) {
                        throw new CommandException(Messages.t(l, "rules.booked.refused", msg), "room");
                    }
                    warnings.add(Messages.t(l, "rules.warning", msg));
                }
            }
        }
        if (e.start() != null && !e.committees().isEmpty() && e.status() != EventStatus.CANCELLED) {
            // soft: a committee may well run parallel tracks, but it is worth a second look
            Instant s = e.start();
            Instant end = e.end() == null || !e.end().isAfter(s) ? s.plusSeconds(60) : e.end();
            for (Event other : calendar.between(s.minusSeconds(2 * 86_400), end)) {
                if (other.id().equals(e.id()) || other.status() == EventStatus.CANCELLED || other.start() == null) {
                    continue;
                }
                Instant os = other.start();
                Instant oe = other.end() == null || !other.end().isAfter(os) ? os.plusSeconds(60) : other.end();
                List<String> shared = other.committees().stream().filter(e.committees()::contains).toList();
                if (!shared.isEmpty() && os.isBefore(end) && s.isBefore(oe)) {
                    warnings.add(Messages.t(l, "rules.overlaps", other.title(l), other.id(), String.join(", ", shared)));
                }
            }
        }
        if (past && e.sortKey().isBefore(now) && e.status() != EventStatus.CANCELLED) {
            warnings.add(Messages.t(l, "rules.past"));
        }
        return warnings;
    }

    /** The weekday in {@code l}'s language: Thursday, jeudi, jueves. */
    private static String name(DayOfWeek d, Locale l) {
        return d.getDisplayName(TextStyle.FULL, org.ccnsobot.i18n.Language.of(l).locale());
    }

    static String shorten(String s) {
        return org.ccnsobot.kernel.Text.clip(s);
    }
}
