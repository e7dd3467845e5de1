package org.ccnsobot.app;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.features.calendar.CalendarData;

/** What check-config can only check with the calendar at hand: a source's meeting and rule committees exist. */
final class SourceCheck {
    private SourceCheck() {
    }

    /** The first problem, worded as one line, or null. */
    static String problem(BotConfig cfg, CalendarData data) {
        Set<String> meetings = data.meetings().stream().map(m -> m.code().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> committees = data.committees().stream().map(c -> c.acronym().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (int i = 0; i < cfg.sources().size(); i++) {
            SourceConfig s = cfg.sources().get(i);
            if (s.meeting() != null && !meetings.contains(s.meeting().toLowerCase(Locale.ROOT))) {
                return "sources[" + i + "].meeting: the calendar has no meeting '" + s.meeting() + "'";
            }
            for (SourceConfig.CommitteeRule r : s.committees()) {
                for (String a : r.acronyms()) {
                    if (!committees.contains(a.toLowerCase(Locale.ROOT))) {
                        return "sources[" + i + "].committees." + r.match().pattern() + ": the calendar has no"
                                + " committee '" + a + "'";
                    }
                }
            }
        }
        return null;
    }
}
