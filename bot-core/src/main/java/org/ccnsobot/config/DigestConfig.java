package org.ccnsobot.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** When the weekly digest is posted: a weekday and a time of day in a zone. Absent from the config: no digest. */
public record DigestConfig(DayOfWeek weekday, LocalTime time, ZoneId zone) {
    public DigestConfig {
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }
}
