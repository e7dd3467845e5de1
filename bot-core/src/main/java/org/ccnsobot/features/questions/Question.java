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
public record Question(Intent intent, boolean next, About about, Span span, Said trouble) {
    /** The problem in English, as the reader words it; null when there is none. */
    public String problem() {
        return trouble == null ? null : trouble.english();
    }

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

    /**
     * Days [from, to) in the asker's zone, with how to say them ("Sun 3 Mar 2024", "April 2024"). {@code named} is
     * how to say them in another language when the reader's words name more than the days ("tomorrow, …", "day 2
     * of ICANN79, …"); null when the days alone say it.
     */
    public record Span(LocalDate from, LocalDate to, String label, Said named) {
        public Span(LocalDate from, LocalDate to, String label) {
            this(from, to, label, null);
        }

        public boolean oneDay() {
            return to.equals(from.plusDays(1));
        }
    }

    /**
     * What the reader says back (a span's name, why a date is impossible): its English words exactly as the reader
     * wrote them, and the bundle key and arguments that say it in another language. A {@link LocalDate} argument is
     * shown as that language's day ("sam. 2 mars 2024"), a {@link java.time.Month} or {@link java.time.DayOfWeek} by
     * its name there; anything else as it is.
     */
    public record Said(String english, String key, List<Object> args) {
        public Said {
            args = List.copyOf(args);
        }

        public static Said of(String english, String key, Object... args) {
            return new Said(english, key, List.of(args));
        }

        public String in(java.util.Locale locale) {
            if (org.ccnsobot.i18n.Language.of(locale) == org.ccnsobot.i18n.Language.EN) {
                return english;
            }
            java.util.Locale l = org.ccnsobot.i18n.Language.of(locale).locale();
            Object[] shown = new Object[args.size()];
            for (int i = 0; i < shown.length; i++) {
                Object a = args.get(i);
                if (a instanceof LocalDate d) {
                    shown[i] = org.ccnsobot.features.calendar.TimeFormat.day(d, l);
                } else if (a instanceof java.time.Month m) {
                    shown[i] = m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, l).toLowerCase(l);
                } else if (a instanceof java.time.DayOfWeek w) {
                    shown[i] = w.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, l).toLowerCase(l);
                } else {
                    shown[i] = a;
                }
            }
            return org.ccnsobot.i18n.Messages.t(l, key, shown);
        }
    }
}
