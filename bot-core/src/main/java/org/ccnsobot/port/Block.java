package org.ccnsobot.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One piece of a rich message. Text in blocks is user or staff text as written: adapters escape it for their
 * platform. Times travel as {@link Instant} plus the venue's zone and are rendered by each adapter natively.
 */
public sealed interface Block {

    record Heading(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String name, String value) {
    }

    record Links(List<Link> links) implements Block {
        public Links {
            links = List.copyOf(links);
        }
    }

    record Link(String label, String url) {
    }

    record Footnote(String text) implements Block {
    }

    /**
     * Buttons that run a typed command for whoever clicks them; core checks who may, as for a typed command. The
     * message's text still says how to type the same, for platforms (and readers) without buttons.
     */
    record Actions(List<Action> actions) implements Block {
        public Actions {
            actions = List.copyOf(actions);
        }
    }

    /**
     * One button: its label, and the command with its options that a click runs; or, with {@code opensForm}, the
     * form named {@code command} that a click opens, with {@code options} as its context (see
     * {@link InboundHandler#form}). A platform without forms leaves such a button out.
     */
    record Action(String label, String command, java.util.Map<String, String> options, boolean primary,
                  boolean opensForm) {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(command, "command");
            options = java.util.Map.copyOf(options);
        }

        /** A button that runs a command. */
        public Action(String label, String command, java.util.Map<String, String> options, boolean primary) {
            this(label, command, options, primary, false);
        }

        /** A button that opens form {@code form} with {@code context}. */
        public static Action form(String label, String form, java.util.Map<String, String> context) {
            return new Action(label, form, context, false, true);
        }
    }

    /**
     * One calendar event. {@code start} is null when only the date is known ({@code date} is then the day in
     * {@code venueZone}); {@code place} names the venue's city ("San Juan") for venue-local time, or is null for
     * online sessions. {@code lastDay} is the last day (inclusive) of a date-only event over several days, else null.
     */
    record EventCard(String eventId, String title, Instant start, Instant end, LocalDate date, ZoneId venueZone,
                     String place, String room, String access, List<String> committees, String status,
                     String description, List<Link> links, LocalDate lastDay) implements Block {
        /** A card of a timed or single-day event. */
        public EventCard(String eventId, String title, Instant start, Instant end, LocalDate date, ZoneId venueZone,
                         String place, String room, String access, List<String> committees, String status,
                         String description, List<Link> links) {
            this(eventId, title, start, end, date, venueZone, place, room, access, committees, status, description,
                    links, null);
        }

        public EventCard {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(venueZone, "venueZone");
            committees = List.copyOf(committees);
            links = List.copyOf(links);
        }

        public boolean dateOnly() {
            return start == null;
        }

        /** Whether this is a date-only event over several days (shown as {@code 2–8 March 2024, all day}). */
        public boolean multiDay() {
            return start == null && lastDay != null && lastDay.isAfter(date);
        }
    }
}
