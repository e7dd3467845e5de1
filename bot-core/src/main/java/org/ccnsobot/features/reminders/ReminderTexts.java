package org.ccnsobot.features.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
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
        String lead = e.multiDay() ? "Reminder: " + e.title() + " is on " + TimeFormat.days(e.date(), e.lastDay())
                + " (all day)"
                : e.dateOnly() ? "Reminder: " + e.title() + " is on " + TimeFormat.day(e.date())
                + " (time not yet announced)"
                : "Reminder: " + e.title() + " " + startsIn(e.start(), now);
        String text = lead + " — " + messages.when(e, viewer) + " [" + e.id() + "]";
        return OutgoingMessage.of(text, List.of(new Block.Heading(e.dateOnly() ? "Reminder" : "Reminder: "
                + heading(e.start(), now)), messages.card(e)));
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

    private static String heading(Instant start, Instant now) {
        String amount = amount(start, now);
        return amount == null ? "starting now" : "starts in " + amount;
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
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(note));
        e.ifPresent(ev -> blocks.add(messages.card(ev)));
        return OutgoingMessage.of(note, blocks);
    }

    /** What changed, in words, or empty when nothing members care about did. */
    static Optional<String> change(Event before, Event after, EventMessages messages, ZoneId viewer) {
        String id = " [" + after.id() + "]";
        if (after.status() == EventStatus.CANCELLED && before.status() != EventStatus.CANCELLED) {
            return Optional.of("Cancelled: " + after.title() + ", which was " + messages.when(before, viewer) + id
                    + ". Its reminders are off.");
        }
        if (after.status() != EventStatus.CANCELLED && before.status() == EventStatus.CANCELLED) {
            return Optional.of("Back on: " + after.title() + " is " + messages.when(after, viewer) + id + ".");
        }
        boolean moved = !Objects.equals(before.start(), after.start()) || !before.date().equals(after.date())
                || !Objects.equals(before.end(), after.end()) || !Objects.equals(before.lastDay(), after.lastDay());
        if (moved) {
            return Optional.of("Moved: " + after.title() + " is now " + messages.when(after, viewer) + " (was "
                    + messages.when(before, viewer) + ")" + id + ".");
        }
        List<String> what = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            what.add("title (was: " + before.title() + ")");
        }
        if (!Objects.equals(before.room(), after.room())) {
            what.add("room: " + (after.room() == null ? "none" : after.room()));
        }
        if (before.access() != after.access()) {
            what.add("access: " + after.access().label());
        }
        if (!Objects.equals(before.description(), after.description())) {
            what.add("description");
        }
        if (!before.links().equals(after.links())) {
            what.add("links");
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Changed: " + after.title() + id + " — " + String.join("; ", what) + ". When: "
                + messages.when(after, viewer) + ".");
    }
}
