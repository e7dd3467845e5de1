package org.ccnsobot.features.questions;

import java.time.LocalDate;
import java.util.List;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Meeting;

/**
 * What a plain-words question asks: its kind ({@link Intent}), what it is about ({@link About}) and when
 * ({@link Span}, in the asker's zone; null when no time was named). {@code problem} is set when the question
 * names something impossible (31 February, the year 99999) and is answered with that alone.
 */
public record Question(Intent intent, boolean next, About about, Span span, String problem) {
    /** The kind of question, as a person would answer it. */
    public enum Intent {
        /** When is X: the next match first. */
        WHEN,
        /** What is on (a day, a meeting): the list. */
        WHAT_ON,
        /** Is there / any X: yes or no, with the events. */
        IS_THERE,
        /** Where is X. */
        WHERE,
        /** List / all X. */
        LIST,
        /** A name alone, or "tell me about X": a committee's page, an event's card. */
        ABOUT
    }

    /**
     * The subject: a committee, a meeting (or a meeting the calendar does not hold, {@code missingMeeting}, such as
     * "ICANN81"), a number ("council 204"), a day of a meeting, and the other words to look for. {@code generic}
     * are words such as "meeting" or "session" that narrow a search when they can and are dropped when they cannot.
     */
    public record About(Committee committee, String committeeWord, Meeting meeting, String missingMeeting,
                        String number, List<String> words, List<String> generic) {
        public About {
            words = List.copyOf(words);
            generic = List.copyOf(generic);
        }

        public boolean isEmpty() {
            return committee == null && meeting == null && missingMeeting == null && number == null && words.isEmpty()
                    && generic.isEmpty();
        }
    }

    /** Days [from, to) in the asker's zone, with how to say them ("Sun 3 Mar 2024", "April 2024"). */
    public record Span(LocalDate from, LocalDate to, String label) {
        public boolean oneDay() {
            return to.equals(from.plusDays(1));
        }
    }
}
