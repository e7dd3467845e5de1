package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported session of a committee on a day for which the seed holds that committee's date-only placeholder takes
 * the placeholder's place (its id, meeting, subscribers and reminders kept) instead of standing beside it; a timed
 * seed session is taken over only by a session of its committee at the same start, never by another that day.
 */
class SeedPlaceholderTest {
    @TempDir
    java.nio.file.Path dir;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-02-01T12:00:00Z")));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private ImportReport importEvents(String... vevents) throws IcsException {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sched//EN\r\nX-WR-CALNAME:icann79-sched\r\n"
                + "X-WR-TIMEZONE:UTC\r\n" + String.join("", vevents) + "END:VCALENDAR\r\n";
        return new IcsImporter(bot.calendar()).importBytes(ics.getBytes(StandardCharsets.UTF_8), "all.ics",
                ImportOptions.defaults());
    }

    private static String vevent(String uid, String start, String end, String title) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20240220T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
                + "\r\nSUMMARY:" + title + "\r\nLOCATION:El Morro\\, Level 1\r\nEND:VEVENT\r\n";
    }

    private List<Event> ofCommitteeOn(String committee, LocalDate day) {
        return snapshot(bot).stream().filter(e -> e.committees().contains(committee) && e.date().equals(day)).toList();
    }

    @Test
    void theDateOnlyPlaceholderIsReplacedNotDuplicated() throws Exception {
        // the Members Meeting sessions have no published time in the seed: date-only placeholders
        BotFixture.ask(bot, "subscribe icann79-mm1-ccpdp4");
        int before = bot.calendar().store().eventCount();

        ImportReport r = importEvents(vevent("sched-ccpdp4", "20240305T140000Z", "20240305T153000Z",
                "ccNSO Members Meeting: ccPDP4 IDN ccTLDs"));

        assertThat(r.added()).isEmpty();
        assertThat(r.updated()).containsExactly("ccNSO Members Meeting: ccPDP4 IDN ccTLDs");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("replaces the seed's date-only placeholder")
                .contains("[icann79-mm1-ccpdp4]"));
        assertThat(bot.calendar().store().eventCount()).isEqualTo(before);
        List<Event> ccpdp4 = ofCommitteeOn("ccPDP4", LocalDate.of(2024, 3, 5));
        assertThat(ccpdp4).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("icann79-mm1-ccpdp4");
            assertThat(e.start()).isEqualTo(Instant.parse("2024-03-05T14:00:00Z"));
            assertThat(e.meetingCode()).isEqualTo("ICANN79");
            assertThat(e.zone().getId()).isEqualTo("America/Puerto_Rico");
            assertThat(e.room()).isEqualTo("El Morro, Level 1");
            assertThat(e.status()).isEqualTo(EventStatus.SCHEDULED);
            assertThat(e.sourceUid()).isEqualTo("sched-ccpdp4");
            assertThat(e.description()).contains("ccPDP4 Working Group");
        });
        assertThat(BotFixture.ask(bot, "subscriptions")).contains("icann79-mm1-ccpdp4");

        // the next look finds it by its UID: nothing added, nothing changed
        ImportReport again = importEvents(vevent("sched-ccpdp4", "20240305T140000Z", "20240305T153000Z",
                "ccNSO Members Meeting: ccPDP4 IDN ccTLDs"));
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(ofCommitteeOn("ccPDP4", LocalDate.of(2024, 3, 5))).hasSize(1);
    }

    @Test
    void ofSeveralPlaceholdersThatDayTheOneWhoseTitleMatchesIsReplaced() throws Exception {
        // 5 March holds two date-only Council sessions: the Members Meeting's Welcome and Policy Gap sessions
        importEvents(vevent("sched-gaps", "20240305T170000Z", "20240305T183000Z",
                "ccNSO Council: Policy Gap session"));
        Event gaps = bot.calendar().event("icann79-mm1-policy-gap").orElseThrow();
        Event welcome = bot.calendar().event("icann79-mm1-welcome").orElseThrow();
        assertThat(gaps.dateOnly()).isFalse();
        assertThat(gaps.sourceUid()).isEqualTo("sched-gaps");
        assertThat(welcome.dateOnly()).isTrue();
        assertThat(ofCommitteeOn("Council", LocalDate.of(2024, 3, 5))).hasSize(2);
    }

    @Test
    void aTimedSeedSessionIsTakenOverOnlyAtItsOwnStart() throws Exception {
        // council-202 is timed: Thu 15 Feb 2024 18:00 UTC
        ImportReport other = importEvents(vevent("cal-extra", "20240215T090000Z", "20240215T100000Z",
                "ccNSO Council prep call"));
        assertThat(other.added()).containsExactly("ccNSO Council prep call");
        assertThat(bot.calendar().event("council-202").orElseThrow().sourceUid()).isNull();
        assertThat(ofCommitteeOn("Council", LocalDate.of(2024, 2, 15))).hasSize(2);

        ImportReport same = importEvents(vevent("cal-extra", "20240215T090000Z", "20240215T100000Z",
                "ccNSO Council prep call"), vevent("cal-202", "20240215T180000Z", "20240215T200000Z",
                "ccNSO Council meeting 202"));
        assertThat(same.added()).isEmpty();
        assertThat(same.updated()).containsExactly("ccNSO Council meeting 202");
        assertThat(ofCommitteeOn("Council", LocalDate.of(2024, 2, 15))).hasSize(2);
        Event council = bot.calendar().event("council-202").orElseThrow();
        assertThat(council.sourceUid()).isEqualTo("cal-202");
        assertThat(council.end()).isEqualTo(Instant.parse("2024-02-15T20:00:00Z"));
    }
}
