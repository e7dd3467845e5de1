package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.outbox.JobState;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A platform that fails transiently, fails for good, or answers slowly: nothing lost, nothing repeated, one alert. */
class DeliveryFailureTest {
    static final Instant DUE = ReminderServiceTest.COUNCIL_24H;
    static final Destination STAFF = new Destination.Channel("chat", "staff");
    static final Destination BOB = new Destination.DirectMessage("chat", "bob");

    @TempDir
    Path dir;

    @Test
    void transientFailuresAreRetriedWithBackoffOnTheInjectedClockAndLandOnce() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> a.attemptOfKey() <= 2 ? RecordingPlatform.failure("HTTP 503", true) : d.deliver());
            f.say("bob", "subscribe all");
            f.start(false);
            f.clock().set(DUE);
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(2);
            assertThat(f.platform().delivered()).isEmpty();
            // jitter pinned to 0: the first retry waits half of 30 s, the second half of 60 s
            f.clock().advance(Duration.ofSeconds(14));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(2);
            f.clock().advance(Duration.ofSeconds(1));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(4);
            assertThat(f.outbox().nextDue()).contains(DUE.plusSeconds(15 + 30));
            f.clock().advance(Duration.ofSeconds(30));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(6);
            assertThat(f.platform().delivered()).hasSize(2);
            assertThat(f.platform().delivered()).allSatisfy(a -> assertThat(a.attemptOfKey()).isEqualTo(3));
            assertThat(f.platform().deliveredTo(STAFF)).isEmpty();
            assertThat(f.outbox().stats().rowsByState()).containsEntry(JobState.SENT, 2).containsEntry(JobState.FAILED, 0);
            assertThat(f.outbox().stats().retried()).isEqualTo(4);
        }
    }

    @Test
    void aPermanentFailureIsNotRetriedAndTheStaffChannelGetsOneAlert() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> a.destination().equals(BOB)
                    ? RecordingPlatform.failure("cannot send messages to this user", false) : d.deliver());
            f.say("bob", "subscribe all");
            f.say("alice", "subscribe all");
            f.start(false);
            f.clock().set(DUE);
            f.outbox().fireDue();
            for (int i = 0; i < 5; i++) {
                f.clock().advance(Duration.ofHours(1));
                f.outbox().fireDue();
            }
            assertThat(f.platform().attempts().stream().filter(a -> a.destination().equals(BOB))).hasSize(1);
            List<Attempt> alerts = f.platform().deliveredTo(STAFF);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).text()).contains("ccNSO Council meeting 300 [council-300]")
                    .contains("the DMs of bob on chat").contains("cannot send messages to this user")
                    .contains("24h reminder");
            assertThat(f.platform().texts()).filteredOn(t -> t.startsWith("Reminder")).hasSize(2); // the channel and alice
        }
    }

    @Test
    void afterMaxAttemptsTransientFailuresTheRowFailsAndOneAlertIsSent() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> a.destination().equals(BOB)
                    ? RecordingPlatform.failure("HTTP 502", true) : d.deliver());
            f.say("bob", "subscribe council-300");
            f.start(false);
            f.clock().set(DUE);
            f.outbox().fireDue();
            for (int i = 0; i < 10; i++) {
                f.clock().advance(Duration.ofMinutes(5));
                f.outbox().fireDue();
            }
            // maxAttempts is 3 in the fixture's config
            assertThat(f.platform().attempts().stream().filter(a -> a.destination().equals(BOB)
                    && a.text().contains("24 hours"))).hasSize(3);
            assertThat(f.platform().deliveredTo(STAFF)).hasSize(1);
            assertThat(f.outbox().stats().failed()).isEqualTo(1);
            assertThat(f.outbox().stats().alerts()).isEqualTo(1);
        }
    }

    @Test
    void aSlowPlatformGetsEveryMessageOnceAndALateAnswerAfterTheTimeOutIsNotRepeated() throws Exception {
        Executor later = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
        Executor soon = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            // every answer comes from another thread; bob's first answer comes after the 100 ms time-out
            f.platform().behaviour((a, d) -> {
                Executor when = a.destination().equals(BOB) && a.attemptOfKey() == 1 ? later : soon;
                return CompletableFuture.supplyAsync(() -> null, when).thenCompose(x -> d.deliver());
            });
            for (String u : List.of("alice", "bob", "carol", "dave")) {
                f.say(u, "subscribe council");
            }
            f.start(false, s -> s.sendTimeout(Duration.ofMillis(100)));
            f.clock().set(DUE);
            f.outbox().fireDue();
            assertThat(f.platform().awaitDelivered(5, Duration.ofSeconds(10))).isTrue();
            f.clock().advance(Duration.ofMinutes(1));
            f.outbox().fireDue();
            f.clock().advance(Duration.ofMinutes(5));
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).hasSize(5);
            assertThat(f.platform().delivered().stream().map(Attempt::key).distinct()).hasSize(5);
            assertThat(f.platform().deliveredTo(STAFF)).isEmpty();
            assertThat(f.outbox().stats().rowsByState()).containsEntry(JobState.SENT, 5).containsEntry(JobState.SENDING, 0)
                    .containsEntry(JobState.FAILED, 0);
        }
    }

    @Test
    void aPlatformThatThrowsInsteadOfFailingTheFutureIsContained() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> {
                if (a.attemptOfKey() == 1) {
                    throw new IllegalStateException("adapter bug");
                }
                return d.deliver();
            });
            f.start(false);
            f.clock().set(DUE);
            f.outbox().fireDue();
            f.clock().advance(Duration.ofMinutes(1));
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).hasSize(1);
        }
    }
}
