package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.ccnsobot.testing.BotFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFilesTest {
    @TempDir
    Path dir;

    private static final String COMMITTEES = """
            committees:
              - acronym: GRC
                name: Guidelines Review Committee
            meetings:
              - code: ICANN79
                name: ICANN79
                city: San Juan
                zone: America/Puerto_Rico
                firstDay: 2024-03-02
                lastDay: 2024-03-07
            """;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theProjectSeedCalendarIsValidAndHoldsTheNewslettersDates() throws Exception {
        CalendarData data = CalendarFiles.loadDirectory(BotFixture.seedCalendar());
        assertThat(data.committees()).extracting(c -> c.acronym())
                .contains("GRC", "IGLC", "UAC", "DASC", "SOPC", "TLD-OPS", "TechWG", "MPC", "ccPDP4", "Triage", "CSC",
                        "PGA", "OISC", "OMC", "RCB", "CIP-CCG", "ECA");
        assertThat(data.meetings()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("ICANN79");
            assertThat(m.firstDay()).isEqualTo(LocalDate.of(2024, 3, 2));
            assertThat(m.lastDay()).isEqualTo(LocalDate.of(2024, 3, 7));
        });
        Event openSpace = byId(data, "grc-open-space-2024-02-14");
        assertThat(openSpace.start()).isEqualTo(Instant.parse("2024-02-14T14:00:00Z"));
        assertThat(byId(data, "council-202").start()).isEqualTo(Instant.parse("2024-02-15T18:00:00Z"));
        assertThat(byId(data, "icann79-tech-day").date()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(byId(data, "icann79-tech-day").dateOnly()).isTrue();
        // The newsletter's "Thursday, 6 March" for the Council's public meeting is corrected to Thursday 7 March.
        assertThat(byId(data, "icann79-council-meeting").date()).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(byId(data, "icann79-mm1-internet-fragmentation").date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(byId(data, "icann79-mm2-cctld-news").date()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(data.updates()).extracting(u -> u.committee()).contains("GRC", "IGLC", "ccPDP4", "TLD-OPS");
    }

    private static Event byId(CalendarData data, String id) {
        return data.events().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anUnknownCommitteeIsRefusedWithFileEntryAndReason() throws Exception {
        Path a = write("a.yaml", COMMITTEES);
        Path b = write("b.yaml", """
                events:
                  - id: x1
                    title: X
                    date: 2024-02-14
                    zone: UTC
                    committees: [NOPE]
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(a, b))).isInstanceOf(CalendarException.class)
                .hasMessageContaining(b.toString()).hasMessageContaining("event x1")
                .hasMessageContaining("unknown committee 'NOPE'");
    }

    @Test
    void anEndBeforeItsStartIsRefused() throws Exception {
        Path f = write("c.yaml", COMMITTEES + """
                events:
                  - id: backwards
                    title: Backwards
                    date: 2024-02-14
                    start: "15:00"
                    end: "14:00"
                    zone: UTC
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(f)))
                .hasMessageContaining("event backwards").hasMessageContaining("ends (14:00) before it starts (15:00)");
    }

    @Test
    void anUnknownTimeZoneIsRefused() throws Exception {
        Path f = write("c.yaml", COMMITTEES + """
                events:
                  - id: zoned
                    title: Zoned
                    date: 2024-02-14
                    zone: Mars/Olympus_Mons
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(f)))
                .hasMessageContaining("event zoned").hasMessageContaining("unknown time zone 'Mars/Olympus_Mons'");
    }

    @Test
    void aWeekdayThatDoesNotMatchItsDateIsRefused() throws Exception {
        // The newsletter's own error: "Thursday, 6 March" 2024 is a Wednesday.
        Path f = write("c.yaml", COMMITTEES + """
                events:
                  - id: council-79
                    title: Council
                    meeting: ICANN79
                    date: 2024-03-06
                    weekday: Thursday
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(f)))
                .hasMessageContaining(f.toString()).hasMessageContaining("event council-79")
                .hasMessageContaining("the date 2024-03-06 is a Wednesday, not a Thursday");
    }

    @Test
    void aDateOutsideItsMeetingIsRefused() throws Exception {
        Path f = write("c.yaml", COMMITTEES + """
                events:
                  - id: late
                    title: Late
                    meeting: ICANN79
                    date: 2024-03-08
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(f)))
                .hasMessageContaining("outside ICANN79 (2024-03-02 to 2024-03-07)");
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() throws Exception {
        Path f = write("c.yaml", COMMITTEES + """
                events:
                  - id: typo
                    titel: Typo
                    date: 2024-03-04
                """);
        assertThatThrownBy(() -> CalendarFiles.load(java.util.List.of(f))).hasMessageContaining("unknown key 'titel'");
    }

    @Test
    void aCalendarWithAnErrorChangesNothingInTheStore() throws Exception {
        write("a.yaml", COMMITTEES + """
                events:
                  - id: good
                    title: Good
                    meeting: ICANN79
                    date: 2024-03-04
                  - id: bad
                    title: Bad
                    meeting: ICANN79
                    date: 2024-03-04
                    weekday: Friday
                """);
        try (Database db = Database.open(dir.resolve("x.db"))) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            assertThatThrownBy(() -> Seeder.seedIfEmpty(calendar, dir)).isInstanceOf(CalendarException.class);
            assertThat(calendar.store().eventCount()).isZero();
            assertThat(calendar.committees()).isEmpty();
            assertThat(calendar.store().meta(Seeder.SEEDED_KEY)).isEmpty();
        }
    }

    @Test
    void seedingHappensOnceSoLaterEditsAreKept() throws Exception {
        try (Database db = Database.open(dir.resolve("x.db"))) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            assertThat(Seeder.seedIfEmpty(calendar, BotFixture.seedCalendar())).isTrue();
            int count = calendar.store().eventCount();
            assertThat(count).isGreaterThan(15);
            assertThat(Seeder.seedIfEmpty(calendar, BotFixture.seedCalendar())).isFalse();
            assertThat(calendar.store().eventCount()).isEqualTo(count);
        }
    }
}
