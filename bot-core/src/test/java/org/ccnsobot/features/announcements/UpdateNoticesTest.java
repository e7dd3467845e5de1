package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.port.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committee's followers are told of its new updates by DM, once each, through the ledger (the reminders' hook on
 * {@code CalendarService.onUpdateAdded}), alongside announcements and the digest on the same ledger.
 */
class UpdateNoticesTest {
    @TempDir
    Path dir;

    @Test
    void followersOfTheCommitteeGetOneDmEachOthersNone() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            f.say(f.platform("disc"), "ana", "subscribe GRC");
            f.say(f.platform("slk"), "U-BEN", "subscribe grc");
            f.say(f.platform("disc"), "carl", "subscribe Council");
            f.bot().calendar().addUpdate(new CommitteeUpdate(0, "GRC", f.clock().instant(), "staff",
                    "The GRC published its draft report for comment."));
            f.fire();
            assertThat(f.platform("disc").deliveredTo(new Destination.DirectMessage("disc", "ana"))).singleElement()
                    .satisfies(a -> assertThat(a.text()).contains("GRC").contains("The GRC published its draft report for comment."));
            assertThat(f.platform("slk").deliveredTo(new Destination.DirectMessage("slk", "U-BEN"))).hasSize(1);
            assertThat(f.platform("disc").deliveredTo(new Destination.DirectMessage("disc", "carl"))).isEmpty();
            assertThat(f.platform("disc").delivered().stream().filter(a -> a.destination() instanceof Destination.Channel)).isEmpty();

            f.restart();
            f.clock().set(Instant.parse("2024-03-02T12:00:00Z"));
            f.fire();
            assertThat(f.platform("disc").attempts()).hasSize(1);
            assertThat(f.platform("slk").attempts()).hasSize(1);
        }
    }
}
