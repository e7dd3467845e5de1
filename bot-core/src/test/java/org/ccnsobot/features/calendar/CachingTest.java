package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.ask;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.bot.Bot;
/** The caches never serve a stale answer: a write is visible to the very next query. */
class CachingTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrChangedEventIsVisibleToTheNextQuery() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            // Warm every cache first.
            assertThat(ask(bot, "when is the hackathon")).startsWith("Nothing in the calendar matches");
            assertThat(ask(bot, "event council-202")).contains("ccNSO Council meeting 202");

            Event hack = new Event("hackathon", "DNS Hackathon", "workshop", null, Instant.parse("2024-02-12T09:00:00Z"),
                    null, LocalDate.of(2024, 2, 12), ZoneId.of("UTC"), null, null, null, List.of("TechWG"), List.of(),
                    null, null, null, 0);
            bot.calendar().saveEvent(hack);
            assertThat(ask(bot, "when is the hackathon")).startsWith("DNS Hackathon");
            assertThat(ask(bot, "next")).contains("DNS Hackathon");

            Event council = bot.calendar().event("council-202").orElseThrow();
            bot.calendar().saveEvent(new Event(council.id(), "ccNSO Council meeting 202 (renamed)", council.kind(),
                    council.meetingCode(), council.start(), council.end(), council.date(), council.zone(), council.room(),
                    council.access(), council.description(), council.committees(), council.links(), council.status(),
                    council.source(), council.sourceUid(), council.sequence()));
            assertThat(ask(bot, "event council-202")).contains("(renamed)");
        }
    }

    @Test
    void theUpcomingWindowAnswersExactlyAsTheStoreDoes() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            Instant t = Instant.parse("2024-02-01T00:00:00Z");
            while (t.isBefore(Instant.parse("2024-03-10T00:00:00Z"))) {
                for (int limit : new int[] {1, 5, 20}) {
                    assertThat(bot.calendar().upcoming(t, limit)).as("at %s, %d", t, limit)
                            .isEqualTo(bot.calendar().store().upcoming(t, limit));
                }
                t = t.plusSeconds(5 * 3600);
            }
        }
    }

    @Test
    void aNewCommitteeUpdateIsVisibleToTheNextQuery() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(ask(bot, "committee DASC")).doesNotContain("Abuse report published");
            bot.calendar().addUpdate(new CommitteeUpdate(0, "DASC", Instant.parse("2024-02-09T00:00:00Z"), "staff",
                    "Abuse report published"));
            assertThat(ask(bot, "committee DASC")).contains("Fri 9 Feb 2024 (staff): Abuse report published");
        }
    }

    @Test
    void aNewCommitteeIsVisibleAfterACalendarWrite() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(ask(bot, "committees")).doesNotContain("NEWC");
            bot.calendar().saveAll(new org.ccnsobot.features.calendar.CalendarData(
                    List.of(new Committee("NEWC", "New Committee", null, null, List.of())), List.of(), List.of(), List.of()));
            assertThat(ask(bot, "committees")).contains("NEWC — New Committee");
        }
    }
}
