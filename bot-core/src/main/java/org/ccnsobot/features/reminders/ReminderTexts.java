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
        String lead = e.dateOnly() ? "Reminder: " + e.title() + " is on " + TimeFormat.day(e.date())
                + " (time not yet announced)"
                : "Reminder: " + e.title() + " starts " + TimeFormat.relative(e.start(), now);
        String text = lead + " — " + messages.when(e, viewer) + " [" + e.id() + "]";
        return OutgoingMessage.of(text, List.of(new Block.Heading(e.dateOnly() ? "Reminder" : "Reminder: starts "
                + TimeFormat.relative(e.start(), now)), messages.card(e)));
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
                || !Objects.equals(before.end(), after.end());
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
