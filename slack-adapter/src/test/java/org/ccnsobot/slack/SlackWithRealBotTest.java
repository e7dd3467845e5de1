package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.testing.BotFixture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.features.subscriptions.Subscriptions.Topic;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole bot on Slack: real Bolt, the real core on a seeded SQLite file, the fake Slack on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackWithRealBotTest {
    @TempDir
    Path dir;

    @Test
    void aMemberAsksInPlainWordsAndGetsTheCouncilMeetingWithALocalTimeToken() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                fake.connection(1).get(10, TimeUnit.SECONDS);
                String url = fake.responseUrl("real-1");
                ObjectNode p = FakeSlack.JSON.createObjectNode();
                p.put("team_id", "T0CCNSO");
                p.put("channel_id", "C0GENERAL");
                p.put("user_id", "U0MEMBER");
                p.put("user_name", "alice");
                p.put("command", "/ccnso");
                p.put("text", "when is the next council meeting?");
                p.put("api_app_id", "A0CCNSO");
                p.put("response_url", url);
                p.put("trigger_id", "1.2.3");
                fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
                JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
                long epoch = Instant.parse("2024-02-15T18:00:00Z").getEpochSecond();
                assertThat(answer.get("text").asText()).contains("ccNSO Council meeting 202");
                assertThat(answer.get("blocks").toString()).contains("<!date^" + epoch + "^")
                        .contains("\"value\":\"council-202\"");

                String bad = fake.responseUrl("real-2");
                p.put("text", "nxet");
                p.put("response_url", bad);
                fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
                JsonNode refusal = fake.await(bad.substring(bad.indexOf("/respond/"))).bodyJson();
                assertThat(refusal.get("response_type").asText()).isEqualTo("ephemeral");
                assertThat(refusal.toString()).contains("did you mean next?");
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void aMentionSubscribesAsOnDiscordAndTheSubscribeButtonSubscribesThroughATypedInvocation() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(bot.clock()));
            Subscriptions subscriptions = Subscriptions.sqlite(bot.database());
            try {
                platform.start(bot);
                fake.connection(1).get(10, TimeUnit.SECONDS);

                // plain words: core decides it is the subscribe command, as for a Discord mention or a console line
                fake.push("events_api", SlackSocketModeEndToEndTest.event("Ev0SUB", """
                        {"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> subscribe council",
                         "ts":"1700000100.000100","channel":"C0GENERAL","event_ts":"1700000100.000100"}"""))
                        .get(10, TimeUnit.SECONDS);
                FakeSlack.Call confirm = fake.await("chat.postEphemeral",
                        c -> "U0MEMBER".equals(c.form().get("user")));
                assertThat(confirm.form().get("text")).contains("committee Council");
                assertThat(subscriptions.of("slack", "U0MEMBER")).containsExactly(Topic.committee("Council"));

                // the button on an event card: subscribe with topic=council-202, no text for core to parse
                String url = fake.responseUrl("real-click");
                ObjectNode click = (ObjectNode) FakeSlack.JSON.readTree("""
                        {"type":"block_actions","user":{"id":"U0MEMBER","username":"alice","team_id":"T0CCNSO"},
                         "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.3",
                         "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C0GENERAL",
                                      "is_ephemeral":false},
                         "team":{"id":"T0CCNSO","domain":"ccnso"},"channel":{"id":"C0GENERAL","name":"general"},
                         "actions":[{"action_id":"subscribe_event","block_id":"b1","value":"council-202",
                                     "type":"button","text":{"type":"plain_text","text":"Subscribe"},
                                     "action_ts":"1700000200.000300"}]}
                        """);
                click.put("response_url", url);
                fake.push("interactive", click).get(10, TimeUnit.SECONDS);
                JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
                assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
                assertThat(answer.get("text").asText()).contains("event council-202");
                assertThat(subscriptions.of("slack", "U0MEMBER"))
                        .containsExactlyInAnyOrder(Topic.committee("Council"), Topic.event("council-202"));
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void aPublicAnswersFallbackTextNeverShowsTheAskersPrivateZoneWhileTheirDmDoes() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                fake.connection(1).get(10, TimeUnit.SECONDS);
                ObjectNode p = FakeSlack.JSON.createObjectNode();
                p.put("team_id", "T0CCNSO");
                p.put("channel_id", "C0GENERAL");
                p.put("user_id", "U0TOKYO");
                p.put("user_name", "kenji");
                p.put("command", "/ccnso");
                p.put("api_app_id", "A0CCNSO");
                p.put("trigger_id", "1.2.3");
                String set = fake.responseUrl("zone-1");
                p.put("text", "timezone Asia/Tokyo");
                p.put("response_url", set);
                fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
                JsonNode zone = fake.await(set.substring(set.indexOf("/respond/"))).bodyJson();
                assertThat(zone.get("response_type").asText()).isEqualTo("ephemeral");
                assertThat(zone.get("text").asText()).contains("Asia/Tokyo");

                String url = fake.responseUrl("zone-2");
                p.put("text", "when is the next council meeting?");
                p.put("response_url", url);
                fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
                JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
                long epoch = Instant.parse("2024-02-15T18:00:00Z").getEpochSecond();
                assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
                // the fallback everyone's notification shows: UTC, never the asker's 03:00 JST
                assertThat(answer.get("text").asText()).contains("Thu 15 Feb 2024 18:00 UTC")
                        .doesNotContain("JST").doesNotContain("+09").doesNotContain("03:00");
                // and each reader's own time through Slack's token, whose own fallback is UTC
                assertThat(answer.get("blocks").toString()).contains("<!date^" + epoch + "^")
                        .doesNotContain("JST");

                // the same question by DM is theirs alone: their zone
                fake.push("events_api", SlackSocketModeEndToEndTest.event("Ev0TOKYODM", """
                        {"type":"message","channel_type":"im","user":"U0TOKYO","text":"when is the next council meeting?",
                         "ts":"1700000300.000300","channel":"D0TOKYO","event_ts":"1700000300.000300"}"""))
                        .get(10, TimeUnit.SECONDS);
                FakeSlack.Call dm = fake.await("chat.postMessage", c -> "D0TOKYO".equals(c.form().get("channel")));
                assertThat(dm.form().get("text")).contains("Fri 16 Feb 2024 03:00 JST");
            } finally {
                platform.close();
            }
        }
    }
}
