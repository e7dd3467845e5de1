package org.ccnsobot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.ccnsobot.features.calendar.TimeFormat;
import org.junit.jupiter.api.Test;

/** Dates and times in each language's own words, English unchanged. */
class LocalDatesTest {
    private static final Instant COUNCIL = Instant.parse("2024-02-15T18:00:00Z");
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Locale ES = Language.ES.locale();

    @Test
    void aTimeInFrenchSpanishAndEnglish() {
        assertThat(TimeFormat.instant(COUNCIL, BRUSSELS, Locale.FRENCH)).isEqualTo("jeu. 15 févr. 2024 19:00 CET (18:00 UTC)");
        assertThat(TimeFormat.instant(COUNCIL, BRUSSELS, ES)).isEqualTo("jue 15 feb 2024 19:00 CET (18:00 UTC)");
        assertThat(TimeFormat.instant(COUNCIL, BRUSSELS, Locale.ENGLISH)).isEqualTo("Thu 15 Feb 2024 19:00 CET (18:00 UTC)")
                .isEqualTo(TimeFormat.instant(COUNCIL, BRUSSELS));
        assertThat(TimeFormat.instant(COUNCIL, ZoneOffset.UTC, Locale.FRENCH)).isEqualTo("jeu. 15 févr. 2024 18:00 UTC");
    }

    @Test
    void theUtcDayIsNamedInTheLanguageWhenItIsAnotherDay() {
        Instant late = Instant.parse("2024-02-15T23:30:00Z");
        assertThat(TimeFormat.instant(late, BRUSSELS, Locale.FRENCH)).isEqualTo("ven. 16 févr. 2024 00:30 CET (23:30 UTC jeu.)");
        assertThat(TimeFormat.instant(late, BRUSSELS, Locale.ENGLISH)).isEqualTo("Fri 16 Feb 2024 00:30 CET (23:30 UTC Thu)");
    }

    @Test
    void daysAndRelativeTimesWithEachLanguagesPlurals() {
        LocalDate d = LocalDate.of(2024, 3, 3);
        assertThat(TimeFormat.day(d, Locale.FRENCH)).isEqualTo("dim. 3 mars 2024");
        assertThat(TimeFormat.day(d, ES)).isEqualTo("dom 3 mar 2024");
        assertThat(TimeFormat.day(d, Locale.ENGLISH)).isEqualTo("Sun 3 Mar 2024");
        Instant now = COUNCIL.minusSeconds(60);
        assertThat(TimeFormat.relative(COUNCIL, now, Locale.FRENCH)).isEqualTo("dans 1 minute");
        assertThat(TimeFormat.relative(COUNCIL, COUNCIL.minusSeconds(300), Locale.FRENCH)).isEqualTo("dans 5 minutes");
        assertThat(TimeFormat.relative(COUNCIL, COUNCIL.minusSeconds(300), ES)).isEqualTo("en 5 minutos");
        assertThat(TimeFormat.relative(COUNCIL, now, ES)).isEqualTo("en 1 minuto");
        assertThat(TimeFormat.relative(COUNCIL, COUNCIL.plusSeconds(7200), ES)).isEqualTo("hace 2 horas");
        assertThat(TimeFormat.relative(COUNCIL, COUNCIL.minusSeconds(300), Locale.ENGLISH)).isEqualTo("in 5 minutes");
        assertThat(TimeFormat.relative(COUNCIL, COUNCIL.minusSeconds(3 * 86400), Locale.FRENCH)).isEqualTo("dans 3 jours");
    }
}
