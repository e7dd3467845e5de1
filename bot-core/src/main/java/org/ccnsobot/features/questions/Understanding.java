package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.ccnsobot.features.calendar.CalendarService;

/**
 * Reads a plain-words question against the calendar's vocabulary: committees by acronym, name or alias (spaced,
 * hyphenated or run together, with typos), meetings by code, number or city, days and ranges in the asker's zone,
 * numbers, and the remaining words to search for. It never fails: anything it cannot read is left as words. It
 * reads English, French and Spanish, each question in its own language.
 */
public interface Understanding {
    Question read(String text, ZoneId zone, Instant now);

    /**
     * Reads in the language of {@code language} (English, French or Spanish; the member's, when known), or in the
     * language the question is written in when it is null or one the reader does not have.
     */
    default Question read(String text, ZoneId zone, Instant now, Locale language) {
        return read(text, zone, now);
    }

    /**
     * Reads in the language the question is written in; when its words leave that open, in {@code preferred}'s
     * (the member's language). English questions read as English whatever the preference.
     */
    default Question readPreferring(String text, ZoneId zone, Instant now, Locale preferred) {
        return read(text, zone, now);
    }

    static Understanding of(CalendarService calendar) {
        return new Reader(calendar);
    }
}
