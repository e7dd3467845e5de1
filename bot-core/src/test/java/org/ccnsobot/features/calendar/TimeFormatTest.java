package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
    @Test
    void readsLikeTheNewsletterInUtcAndInTheReadersZone() {
        Instant council = Instant.parse("2024-02-15T18:00:00Z");
        assertThat(TimeFormat.instant(council, ZoneId.of("UTC"))).isEqualTo("Thu 15 Feb 2024 18:00 UTC");
        assertThat(TimeFormat.instant(council, ZoneId.of("Europe/Brussels"))).isEqualTo("Thu 15 Feb 2024 19:00 CET (18:00 UTC)");
        assertThat(TimeFormat.instant(council, ZoneId.of("Asia/Tokyo"))).isEqualTo("Fri 16 Feb 2024 03:00 JST (18:00 UTC Thu)");
        assertThat(TimeFormat.instant(Instant.parse("2024-07-01T08:05:00Z"), ZoneId.of("Europe/Brussels")))
                .isEqualTo("Mon 1 Jul 2024 10:05 CEST (08:05 UTC)");
    }

    @Test
    void venueWallClockAndDays() {
        assertThat(TimeFormat.wallClock(Instant.parse("2024-03-05T14:30:00Z"), ZoneId.of("America/Puerto_Rico")))
                .isEqualTo("10:30 AST");
        assertThat(TimeFormat.day(LocalDate.of(2024, 3, 4))).isEqualTo("Mon 4 Mar 2024");
    }

    @Test
    void theDaysOfAMultiDayEvent() {
        assertThat(TimeFormat.days(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 8))).isEqualTo("2–8 March 2024");
        assertThat(TimeFormat.days(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 3)))
                .isEqualTo("28 February – 3 March 2024");
        assertThat(TimeFormat.days(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2)))
                .isEqualTo("30 December 2024 – 2 January 2025");
        assertThat(TimeFormat.days(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4))).isEqualTo("Mon 4 Mar 2024");
    }

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2024-02-10T12:00:00Z");
        assertThat(TimeFormat.relative(now.plusSeconds(40 * 60), now)).isEqualTo("in 40 minutes");
        assertThat(TimeFormat.relative(now.plusSeconds(5 * 86_400 + 6 * 3600), now)).isEqualTo("in 5 days");
        assertThat(TimeFormat.relative(now.minusSeconds(2 * 3600), now)).isEqualTo("2 hours ago");
    }
}
