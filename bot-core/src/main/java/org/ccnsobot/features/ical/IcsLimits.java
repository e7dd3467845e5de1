package org.ccnsobot.features.ical;

import java.time.Period;

/**
 * Bounds on what one import may cost. A real schedule export (ICANN79 had about 600 sessions) fits well inside
 * them; anything beyond is refused with a reason instead of eating the bot's memory or time.
 */
public record IcsLimits(int maxBytes, int maxLineChars, int maxDepth, int maxComponents, int maxEvents,
                        int maxOccurrences, Period recurrenceWindow) {

    public static IcsLimits defaults() {
        return new IcsLimits(10 * 1024 * 1024, 256 * 1024, 4, 20_000, 5_000, 500, Period.ofYears(2));
    }
}
