package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 1: the words the Discord adapter adds of its own (an event card's field names and footer, its
 * Subscribe / Unsubscribe buttons, Previous / Page / Next) are in the language core answered in: the member's
 * Discord client language here (they chose none), and for a post the language core says the message is in. Real
 * JDA against the fake Discord, the real core on the seeded SQLite file.
 */
class DiscordLabelsTest {
    @TempDir
    Path dir;

    private FakeDiscord fake;
    private Bot bot;
    private DiscordPlatform platform;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDiscord();
        bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY));
        platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                new PlatformContext(bot.clock()));
        platform.start(bot);
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        bot.close();
        fake.close();
    }

    private JsonNode ask(String locale, String command, com.fasterxml.jackson.databind.node.ArrayNode options)
            throws Exception {
        fake.userLocale = locale;
        String token = fake.slash(command, options, FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
        return fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT + "/" + token + "/messages/@original").body();
    }

    private static List<String> fieldNames(JsonNode message) {
        return message.path("embeds").get(0).path("fields").findValuesAsText("name");
    }

    private static List<String> labels(JsonNode message) {
        return message.path("components").get(0).path("components").findValuesAsText("label");
    }

    @Test
    void anEventCardsFieldNamesFooterAndButtonsAreInTheMembersLanguage() throws Exception {
        JsonNode en = ask("en-GB", "event", FakeDiscord.options("id", 3, "council-202"));
        assertThat(fieldNames(en)).contains("Access", "Committees");
        assertThat(en.path("embeds").get(0).path("footer").path("text").asText()).isEqualTo("event council-202");
        assertThat(labels(en)).containsExactly("Subscribe", "Unsubscribe");

        JsonNode fr = ask("fr", "event", FakeDiscord.options("id", 3, "council-202"));
        assertThat(fieldNames(fr)).contains("Accès", "Comités").doesNotContain("Access", "Committees");
        assertThat(fr.path("embeds").get(0).path("fields").findValuesAsText("value")).contains("Ouvert à tous");
        assertThat(fr.path("embeds").get(0).path("footer").path("text").asText()).isEqualTo("événement council-202");
        assertThat(fr.path("embeds").get(0).path("description").asText()).contains("Heure du lieu : ");
        assertThat(labels(fr)).containsExactly("S'abonner", "Se désabonner");

        JsonNode es = ask("es-ES", "event", FakeDiscord.options("id", 3, "council-202"));
        assertThat(fieldNames(es)).contains("Acceso", "Comités");
        assertThat(es.path("embeds").get(0).path("fields").findValuesAsText("value")).contains("Abierta a todos");
        assertThat(es.path("embeds").get(0).path("footer").path("text").asText()).isEqualTo("evento council-202");
        assertThat(es.path("embeds").get(0).path("description").asText()).contains("Hora local de la sede: ");
        assertThat(labels(es)).containsExactly("Suscribirse", "Cancelar suscripción");
    }

    @Test
    void previousPageAndNextAreInTheMembersLanguage() throws Exception {
        JsonNode fr = ask("fr", "schedule", FakeDiscord.options("what", 3, "ICANN79"));
        List<String> nav = labels(fr);
        assertThat(nav).hasSize(3);
        assertThat(nav.get(0)).isEqualTo("Précédent");
        assertThat(nav.get(1)).matches("Page 1 sur \\d+");
        assertThat(nav.get(2)).isEqualTo("Suivant");

        JsonNode es = ask("es-419", "schedule", FakeDiscord.options("what", 3, "ICANN79"));
        assertThat(labels(es).get(0)).isEqualTo("Anterior");
        assertThat(labels(es).get(1)).matches("Página 1 de \\d+");
        assertThat(labels(es).get(2)).isEqualTo("Siguiente");
    }

    private String refusal(String locale, String command, com.fasterxml.jackson.databind.node.ArrayNode options)
            throws Exception {
        fake.userLocale = locale;
        String token = fake.slash(command, options, FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
        return fake.await("POST", "/interactions/\\d+/" + token + "/callback").body().path("data").path("content")
                .asText();
    }

    @Test
    void theAdaptersOwnRefusalsOfOptionsAreInTheMembersLanguage() throws Exception {
        assertThat(refusal("en-GB", "week", FakeDiscord.options("colour", 3, "blue")))
                .isEqualTo("/week has no option `colour` any more; please run the command again.");
        assertThat(refusal("fr", "week", FakeDiscord.options("colour", 3, "blue")))
                .isEqualTo("/week n'a plus d'option `colour` ; relancez la commande.");
        assertThat(refusal("es-ES", "week", FakeDiscord.options("colour", 3, "blue")))
                .isEqualTo("/week ya no tiene la opción `colour`; vuelve a ejecutar el comando.");
        assertThat(refusal("fr", "event", null)).isEqualTo("/event a besoin de `id`.");
    }

    @Test
    void aPostInFrenchCarriesFrenchFieldNamesAndButtonsAndOneWithoutALanguageEnglishOnes() throws Exception {
        Block.EventCard c = DiscordCore.council();
        Block.EventCard card = new Block.EventCard(c.eventId(), c.title(), c.start(), c.end(), c.date(), c.venueZone(),
                c.place(), c.room(), c.access(), c.committees(), c.status(), null,
                List.of(new Block.Link("iCal", "https://ccnso.example.org/ics/evt-council-79.ics")));
        platform.send(new Destination.Channel("discord", FakeDiscord.GENERAL), OutgoingMessage.of("Rappel",
                List.of(card)).withLocale(Locale.FRENCH)).get(10, TimeUnit.SECONDS);
        JsonNode fr = fake.await("POST", "/channels/" + FakeDiscord.GENERAL + "/messages").body();
        assertThat(labels(fr).subList(0, 2)).containsExactly("S'abonner", "Se désabonner");
        assertThat(labels(fr).get(2)).isEqualTo("Ajouter à l'agenda");
        assertThat(fieldNames(fr)).contains("Salle", "Accès", "Comités", "Liens");

        platform.send(new Destination.Channel("discord", FakeDiscord.GENERAL), OutgoingMessage.of("Reminder",
                List.of(card))).get(10, TimeUnit.SECONDS);
        List<JsonNode> posts = new ArrayList<>();
        fake.requests("POST", "/channels/" + FakeDiscord.GENERAL + "/messages").forEach(r -> posts.add(r.body()));
        assertThat(posts).hasSize(2);
        assertThat(labels(posts.get(1))).containsExactly("Subscribe", "Unsubscribe", "Add to calendar");
        assertThat(fieldNames(posts.get(1))).contains("Room", "Access", "Committees", "Links");
    }
}
