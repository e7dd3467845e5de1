package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 14: staff alerts grouped, at most one per kind of failure per 10 minutes, with counts and reasons. */
class GroupedAlertsTest {
    static final Destination STAFF = DeliveryFailureTest.STAFF;

    @TempDir
    Path dir;

    @Test
    void thirtyClosedDmsGiveOneAlertAtOnceThenOneSummaryAfterTenMinutes() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> a.destination() instanceof Destination.DirectMessage
                    ? RecordingPlatform.failure("cannot send messages to this user", false) : d.deliver());
            for (int i = 0; i < 30; i++) {
                f.say("member" + i, "subscribe council-300");
            }
            f.start(false);
            f.clock().set(DeliveryFailureTest.DUE);
            f.outbox().fireDue();
            f.outbox().fireDue();

            List<Attempt> first = f.platform().deliveredTo(STAFF);
            assertThat(first).singleElement().satisfies(a -> assertThat(a.text())
                    .contains("could not be delivered").contains("cannot send messages to this user"));

            f.clock().advance(Duration.ofMinutes(9));
            f.outbox().fireDue();
            assertThat(f.platform().deliveredTo(STAFF)).as("nothing more within the 10 minutes").hasSize(1);

            f.clock().advance(Duration.ofMinutes(1));
            f.outbox().fireDue();
            List<Attempt> alerts = f.platform().deliveredTo(STAFF);
            assertThat(alerts).hasSize(2);
            assertThat(alerts.get(1).text()).startsWith("29 more reminder deliveries to DMs on chat failed for good")
                    .contains("cannot send messages to this user (29)").contains("First ones: The 24h reminder of");
            assertThat(f.outbox().stats().failed()).isEqualTo(30);
            assertThat(f.outbox().stats().alerts()).isEqualTo(2);
        }
    }

    @Test
    void aSecondFailureLongAfterTheFirstIsAlertedAtOnce() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.platform().behaviour((a, d) -> a.destination().equals(DeliveryFailureTest.BOB)
                    ? RecordingPlatform.failure("cannot send messages to this user", false) : d.deliver());
            f.say("bob", "subscribe council-300");
            f.start(false);
            f.clock().set(DeliveryFailureTest.DUE);
            f.outbox().fireDue();
            assertThat(f.platform().deliveredTo(STAFF)).hasSize(1);

            f.clock().set(ReminderServiceTest.COUNCIL_1H);
            f.outbox().fireDue();
            assertThat(f.platform().deliveredTo(STAFF)).hasSize(2);
            assertThat(f.platform().deliveredTo(STAFF).get(1).text()).contains("1h reminder").contains("could not be delivered");
        }
    }
}
