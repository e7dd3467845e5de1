package org.ccnsobot.features.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.ask;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Reply;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.bot.Bot;
/** The questions the February 2024 newsletter answers, asked of the bot with its clock on 10 February 2024. */
class NewsletterQuestionsTest {
    @TempDir
    Path dir;
    Bot bot;
    ManualClock clock;

    @BeforeEach
    void open() throws Exception {
        clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        bot = BotFixture.seedBot(dir, clock);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void whenIsTheNextCouncilMeeting() {
        String answer = ask(bot, "when is the next council meeting?");
        assertThat(answer.lines().findFirst()).contains("ccNSO Council meeting 202");
        assertThat(answer).contains("When: Thu 15 Feb 2024 18:00 UTC (in 5 days)");
    }

    @Test
    void caseAndSmallTyposDoNotMatter() {
        assertThat(ask(bot, "WHEN IS THE NEXT COUNCIL MEETING")).startsWith("ccNSO Council meeting 202");
        assertThat(ask(bot, "when is the nxt councl meetng")).startsWith("ccNSO Council meeting 202");
    }

    @Test
    void afterCouncil202TheNextCouncilMeetingIsAtIcann79OnThursdaySeventhOfMarch() {
        clock.set(Instant.parse("2024-02-16T00:00:00Z"));
        String answer = ask(bot, "when is the next council meeting?");
        assertThat(answer).startsWith("ccNSO Council public meeting 203 at ICANN79");
        assertThat(answer).contains("Thu 7 Mar 2024 (time not yet announced) · San Juan");
    }

    @Test
    void whatIsOnTechDay() {
        String answer = ask(bot, "what's on tech day");
        assertThat(answer).startsWith("Tech Day");
        assertThat(answer).contains("Mon 4 Mar 2024").contains("San Juan").contains("technical, operational and security");
    }

    @Test
    void aCommitteeByAcronymOrFullName() {
        assertThat(ask(bot, "grc")).startsWith("Guidelines Review Committee (GRC)")
                .contains("Wed 14 Feb 2024 14:00 UTC — Virtual Open Space Session")
                .contains("Latest updates:");
        assertThat(ask(bot, "guidelines reveiw committee")).startsWith("Guidelines Review Committee (GRC)");
        assertThat(ask(bot, "committee tld ops")).startsWith("TLD-OPS Standing Committee (TLD-OPS)");
        assertThat(ask(bot, "Internet Governance Liaison Committee")).startsWith("Internet Governance Liaison Committee (IGLC)");
    }

    @Test
    void theOpenSpaceSession() {
        assertThat(ask(bot, "when is the open space session?")).contains("Wed 14 Feb 2024 14:00 UTC (in 4 days)")
                .contains("https://icann.zoom.us/meeting/register/");
    }

    @Test
    void theMembersMeetingDays() {
        assertThat(ask(bot, "schedule 5 march")).contains("Members Meeting day 1: Welcome Session")
                .contains("Internet Fragmentation").doesNotContain("day 2");
        assertThat(ask(bot, "what is on 6 march")).contains("Members Meeting day 2: ccTLD News Session");
        assertThat(ask(bot, "when is the internet fragmentation session")).contains("Tue 5 Mar 2024");
    }

    @Test
    void theWholeIcann79Schedule() {
        String answer = ask(bot, "schedule icann79");
        assertThat(answer).startsWith("ICANN79 Community Forum, San Juan, Sat 2 Mar 2024 to Thu 7 Mar 2024");
        // the newsletter's 15 sessions and the 8 more of the ccNSO's draft schedule (GRC x2, RCB, Tech WG,
        // TLD-OPS x2, SOPC, CSC)
        assertThat(answer.lines().filter(l -> l.startsWith("• "))).hasSize(23);
    }

    @Test
    void nextTodayAndWeek() {
        assertThat(ask(bot, "next")).startsWith("Next up:\nVirtual Open Space Session");
        assertThat(ask(bot, "/next grc")).contains("Next for the GRC:").contains("Open Space");
        assertThat(ask(bot, "week")).contains("Wed 14 Feb 2024 14:00 UTC").contains("Thu 15 Feb 2024 18:00 UTC")
                .doesNotContain("20 Feb");
        assertThat(ask(bot, "today")).contains("Nothing in the calendar today.");
        clock.set(Instant.parse("2024-03-04T10:00:00Z"));
        assertThat(ask(bot, "today")).contains("Tech Day");
    }

    @Test
    void timesAreShownInTheMembersOwnZoneOnceSet() {
        Reply set = BotFixture.reply(bot, "timezone Europe/Brussels");
        assertThat(set.personal()).isTrue();
        assertThat(set.text()).contains("Europe/Brussels");
        // personal answers (a DM, the console) read in the member's zone; a channel's answer stays in UTC
        assertThat(bot.handle(org.ccnsobot.port.Invocation.text(BotFixture.MEMBER,
                new org.ccnsobot.port.Place("test", "dm-1", true), "when is the next council meeting?",
                bot.clock().instant())).text()).contains("When: Thu 15 Feb 2024 19:00 CET (18:00 UTC)");
        assertThat(ask(bot, "when is the next council meeting?")).contains("When: Thu 15 Feb 2024 18:00 UTC")
                .doesNotContain("CET");
        assertThat(ask(bot, "timezone")).contains("You read times in Europe/Brussels");
    }

    @Test
    void sessionsOfAMeetingAlsoShowTheVenuesLocalTime() {
        ZoneId ast = ZoneId.of("America/Puerto_Rico");
        bot.calendar().saveEvent(new Event("icann79-timed", "ccNSO timed test session", "session", "ICANN79",
                Instant.parse("2024-03-05T14:30:00Z"), Instant.parse("2024-03-05T16:00:00Z"), LocalDate.of(2024, 3, 5),
                ast, "209 ABC", Access.OPEN, null, List.of(), List.of(), EventStatus.SCHEDULED, null, null, 0));
        assertThat(ask(bot, "event icann79-timed"))
                .contains("When: Tue 5 Mar 2024 14:30 UTC to 16:00 UTC · 10:30 AST, San Juan")
                .endsWith("Add it to your calendar: ics icann79-timed");
    }

    @Test
    void anEventHasACardForRichPlatforms() {
        Reply r = BotFixture.reply(bot, "event council-202");
        assertThat(r.message().blocks()).anySatisfy(b -> {
            assertThat(b).isInstanceOf(Block.EventCard.class);
            Block.EventCard card = (Block.EventCard) b;
            assertThat(card.start()).isEqualTo(Instant.parse("2024-02-15T18:00:00Z"));
            assertThat(card.committees()).containsExactly("Council");
        });
    }
}
