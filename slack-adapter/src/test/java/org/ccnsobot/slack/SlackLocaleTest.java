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
    /**
     * Issue 14 (i18n14e), real core and outbox: a channel written {@code announcementChannel: {id: …, language: es}}
     * gets its reminder card with the adapter's labels in Spanish (Acceso, Abierto, Comités, Suscribirse), not only
     * core's text.
     */
    @Test
    void aChannelWrittenInSpanishGetsItsReminderCardWithSpanishLabels() throws Exception {
        Path calendar = dir.resolve("calendar");
        java.nio.file.Files.createDirectories(calendar);
        java.nio.file.Files.writeString(calendar.resolve("test.yaml"), BotFixture.REMINDERS_CALENDAR);
        ObjectNode slack = FakeSlack.JSON.createObjectNode();
        slack.putObject("announcementChannel").put("id", "C0ANNOUNCE").put("language", "es");
        org.ccnsobot.config.BotConfig config = new org.ccnsobot.config.BotConfig(dir.resolve("bot.db"), calendar,
                java.time.ZoneOffset.UTC, java.util.Map.of(), BotFixture.testReminders(),
                java.util.Map.of("slack", slack), null);
        ManualClock clock = new ManualClock(BotFixture.START);
        try (FakeSlack fake = new FakeSlack()) {
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(clock));
            try (Bot bot = Bot.open(config, clock, List.of(platform))) {
                platform.start(bot);
                fake.connection(1).get(10, TimeUnit.SECONDS);
                bot.start(false);
                clock.set(java.time.Instant.parse("2024-03-09T18:00:00Z")); // 24 h before council-300
                bot.outbox().fireDue();
                FakeSlack.Call post = fake.await("chat.postMessage", c -> "C0ANNOUNCE".equals(c.form().get("channel")));
                String blocks = post.form().get("blocks");
                assertThat(blocks).contains("ccNSO Council meeting 300").contains("*Acceso*").contains("Abierto")
                        .contains("*Comités*").contains("Suscribirse")
                        .doesNotContain("*Access*").doesNotContain("*Committees*").doesNotContain("Subscribe\"");
            } finally {
                platform.close();
            }
        }
    }

    /**
     * Issue 14 (i18n14e): for a member who chose French, the adapter's own words in a long answer come from the real
     * core's bundles: the later messages' "(suite, partie 2 sur n)", the access and state, a date with no time yet,
     * and a venue clock shown without a place.
     */
    @Test
    void aFrenchMembersLongAnswerAndItsCardsUseTheAdaptersWordsInFrench() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            org.ccnsobot.port.Actor alice = new org.ccnsobot.port.Actor("slack", "U0ALICE", "alice", java.util.Set.of());
            bot.handle(org.ccnsobot.port.Invocation.text(alice, new org.ccnsobot.port.Place("slack", "D0ALICE", true),
                    "language fr", bot.clock().instant()));
            java.util.Locale reader = bot.languageOf(alice, null);
            assertThat(reader.getLanguage()).isEqualTo("fr");
            SlackRenderer renderer = new SlackRenderer(null, new SlackTexts(bot));
            List<org.ccnsobot.port.Block> blocks = new java.util.ArrayList<>();
            java.time.ZoneId sanJuan = java.time.ZoneId.of("America/Puerto_Rico");
            blocks.add(new org.ccnsobot.port.Block.EventCard("tba", "Tech Day", null, null,
                    java.time.LocalDate.of(2024, 3, 15), sanJuan, "San Juan", null, "closed", List.of("TLD-OPS"),
                    "cancelled", null, List.of()));
            for (int i = 0; i < 30; i++) {
                blocks.add(new org.ccnsobot.port.Block.EventCard("e" + i, "Session " + i,
                        java.time.Instant.parse("2024-03-04T14:30:00Z"), java.time.Instant.parse("2024-03-04T15:30:00Z"),
                        java.time.LocalDate.of(2024, 3, 4), sanJuan, null, "Room " + i, "open", List.of("Council"),
                        "scheduled", null, List.of()));
            }
            org.ccnsobot.port.OutgoingMessage message = org.ccnsobot.port.OutgoingMessage.of("La semaine", blocks)
                    .withLocale(reader);
            List<SlackRenderer.SlackMessage> pages = renderer.render(message, message.locale());
            assertThat(pages.size()).isGreaterThan(1);
            assertThat(pages.get(1).text()).isEqualTo("(suite, partie 2 sur " + pages.size() + ")");
            String first = pages.get(0).blocks().toString();
            assertThat(first).contains("_annulé_").contains(":date: ven. 15 mars 2024 (heure pas encore annoncée)")
                    .contains("Réservé aux membres").contains("Ouvert à tous")
                    .contains("10:30–11:30 AST (heure du lieu)").contains("lun. 4 mars 2024 14:30 UTC");
        }
    }
}
