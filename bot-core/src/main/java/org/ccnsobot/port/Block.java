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

    /**
     * A paragraph that names instants, like a change summary's {@code Moved: … is now Sat 2 Mar 2024 17:00 UTC}.
     * {@code text} is complete as written (the console and any platform without time tokens show it as it is);
     * each {@link TimeMark} says which instant a stretch of it writes, so a platform with tokens shows every reader
     * their own time there, the written text kept as the token's fallback. As an event card carries its instants.
     */
    record TimedParagraph(String text, List<TimeMark> times) implements Block {
        public TimedParagraph {
            Objects.requireNonNull(text, "text");
            times = List.copyOf(times);
        }

        /**
         * The text cut at its marks, in order: each mark is looked for after the one before it; one that the text
         * does not write (a wording that leaves a time out) is left out, so the pieces always join to the text.
         */
        public List<Piece> pieces() {
            List<Piece> out = new java.util.ArrayList<>();
            int pos = 0;
            for (TimeMark m : times) {
                int at = m.shown().isEmpty() ? -1 : text.indexOf(m.shown(), pos);
                if (at < 0) {
                    continue;
                }
                if (at > pos) {
                    out.add(new Piece(text.substring(pos, at), null));
                }
                out.add(new Piece(m.shown(), m));
                pos = at + m.shown().length();
            }
            if (pos < text.length()) {
                out.add(new Piece(text.substring(pos), null));
            }
            return out;
        }

        /** A stretch of the text, and the instant it writes (null: plain text). */
        public record Piece(String text, TimeMark mark) {
        }
    }

    /**
     * An instant and how a text writes it ({@code Sat 2 Mar 2024 17:00 UTC}); {@code timeOnly} when the text gives
     * only its time of day (the end of a range: {@code to 18:00 UTC}).
     */
    record TimeMark(Instant at, String shown, boolean timeOnly) {
        public TimeMark {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(shown, "shown");
        }
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
     * One button: its label, and the command with its options that a click runs; or, when {@code opensForm}, the
     * command whose form a click opens, pre-filled from {@code options} (see {@link InboundHandler#form}).
     */
    record Action(String label, String command, java.util.Map<String, String> options, boolean primary,
                  boolean opensForm) {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(command, "command");
            options = java.util.Map.copyOf(options);
        }

        /** A button that runs the command. */
        public Action(String label, String command, java.util.Map<String, String> options, boolean primary) {
            this(label, command, options, primary, false);
        }

        /** A button that opens {@code command}'s form, pre-filled from {@code options}. */
        public static Action form(String label, String command, java.util.Map<String, String> options) {
            return new Action(label, command, options, false, true);
        }
    }

    /**
     * Core's answer to {@link InboundHandler#form}: the form to show. A platform that cannot show forms shows the
     * message's fallback text instead, which says how to type the same command.
     */
    record OpenForm(Form form) implements Block {
        public OpenForm {
            Objects.requireNonNull(form, "form");
        }
    }

    /**
     * One calendar event. {@code start} is null when only the date is known ({@code date} is then the day in
     * {@code venueZone}); {@code place} names the venue's city ("San Juan") for venue-local time, or is null for
     * online sessions. {@code lastDay} is the last day (inclusive) of a date-only event over several days, else null.
     * {@code calendarUrl} is the event's own feed on the bot's feed server ({@code <base>/events/<id>.ics}) for an
     * "Add to calendar" button, or null when no feed server is configured.
     */
    record EventCard(String eventId, String title, Instant start, Instant end, LocalDate date, ZoneId venueZone,
                     String place, String room, String access, List<String> committees, String status,
                     String description, List<Link> links, LocalDate lastDay, String calendarUrl) implements Block {
        /** A card of a timed or single-day event. */
        public EventCard(String eventId, String title, Instant start, Instant end, LocalDate date, ZoneId venueZone,
                         String place, String room, String access, List<String> committees, String status,
                         String description, List<Link> links) {
            this(eventId, title, start, end, date, venueZone, place, room, access, committees, status, description,
                    links, null);
        }

        /** A card without a feed address. */
        public EventCard(String eventId, String title, Instant start, Instant end, LocalDate date, ZoneId venueZone,
                         String place, String room, String access, List<String> committees, String status,
                         String description, List<Link> links, LocalDate lastDay) {
            this(eventId, title, start, end, date, venueZone, place, room, access, committees, status, description,
                    links, lastDay, null);
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
