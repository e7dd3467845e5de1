package org.ccnsobot.features.ical;

import java.time.Period;

/**
 * Bounds on what one import may cost. A real schedule export (ICANN79 had about 600 sessions) fits well inside
 * them; anything beyond is refused with a reason instead of eating the bot's memory or time. A hand import and a
 * live source take the same: a file staff download from a source must not be refused by hand when the source's
 * look would take it.
 */
public record IcsLimits(int maxBytes, int maxLineChars, int maxDepth, int maxComponents, int maxEvents,
                        int maxOccurrences, Period recurrenceWindow) {

    /** Up to 20,000 events and 32 MiB: a whole meeting's schedule with long HTML descriptions. */
    public static IcsLimits defaults() {
        return new IcsLimits(32 * 1024 * 1024, 256 * 1024, 4, 25_000, 20_000, 500, Period.ofYears(2));
    }
}
