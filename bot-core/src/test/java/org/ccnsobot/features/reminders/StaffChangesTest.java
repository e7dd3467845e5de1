package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff's commands change the calendar without knowing about reminders; the reminders follow. */
class StaffChangesTest {
    static final Destination CHANNEL = new Destination.Channel("chat", "announcements");
    static final Destination ALICE = new Destination.DirectMessage("chat", "alice");

    @TempDir
    Path dir;

    @Test
    void eventMoveAndCancelByStaffCommandRescheduleAndNotifyOnce() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe council");
            f.start(false);
            String moved = f.say("staffer", "event move council-300 --start 20:00");
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).as(moved).extracting(Attempt::destination).containsExactly(CHANNEL, ALICE);
            assertThat(f.platform().texts()).allSatisfy(t -> assertThat(t)
                    .startsWith("Moved: ccNSO Council meeting 300 is now Sun 10 Mar 2024 20:00 UTC"));
            f.platform().clear();
            f.clock().set(Instant.parse("2024-03-09T18:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();
            f.clock().set(Instant.parse("2024-03-09T20:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().texts()).hasSize(2).allSatisfy(t -> assertThat(t).contains("starts in 24 hours"));

            f.platform().clear();
            String cancelled = f.say("staffer", "event cancel council-300");
            f.outbox().fireDue();
            assertThat(f.platform().texts()).as(cancelled).hasSize(2)
                    .allSatisfy(t -> assertThat(t).startsWith("Cancelled: ccNSO Council meeting 300"));
            f.platform().clear();
            f.clock().set(Instant.parse("2024-03-10T19:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();
        }
    }

    @Test
    void aCommitteeUpdateReachesTheCommitteesFollowersOnceByDm() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe grc");
            f.say("bob", "subscribe all");
            f.start(false);
            String posted = f.say("staffer", "update GRC The guidelines review is out for comment.");
            f.outbox().fireDue();
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).as(posted).singleElement().satisfies(a -> {
                assertThat(a.destination()).isEqualTo(ALICE);
                assertThat(a.text()).isEqualTo("GRC update from staffer: The guidelines review is out for comment.");
            });
        }
    }
}
