package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up plans only the reminders that can fall due within days and leaves the rest to a background planner
 * (so a large calendar does not hold up the first answer). These pin what that must never cost: an event weeks
 * ahead is still planned without anything firing, and a clock that jumps ahead of the planner still sends each
 * reminder once.
 */
class ReminderPlanningTest {
    @TempDir
    Path dir;

    @Test
    void anEventBeyondTheStartUpWindowIsPlannedInTheBackgroundWithoutAnyFiring() throws Exception {
        // the fixture's clock is 1 March; the Council meets on 10 March, beyond the window planned before start returns
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            Outbox outbox = f.start(false);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            Optional<Instant> due = outbox.nextDue();
            while (!due.equals(Optional.of(ReminderServiceTest.COUNCIL_24H)) && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                due = outbox.nextDue();
            }
            assertThat(due).as("the next due job once the background planner has run").contains(
                    ReminderServiceTest.COUNCIL_24H);
        }
    }

    @Test
    void aClockThatJumpsAheadOfThePlannerRightAfterStartStillSendsEachReminderOnce() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe council");
            f.start(false);
            f.clock().set(ReminderServiceTest.COUNCIL_24H);
            f.outbox().fireDue();
            f.clock().set(ReminderServiceTest.COUNCIL_1H);
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).extracting(Attempt::destination).containsExactly(
                    ReminderServiceTest.CHANNEL, ReminderServiceTest.dm("alice"),
                    ReminderServiceTest.CHANNEL, ReminderServiceTest.dm("alice"));
        }
    }
}
