package org.ccnsobot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The send throttles on a fake time source: each wait is counted and moves the fake time on, so nothing sleeps. A
 * platform's per-destination limit holds each channel and DM to its own pace, without slowing the others.
 */
class ThrottleTest {
    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    /** Time that only moves when the throttle waits. */
    static final class FakeTime implements Throttle.Time {
        long now = 1_000_000_000L;
        final List<Long> parks = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void park(long nanos) {
            parks.add(nanos);
            now += nanos;
        }
    }

    @TempDir
    Path dir;

    @Test
    void aBucketSpendsItsBurstThenWaitsOneIntervalPerSend() throws Exception {
        FakeTime time = new FakeTime();
        Throttle t = new Throttle(new SendLimits(2, 3), time);
        for (int i = 0; i < 3; i++) {
            t.acquire();
        }
        assertThat(time.parks).isEmpty();
        t.acquire();
        t.acquire();
        assertThat(time.parks).containsExactly(500_000_000L, 500_000_000L);
        time.now += 10_000_000_000L;
        for (int i = 0; i < 3; i++) {
            t.acquire();
        }
        assertThat(time.parks).as("refilled to its burst, not beyond").hasSize(2);
    }

    @Test
    void eachDestinationKeepsItsOwnPaceAndTheOthersAreNotHeldToIt() throws Exception {
        FakeTime time = new FakeTime();
        ManualClock clock = new ManualClock(T);
        RecordingPlatform platform = new RecordingPlatform("chat", clock)
                .destinationLimits(new SendLimits(1, 1));
        Destination news = new Destination.Channel("chat", "news");
        Destination alice = new Destination.DirectMessage("chat", "alice");
        try (Database db = Database.open(dir.resolve("bot.db"));
             Outbox outbox = Outbox.create(db, clock, PlatformRegistry.of(List.of(platform)), d -> ZoneId.of("UTC"))
                     .throttleTime(time)) {
            OutboxTest.PingKind kind = new OutboxTest.PingKind();
            outbox.register(kind);
            outbox.start(false);
            List<NewJob<OutboxTest.Ping>> jobs = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                jobs.add(new NewJob<>("p" + i, "1", news, T, new OutboxTest.Ping("news " + i, T)));
            }
            for (int i = 1; i <= 3; i++) {
                jobs.add(new NewJob<>("p" + i, "1", alice, T, new OutboxTest.Ping("alice " + i, T)));
            }
            outbox.enqueue(kind, jobs);
            outbox.fireDue();
            assertThat(platform.attempts()).hasSize(6);
            // two waits of one second in each destination; one shared bucket would have waited five times
            assertThat(time.parks).hasSize(4).allSatisfy(n -> assertThat(n).isEqualTo(1_000_000_000L));
        }
    }
}
