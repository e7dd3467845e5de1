package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.port.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.features.subscriptions.Subscriptions;
class SubscriptionCommandsTest {
    @TempDir
    Path dir;

    @Test
    void subscribeUnsubscribeAndListRoundTripOnARealFile() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            Reply r = f.platform().exec("alice", "subscribe council");
            assertThat(r.personal()).isTrue();
            assertThat(r.text()).startsWith("You will get reminders of committee Council by direct message");
            assertThat(f.say("alice", "subscribe Council")).startsWith("You already get reminders of committee Council");
            assertThat(f.say("alice", "subscribe council-300")).contains("event council-300");
            assertThat(f.say("alice", "subscribe guidelines review committee")).contains("committee GRC");
            assertThat(f.say("alice", "subscribe all")).contains("all events");
            assertThat(f.say("bob", "subscriptions")).startsWith("You have no subscriptions");
        }
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            Reply list = f.platform().exec("alice", "subscriptions");
            assertThat(list.personal()).isTrue();
            assertThat(list.text()).contains("all events, committee Council, committee GRC, event council-300");
            assertThat(f.say("alice", "unsubscribe grc")).isEqualTo("You will no longer get reminders of committee GRC.");
            assertThat(f.say("alice", "unsubscribe tld-ops")).startsWith("You were not subscribed to committee TLD-OPS;")
                    .contains("yours: all events, committee Council, event council-300");
            assertThat(f.say("alice", "unsubscribe everything")).contains("Removed all 3 of your subscriptions");
            assertThat(f.say("alice", "subscriptions")).startsWith("You have no subscriptions");
            assertThat(f.bot().subscriptions().of("chat", "alice")).isEmpty();
        }
    }

    @Test
    void anUnknownCommitteeOrEventGetsAOneLineReasonAndTheClosestMatches() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            Reply r = f.platform().exec("alice", "subscribe councl-300");
            assertThat(r.personal()).isTrue();
            assertThat(r.text()).doesNotContain("\n").startsWith("No committee or event called 'councl-300'")
                    .contains("did you mean").contains("council-300");
            assertThat(f.say("alice", "subscribe grx webinar")).startsWith("No committee or event called")
                    .contains("did you mean");
            assertThat(f.say("alice", "unsubscribe grc-webinr")).startsWith("No committee or event called 'grc-webinr'")
                    .contains("did you mean").contains("grc-webinar");
            assertThat(f.say("alice", "subscribe")).contains("needs a topic");
            assertThat(f.bot().subscriptions().of("chat", "alice")).isEmpty();
        }
    }

    @Test
    void subscriptionsArePerPlatformAndUser() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe all");
            Subscriptions s = f.bot().subscriptions();
            assertThat(s.of("chat", "alice")).containsExactly(Subscriptions.Topic.ALL);
            assertThat(s.of("other", "alice")).isEmpty();
            assertThat(s.of("chat", "bob")).isEmpty();
        }
    }
}
