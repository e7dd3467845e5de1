package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.ccnsobot.testing.BotFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarData;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.features.calendar.CalendarFiles;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reminder settings in the config and the calendar files, and the policy they make. */
class ReminderConfigTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "offsets: [24h, -1h]           | reminders.offsets[1]: a reminder offset must be positive, not -1h",
        "offsets: [0h]                 | reminders.offsets[0]: a reminder offset must be positive, not 0h",
        "offsets: [31d]                | reminders.offsets[0]: a reminder offset must be at most 30 days, not 31d",
        "offsets: [721h]               | reminders.offsets[0]: a reminder offset must be at most 30 days, not 721h",
        "'byKind: {webinar: [2h, 0m]}' | reminders.byKind.webinar[1]: a reminder offset must be positive, not 0m",
        "offsets: [soon]               | reminders.offsets[0]: 'soon' is not a duration"})
    void anOffsetThatIsNegativeZeroOrOver30DaysIsRefusedNamingTheKey(String yaml, String message) {
        ConfigLoader loader = new ConfigLoader(List.of(), k -> null);
        assertThatThrownBy(() -> loader.parse("reminders:\n  " + yaml + "\n", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void validOffsetsAreRead() throws ConfigException {
        RemindersConfig r = new ConfigLoader(List.of(), k -> null).parse(
                "reminders:\n  offsets: [48h, 30m]\n  byKind: {webinar: [2h]}\n  dateOnlyMorning: '07:30'\n", null)
                .reminders();
        assertThat(r.offsets()).containsExactly(Duration.ofHours(48), Duration.ofMinutes(30));
        assertThat(r.byKind()).containsEntry("webinar", List.of(Duration.ofHours(2)));
        assertThat(r.dateOnlyMorning()).isEqualTo("07:30");
    }

    @Test
    void aCalendarEventMayCarryItsOwnReminders() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, BotFixture.REMINDERS_CALENDAR);
        CalendarData data = CalendarFiles.load(List.of(f));
        assertThat(data.reminderOffsets()).containsOnly(Map.entry("own-offsets", List.of(Duration.ofHours(48),
                Duration.ofHours(1))));
    }

    @Test
    void aBadEventReminderOffsetIsRefusedNamingTheEventAndKey() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, BotFixture.REMINDERS_CALENDAR.replace("reminders: [48h, 1h]", "reminders: [48h, 0h]"));
        assertThatThrownBy(() -> CalendarFiles.load(List.of(f))).isInstanceOf(CalendarException.class)
                .satisfies(e -> assertThat(((CalendarException) e).problems()).anySatisfy(p -> assertThat(p)
                        .contains("event own-offsets").contains("reminders[1]: a reminder offset must be positive")));
    }

    @Test
    void policyOwnOffsetsThenKindThenDefaultAndMorningForDateOnly() {
        ReminderPolicy p = new ReminderPolicy(new RemindersConfig(List.of(Duration.ofHours(24), Duration.ofHours(1)),
                Map.of("webinar", List.of(Duration.ofHours(2))), 5, "08:00"));
        Instant start = Instant.parse("2024-03-10T18:00:00Z");
        Event session = event("s", "session", start, null, ZoneId.of("UTC"));
        assertThat(p.plan(session, Optional.empty())).extracting(ReminderPolicy.Slot::due)
                .containsExactly(start.minus(Duration.ofHours(24)), start.minus(Duration.ofHours(1)));
        assertThat(p.plan(event("w", "webinar", start, null, ZoneId.of("UTC")), Optional.empty()))
                .extracting(ReminderPolicy.Slot::offsetKey).containsExactly("PT2H");
        assertThat(p.plan(session, Optional.of(List.of(Duration.ofMinutes(10))))).extracting(ReminderPolicy.Slot::due)
                .containsExactly(start.minus(Duration.ofMinutes(10)));
        Event dateOnly = event("d", "milestone", null, LocalDate.of(2024, 3, 20), ZoneId.of("America/Puerto_Rico"));
        assertThat(p.plan(dateOnly, Optional.empty())).extracting(ReminderPolicy.Slot::due)
                .containsExactly(Instant.parse("2024-03-20T12:00:00Z"));
        assertThat(p.plan(session.withStatus(EventStatus.CANCELLED), Optional.empty())).isEmpty();
    }

    @Test
    void dstTheDayAfterClocksGoForwardIs24HoursBeforeInAbsoluteTime() {
        ReminderPolicy p = new ReminderPolicy(RemindersConfig.defaults());
        ZoneId ams = ZoneId.of("Europe/Amsterdam");
        Instant start = LocalDate.of(2024, 4, 1).atTime(9, 0).atZone(ams).toInstant();
        assertThat(start).isEqualTo(Instant.parse("2024-04-01T07:00:00Z"));
        assertThat(p.plan(event("a", "session", start, null, ams), Optional.empty())).extracting(ReminderPolicy.Slot::due)
                .containsExactly(Instant.parse("2024-03-31T07:00:00Z"), Instant.parse("2024-04-01T06:00:00Z"));
    }

    static Event event(String id, String kind, Instant start, LocalDate date, ZoneId zone) {
        LocalDate d = date != null ? date : LocalDate.ofInstant(start, zone);
        return new Event(id, "Event " + id, kind, null, start, null, d, zone, null, null, null, List.of(), List.of(),
                EventStatus.SCHEDULED, null, null, 0);
    }
}
