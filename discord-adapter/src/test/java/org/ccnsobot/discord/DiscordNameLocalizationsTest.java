package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * name_localizations: the real JDA registers every command and option with French and Spanish names (valid Discord
 * names, unique within their command), and a French client's command, which Discord delivers under its default
 * name, is still dispatched to the English command and answered in French.
 */
class DiscordNameLocalizationsTest {
    @TempDir
    Path dir;

    private static final String VALID = "[-_\\p{L}\\p{N}]{1,32}";

    @Test
    void everyCommandAndOptionCarriesValidFrenchAndSpanishNamesAndDispatchStaysEnglish() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                JsonNode commands = fake.await("PUT", "/applications/" + FakeDiscord.BOT + "/guilds/"
                        + FakeDiscord.GUILD + "/commands").body();
                assertThat(commands.size()).isGreaterThan(20);
                Set<String> french = new HashSet<>();
                for (JsonNode c : commands) {
                    String name = c.path("name").asText();
                    JsonNode l = c.path("name_localizations");
                    for (String locale : List.of("fr", "es-ES", "es-419")) {
                        assertThat(l.path(locale).asText()).as(name + " " + locale).matches(VALID)
                                .isEqualTo(l.path(locale).asText().toLowerCase(java.util.Locale.ROOT));
                    }
                    assertThat(l.path("es-419").asText()).isEqualTo(l.path("es-ES").asText());
                    assertThat(french.add(l.path("fr").asText())).as("French name of " + name + " is unique").isTrue();
                    Set<String> options = new HashSet<>();
                    for (JsonNode o : c.path("options")) {
                        String fr = o.path("name_localizations").path("fr").asText();
                        assertThat(fr).as(name + " " + o.path("name").asText()).matches(VALID);
                        assertThat(o.path("name_localizations").path("es-419").asText()).matches(VALID);
                        assertThat(options.add(fr)).as("French option names of " + name + " are unique").isTrue();
                    }
                }
                JsonNode next = find(commands, "next");
                assertThat(next.path("name_localizations").path("fr").asText()).isEqualTo("prochain");
                assertThat(next.path("name_localizations").path("es-ES").asText()).isEqualTo("próximo");
                assertThat(next.path("options").get(0).path("name_localizations").path("fr").asText())
                        .isEqualTo("filtre");
                assertThat(find(commands, "event-add").path("name_localizations").path("es-419").asText())
                        .isEqualTo("evento-añadir");

                // a French client picked /prochain: Discord sends the default name, "next"
                fake.userLocale = "fr";
                String token = fake.slash("next", FakeDiscord.options("filter", 3, "council"), FakeDiscord.MEMBER,
                        List.of(FakeDiscord.MEMBER_ROLE));
                JsonNode edit = fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT + "/" + token
                        + "/messages/@original").body();
                assertThat(edit.toString()).contains("Council — prochaine séance");
            } finally {
                platform.close();
            }
        }
    }

    private static JsonNode find(JsonNode commands, String name) {
        for (JsonNode c : commands) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no command " + name);
    }
}
