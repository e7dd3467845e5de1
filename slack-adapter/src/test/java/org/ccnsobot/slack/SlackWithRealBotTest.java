package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.SeedBots;
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
             Bot bot = SeedBots.open(dir, new ManualClock(SeedBots.NEWSLETTER_DAY))) {
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
}
