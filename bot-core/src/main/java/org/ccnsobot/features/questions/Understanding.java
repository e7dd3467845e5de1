package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.ZoneId;
import org.ccnsobot.features.calendar.CalendarService;

/**
 * Reads a plain-words question against the calendar's vocabulary: committees by acronym, name or alias (spaced,
 * hyphenated or run together, with typos), meetings by code, number or city, days and ranges in the asker's zone,
 * numbers, and the remaining words to search for. It never fails: anything it cannot read is left as words.
 */
public interface Understanding {
    Question read(String text, ZoneId zone, Instant now);

    static Understanding of(CalendarService calendar) {
        return new Reader(calendar);
    }
}
