package org.ccnsobot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reminder policy: offsets before an event's start (per event kind where set), and how hard delivery tries.
 * Offsets are validated on load: each must be positive and at most 30 days.
 */
public record RemindersConfig(List<Duration> offsets, Map<String, List<Duration>> byKind, int maxAttempts,
                              String dateOnlyMorning) {

    public RemindersConfig {
        offsets = List.copyOf(offsets);
        byKind = Map.copyOf(byKind);
    }

    public static RemindersConfig defaults() {
        return new RemindersConfig(List.of(Duration.ofHours(24), Duration.ofHours(1)), Map.of(), 5, "08:00");
    }
}
