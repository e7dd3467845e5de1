package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timed seed session (one whose time staff sourced before the meeting) and the meeting's published schedule,
 * imported later with the time moved: the imported session takes the seed's session over and moves it (its id and
 * subscribers kept) instead of standing beside it; a session of the same committee that day that is another
 * session stays apart. On a real SQLite file with a seed calendar of the test's own.
 */
class TimedSeedTakeoverTest {
    static final String CALENDAR = """
            committees:
              - acronym: DASC
                name: DNS Abuse Standing Committee
              - acronym: TLD-OPS
                name: TLD-OPS Steering Committee
              - acronym: Council
                name: ccNSO Council
            meetings:
              - code: ICANN79
                name: ICANN79 Community Forum
                city: San Juan
                zone: America/Puerto_Rico
                firstDay: 2024-03-02
                lastDay: 2024-03-07
            events:
              - id: dasc-79
                title: DASC Working Session
                meeting: ICANN79
                date: 2024-03-02
                start: "15:00"
                end: "16:00"
                committees: [DASC]
              - id: tldops-79-a
                title: TLD-OPS Steering Committee
                meeting: ICANN79
                date: 2024-03-03
                start: "15:00"
                end: "16:00"
                committees: [TLD-OPS]
              - id: tldops-79-b
                title: TLD-OPS Steering Committee
                meeting: ICANN79
                date: 2024-03-03
                start: "16:30"
                end: "17:30"
                committees: [TLD-OPS]
              - id: council-203
                title: ccNSO Council meeting 203
                meeting: ICANN79
                date: 2024-03-07
                start: "13:00"
                end: "14:30"
                committees: [Council]
            """;

    @TempDir
    Path dir;

    private static ImportReport importEvents(BotFixture f, String... vevents) throws IcsException {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sched//EN\r\nX-WR-CALNAME:icann79-sched\r\n"
                + "X-WR-TIMEZONE:UTC\r\n" + String.join("", vevents) + "END:VCALENDAR\r\n";
        return new IcsImporter(f.bot().calendar()).importBytes(ics.getBytes(StandardCharsets.UTF_8), "all.ics",
                ImportOptions.defaults());
    }

    private static String vevent(String uid, String start, String end, String title) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20240220T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
                + "\r\nSUMMARY:" + title + "\r\nLOCATION:Room 101B\r\nEND:VEVENT\r\n";
    }

    private static List<Event> ofCommitteeOn(BotFixture f, String committee, LocalDate day) {
        return BotFixture.snapshot(f.bot()).stream()
                .filter(e -> e.committees().contains(committee) && e.date().equals(day)).toList();
    }

    @Test
    void aSeedSessionWhosePublishedTimeMovedIsTakenOverAndMovedNotDuplicated() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(Instant.parse("2024-02-20T12:00:00Z"))
                .open(dir)) {
            f.ask("subscribe dasc-79");
            // the seed has DASC at 15:00 AST (19:00Z); the published schedule moved it to 16:00 AST
            ImportReport r = importEvents(f, vevent("sched-dasc", "20240302T200000Z", "20240302T210000Z",
                    "ccNSO: DNS Abuse Standing Committee (DASC) Working Session"));

            assertThat(r.added()).isEmpty();
            assertThat(r.updated()).hasSize(1);
            assertThat(ofCommitteeOn(f, "DASC", LocalDate.of(2024, 3, 2))).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("dasc-79");
                assertThat(e.start()).isEqualTo(Instant.parse("2024-03-02T20:00:00Z"));
                assertThat(e.sourceUid()).isEqualTo("sched-dasc");
                assertThat(e.sequence()).as("a change of time calendar apps must take").isPositive();
            });
            assertThat(f.ask("subscriptions")).contains("dasc-79");
        }
    }

    @Test
    void twoSessionsOfACommitteeThatDayEachTakeTheNearestOfItsTwoSeedSessions() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(Instant.parse("2024-02-20T12:00:00Z"))
                .open(dir)) {
            // 15:00 and 16:30 AST seeded; published at 15:15 and 16:45 AST (19:15Z and 20:45Z)
            ImportReport r = importEvents(f,
                    vevent("sched-tldops-2", "20240303T204500Z", "20240303T214500Z", "TLD-OPS Steering Committee"),
                    vevent("sched-tldops-1", "20240303T191500Z", "20240303T201500Z", "TLD-OPS Steering Committee"));

            assertThat(r.added()).isEmpty();
            assertThat(f.bot().calendar().event("tldops-79-a").orElseThrow().start())
                    .isEqualTo(Instant.parse("2024-03-03T19:15:00Z"));
            assertThat(f.bot().calendar().event("tldops-79-b").orElseThrow().start())
                    .isEqualTo(Instant.parse("2024-03-03T20:45:00Z"));
            assertThat(ofCommitteeOn(f, "TLD-OPS", LocalDate.of(2024, 3, 3))).hasSize(2);
        }
    }

    @Test
    void anotherSessionOfTheCommitteeThatDayStandsApartAndASessionAtTheSeedsOwnStartKeepsIt() throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(Instant.parse("2024-02-20T12:00:00Z"))
                .open(dir)) {
            // a prep call hours before the Council meeting is not the meeting; the meeting at its seeded start is
            ImportReport r = importEvents(f,
                    vevent("cal-prep", "20240307T120000Z", "20240307T123000Z", "ccNSO Council prep call"),
                    vevent("cal-203", "20240307T170000Z", "20240307T183000Z", "ccNSO Council meeting 203"));

            assertThat(r.added()).containsExactly("ccNSO Council prep call");
            assertThat(f.bot().calendar().event("council-203").orElseThrow().sourceUid()).isEqualTo("cal-203");
            assertThat(ofCommitteeOn(f, "Council", LocalDate.of(2024, 3, 7))).hasSize(2);
        }
    }
}
