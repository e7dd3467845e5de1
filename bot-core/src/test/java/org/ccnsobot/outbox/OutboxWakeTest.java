package org.ccnsobot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job queued through another connection (as a tool in another process queues one) wakes the running sender
 * through the change log: its scheduler does not sleep past it until something else happens.
 */
class OutboxWakeTest {
    @TempDir
    Path dir;

    @Test
    void aJobQueuedByAnotherConnectionIsSentByTheRunningSenderWithoutAnyOtherNudge() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        RecordingPlatform platform = new RecordingPlatform("test", clock)
                .withChannel(ChannelRole.ANNOUNCEMENTS, "announcements");
        try (Bot bot = BotFixture.seedBot(dir, clock, platform)) {
            OutboxTest.PingKind kind = new OutboxTest.PingKind();
            bot.outbox().register(kind);
            bot.start(true);
            Instant now = clock.instant();
            try (Database other = Database.open(bot.databaseFile());
                 Outbox tool = Outbox.create(other, clock, PlatformRegistry.of(List.of()), d -> ZoneId.of("UTC"))) {
                tool.register(kind);
                assertThat(tool.enqueue(kind, List.of(new NewJob<>("from-elsewhere", "1",
                        new Destination.Channel("test", "announcements"), now, new OutboxTest.Ping("Hello", now)))))
                        .isEqualTo(1);
            }
            bot.changes().pollNow();
            // other sends (catch-up reminders at start) may land first: wait, bounded, for ours among them
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (platform.texts().stream().noneMatch(t -> t.startsWith("Hello at ")) && System.nanoTime() < deadline) {
                platform.awaitDelivered(platform.texts().size() + 1, Duration.ofMillis(200));
            }
            assertThat(platform.texts()).anySatisfy(t -> assertThat(t).startsWith("Hello at "));
        }
    }
}
