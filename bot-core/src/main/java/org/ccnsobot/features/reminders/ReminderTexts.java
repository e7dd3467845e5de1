package org.ccnsobot.features.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.i18n.Bidi;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.TimeFormat;

/** The words of reminders, change notices and alerts. Reminder text is computed when it is sent, not when planned. */
public final class ReminderTexts {

    private ReminderTexts() {
    }

    /** {@code Reminder: ccNSO Council meeting 202 starts in 40 minutes — Thu 15 Feb 2024 18:00 UTC [council-202]}. */
    static OutgoingMessage reminder(Event e, EventMessages messages, ZoneId viewer, Instant now) {
        return reminder(e, messages, viewer, now, Locale.ENGLISH);
    }

    /** As above, in {@code l}'s words and plurals. */
    static OutgoingMessage reminder(Event e, EventMessages messages, ZoneId viewer, Instant now, Locale l) {
        String title = Bidi.isolate(e.title(l), l);
        String amount = e.dateOnly() ? null : amount(e.start(), now, l);
        String lead = e.multiDay() ? Messages.t(l, "reminder.multiDay", title, TimeFormat.days(e.date(), e.lastDay(), l))
                : e.dateOnly() ? Messages.t(l, "reminder.dateOnly", title, TimeFormat.day(e.date(), l))
                : amount == null ? Messages.t(l, "reminder.startingNow", title)
                : Messages.t(l, "reminder.startsIn", title, amount);
        String text = Messages.t(l, "reminder.text", lead, messages.when(e, viewer, l), Bidi.isolate(e.id(), l));
        String heading = e.dateOnly() ? Messages.t(l, "reminder.heading")
                : amount == null ? Messages.t(l, "reminder.heading.startingNow")
                : Messages.t(l, "reminder.heading.startsIn", amount);
        return OutgoingMessage.of(text, List.of(new Block.Heading(heading), messages.card(e, l)));
    }

    /** The rounded time to {@code start} in {@code l}'s words ("5 minutes", "5 minutos"), or null when about now. */
    private static String amount(Instant start, Instant now, Locale l) {
        long seconds = java.time.Duration.between(now, start).getSeconds();
        long minutes = Math.floorDiv(seconds + 30, 60);
        if (minutes <= 0) {
            return null;
        }
        if (minutes < 90) {
            return Messages.t(l, "time.minutes", minutes);
        }
        long hours = Math.floorDiv(minutes + 30, 60);
        if (hours < 36) {
            return Messages.t(l, "time.hours", hours);
        }
        return Messages.t(l, "time.days", Math.floorDiv(hours + 12, 24));
    }

    /**
     * How far off the start is at the moment of sending, to the nearest minute: a 5-minute reminder that goes out a
     * few seconds late still says "starts in 5 minutes", a 1-hour one "starts in 60 minutes", and less than half a
     * minute is "is starting now". From 90 minutes on, to the nearest hour; from 36 hours on, to the nearest day.
     */
    static String startsIn(Instant start, Instant now) {
        String amount = amount(start, now);
        return amount == null ? "is starting now" : "starts in " + amount;
    }

    /** The rounded time to {@code start}, or null when it is (about) now or past. */
    private static String amount(Instant start, Instant now) {
        long seconds = java.time.Duration.between(now, start).getSeconds();
        long minutes = Math.floorDiv(seconds + 30, 60);
        if (minutes <= 0) {
            return null;
        }
        if (minutes < 90) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = Math.floorDiv(minutes + 30, 60);
        if (hours < 36) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = Math.floorDiv(hours + 12, 24);
        return days + (days == 1 ? " day" : " days");
    }

    /** A notice (kept in the ledger row's note) with the event's card when the event is still known. */
    public static OutgoingMessage notice(String note, Optional<Event> e, EventMessages messages) {
        return notice(note, List.of(), e, messages, null);
    }

    /** As above, the card's title in the reader's language. */
    public static OutgoingMessage notice(String note, Optional<Event> e, EventMessages messages, Locale l) {
        return notice(note, List.of(), e, messages, l);
    }

    /**
     * As above, the note's instants marked so each platform can show them in its readers' time, the card's title in
     * the reader's language.
     */
    static OutgoingMessage notice(String note, List<Block.TimeMark> times, Optional<Event> e,
                                  EventMessages messages, Locale l) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(times.isEmpty() ? new Block.Paragraph(note) : new Block.TimedParagraph(note, times));
        e.ifPresent(ev -> blocks.add(messages.card(ev, l)));
        return OutgoingMessage.of(note, blocks);
    }

    /** What changed, in words, or empty when nothing members care about did. */
    static Optional<String> change(Event before, Event after, EventMessages messages, ZoneId viewer) {
        return change(before, after, messages, viewer, Locale.ENGLISH);
    }

    /** As above, in {@code l}'s words. */
    static Optional<String> change(Event before, Event after, EventMessages messages, ZoneId viewer, Locale l) {
        String id = Bidi.isolate(after.id(), l);
        String title = Bidi.isolate(after.title(l), l);
        if (after.status() == EventStatus.CANCELLED && before.status() != EventStatus.CANCELLED) {
            return Optional.of(Messages.t(l, "change.cancelled", title, messages.when(before, viewer, l), id));
        }
        if (after.status() != EventStatus.CANCELLED && before.status() == EventStatus.CANCELLED) {
            return Optional.of(Messages.t(l, "change.backOn", title, messages.when(after, viewer, l), id));
        }
        boolean moved = !Objects.equals(before.start(), after.start()) || !before.date().equals(after.date())
                || !Objects.equals(before.end(), after.end()) || !Objects.equals(before.lastDay(), after.lastDay());
        if (moved) {
            return Optional.of(Messages.t(l, "change.moved", title, messages.when(after, viewer, l),
                    messages.when(before, viewer, l), id));
        }
        List<String> what = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            what.add(Messages.t(l, "change.title", Bidi.isolate(before.title(l), l)));
        }
        if (!Objects.equals(before.room(), after.room())) {
            what.add(after.room() == null ? Messages.t(l, "change.room.none")
                    : Messages.t(l, "change.room", Bidi.isolate(after.room(), l)));
        }
        if (before.access() != after.access()) {
            what.add(Messages.t(l, "change.access", Messages.t(l, "access." + after.access().name()
                    .toLowerCase(Locale.ROOT))));
        }
        if (!Objects.equals(before.description(), after.description())) {
            what.add(Messages.t(l, "change.description"));
        }
        if (!before.links().equals(after.links())) {
            what.add(Messages.t(l, "change.links"));
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Messages.t(l, "change.changed", title, id, String.join("; ", what),
                messages.when(after, viewer, l)));
    }
}
