package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.util.Set;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.bot.Bot;
class RateLimitTest {
    @TempDir
    Path dir;

    @Test
    void aMemberIsLimitedPerMinuteOnTheBotsClockAndStaffAreNot() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        Place place = new Place("chat", "c", false);
        Actor member = new Actor("chat", "m", "m", Set.of());
        Actor boss = new Actor("chat", "boss", "b", Set.of());
        try (BotFixture f = BotFixture.builder().clock(clock).staff("chat", "boss").open(dir)) {
            Bot bot = f.bot();
            for (int i = 0; i < Bot.RATE_LIMIT; i++) {
                assertThat(bot.handle(Invocation.text(member, place, "next", clock.instant())).text()).startsWith("Next up");
            }
            assertThat(bot.handle(Invocation.text(member, place, "next", clock.instant())).text())
                    .startsWith("You are sending requests faster");
            for (int i = 0; i < Bot.RATE_LIMIT * 2; i++) {
                assertThat(bot.handle(Invocation.text(boss, place, "next", clock.instant())).text()).startsWith("Next up");
            }
            clock.advance(Duration.ofSeconds(61));
            assertThat(bot.handle(Invocation.text(member, place, "next", clock.instant())).text()).startsWith("Next up");
        }
    }
}
