package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member whose Slack is in French (users.info with include_locale=true says fr-FR) is answered in French until they
 * choose another language; Slack is asked once per member. Real Bolt, the real core on a SQLite file, the fake Slack.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackLocaleTest {
    @TempDir
    Path dir;

    private int n;

    private static String french(FakeSlack.Call call) {
        return "{\"ok\":true,\"user\":{\"id\":\"" + call.form().get("user") + "\",\"name\":\"alice\""
                + (FakeSlack.asksLocale(call) ? ",\"locale\":\"fr-FR\"" : "") + "}}";
    }

    private String slash(FakeSlack fake, String text) throws Exception {
        String url = fake.responseUrl("locale-" + (++n));
        ObjectNode p = FakeSlack.JSON.createObjectNode();
        p.put("team_id", "T0CCNSO");
        p.put("channel_id", "D0ALICE");
        p.put("user_id", "U0ALICE");
        p.put("user_name", "alice");
        p.put("command", "/ccnso");
        p.put("text", text);
        p.put("api_app_id", "A0CCNSO");
        p.put("response_url", url);
        p.put("trigger_id", "1.2." + n);
        fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        return answer.get("text").asText();
    }

    @Test
    void aMemberWhoseSlackIsInFrenchGetsFrenchRepliesAndHelpUntilTheyChooseEnglish() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            fake.answer("users.info", call -> FakeSlack.Answer.ok(french(call)));
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                fake.connection(1).get(10, TimeUnit.SECONDS);

                assertThat(slash(fake, "next council")).startsWith("Council — prochaine séance :")
                        .contains("Quand : jeu. 15 févr. 2024");
                assertThat(slash(fake, "subscribe council")).startsWith("Vous recevrez par message privé les rappels"
                        + " pour le comité Council.");
                assertThat(slash(fake, "help")).contains("Commandes :").contains("Voir ou changer la langue");
                assertThat(slash(fake, "quand est la prochaine réunion du Conseil ?")).contains("Quand : jeu. 15 févr. 2024");
                // Slack was asked once for this member, with the locale
                assertThat(fake.calls("users.info")).hasSize(1);
                assertThat(FakeSlack.asksLocale(fake.calls("users.info").get(0))).isTrue();
                assertThat(fake.calls("users.info").get(0).form()).containsEntry("user", "U0ALICE");

                // the member's own choice beats Slack's locale
                slash(fake, "language en");
                assertThat(slash(fake, "next council")).startsWith("Next for the Council:");
                assertThat(slash(fake, "help")).contains("/ccnso next");
            } finally {
                platform.close();
            }
        }
    }
}
