package org.ccnsobot.features.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.config.DigestConfig;
import org.junit.jupiter.api.Test;

/** The {@code digest} config key: strict, named in errors, off when absent. */
class DigestConfigTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(), name -> null);

    @Test
    void readsWeekdayTimeAndZone() throws Exception {
        BotConfig cfg = loader.parse("digest: {weekday: MONDAY, time: \"09:00\", zone: America/Puerto_Rico}\n", null);
        assertThat(cfg.digest()).isEqualTo(new DigestConfig(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneId.of("America/Puerto_Rico")));
    }

    @Test
    void theZoneDefaultsToTheBotsTimezoneWhereverItIsWritten() throws Exception {
        BotConfig cfg = loader.parse("digest: {weekday: friday, time: \"16:30\"}\ntimezone: Europe/Brussels\n", null);
        assertThat(cfg.digest().zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(cfg.digest().weekday()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void offWhenAbsent() throws Exception {
        assertThat(loader.parse("timezone: UTC\n", null).digest()).isNull();
    }

    @Test
    void mistakesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> loader.parse("digest: {weekday: MONDAY, time: \"09:00\", when: soon}\n", null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key 'digest.when' (known: weekday, time, zone)");
        assertThatThrownBy(() -> loader.parse("digest: {weekday: Moonday, time: \"09:00\"}\n", null))
                .hasMessage("digest.weekday: 'Moonday' is not a weekday (MONDAY to SUNDAY)");
        assertThatThrownBy(() -> loader.parse("digest: {weekday: MONDAY, time: \"9 am\"}\n", null))
                .hasMessage("digest.time: '9 am' is not a time of day like 09:00");
        assertThatThrownBy(() -> loader.parse("digest: {weekday: MONDAY}\n", null))
                .hasMessage("digest.time: is missing (like \"09:00\")");
        assertThatThrownBy(() -> loader.parse("digest: {weekday: MONDAY, time: \"09:00\", zone: Mars/Base}\n", null))
                .hasMessageContaining("digest.zone: 'Mars/Base' is not an IANA time zone");
        assertThatThrownBy(() -> loader.parse("digest: weekly\n", null)).hasMessageStartingWith("digest: must be a mapping");
    }
}
