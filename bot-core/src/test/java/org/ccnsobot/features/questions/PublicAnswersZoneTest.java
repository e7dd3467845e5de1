package org.ccnsobot.features.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's zone is theirs: an answer the whole channel reads writes its times in UTC with the venue's time beside
 * (rich platforms add native tokens that show each reader their own time); a DM, an ephemeral answer or the console
 * writes them in the asker's zone. The question itself ("today") is still read in the asker's zone.
 */
class PublicAnswersZoneTest {
    private static final Place DM = new Place("test", "dm-member-1", true);

    @TempDir
    Path dir;

    private static Reply inChannel(Bot bot, String text) {
        return bot.handle(Invocation.text(BotFixture.MEMBER, BotFixture.PLACE, text, bot.clock().instant()));
    }

    private static Reply byDm(Bot bot, String text) {
        return bot.handle(Invocation.text(BotFixture.MEMBER, DM, text, bot.clock().instant()));
    }

    @Test
    void aTokyoMemberAskingInAChannelGetsUtcAndByDmTheirOwnZone() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(byDm(bot, "timezone Asia/Tokyo").text()).contains("Asia/Tokyo");

            String pub = inChannel(bot, "when is the next council meeting?").text();
            assertThat(pub).contains("ccNSO Council meeting 202").contains("Thu 15 Feb 2024 18:00 UTC")
                    .doesNotContain("JST").doesNotContain("+09").doesNotContain("03:00");
            String dm = byDm(bot, "when is the next council meeting?").text();
            assertThat(dm).contains("Fri 16 Feb 2024 03:00 JST (18:00 UTC Thu)");

            // typed commands and command lines alike: next, a committee's page, a meeting's schedule with venue time
            Reply typed = bot.handle(Invocation.command(BotFixture.MEMBER, BotFixture.PLACE, "next",
                    java.util.Map.of(), bot.clock().instant()));
            for (String text : new String[] {typed.text(), inChannel(bot, "next").text(),
                inChannel(bot, "committee council").text(), inChannel(bot, "week").text()}) {
                assertThat(text).contains(" UTC").doesNotContain("JST").doesNotContain("+09");
            }
            bot.calendar().saveEvent(new Event("icann79-timed", "ccNSO timed test session", "session", "ICANN79",
                    Instant.parse("2024-03-05T14:30:00Z"), Instant.parse("2024-03-05T16:00:00Z"),
                    LocalDate.of(2024, 3, 5), ZoneId.of("America/Puerto_Rico"), "209 ABC", Access.OPEN, null, List.of(),
                    List.of(), EventStatus.SCHEDULED, null, null, 0));
            for (String q : new String[] {"schedule ICANN79", "event icann79-timed", "when is the timed test session"}) {
                assertThat(inChannel(bot, q).text()).as(q).contains("14:30 UTC").contains("10:30 AST, San Juan")
                        .doesNotContain("JST");
                assertThat(byDm(bot, q).text()).as(q).contains("23:30 JST").contains("10:30 AST, San Juan");
            }
        }
    }

    @Test
    void theDayAskedAboutIsStillTheAskersDay() throws Exception {
        // 16:00 UTC on Wed 14 Feb is 01:00 on Thu 15 Feb in Tokyo: "today" is Thursday for the asker
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-02-14T16:00:00Z")))) {
            byDm(bot, "timezone Asia/Tokyo");
            String pub = inChannel(bot, "what's on today?").text();
            assertThat(pub).contains("Thu 15 Feb 2024").doesNotContain("JST");
            assertThat(byDm(bot, "what's on today?").text()).contains("Thu 15 Feb 2024");
        }
    }

    @Test
    void channelRemindersAndChangeNoticesAreInUtcWhateverTheBotsDefaultZone() throws Exception {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        try (BotFixture f = BotFixture.remindersWorld().config(c -> new BotConfig(c.database(), c.calendar(), tokyo,
                c.staff(), c.reminders(), c.platforms(), c.source(), c.updates(), c.feeds(), c.digest(), c.logging(),
                c.sources())).open(dir)) {
            f.start(false);
            f.clock().set(Instant.parse("2024-03-09T18:00:00Z")); // council-300's 24 h reminder
            f.outbox().fireDue();
            Destination channel = new Destination.Channel("chat", "announcements");
            assertThat(f.platform().deliveredTo(channel)).singleElement().extracting(Attempt::text).asString()
                    .contains("Sun 10 Mar 2024 18:00 UTC").doesNotContain("JST");
            // a member who never set a zone reads the bot's default in a DM: that is theirs, not public
            assertThat(f.say("alice", "next council")).contains("JST");
        }
    }
}
