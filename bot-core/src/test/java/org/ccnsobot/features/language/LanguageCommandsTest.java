package org.ccnsobot.features.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A language per member: chosen, shown, kept across restarts; else the platform's; else the config's. */
class LanguageCommandsTest {
    @TempDir
    Path dir;

    private static final Actor ANA = new Actor("test", "ana", "Ana", Set.of());
    private static final Place DM = new Place("test", "dm-ana", true);

    private static String say(Bot bot, String text) {
        return say(bot, text, null);
    }

    private static String say(Bot bot, String text, Locale platform) {
        return bot.handle(Invocation.text(ANA, DM, text, bot.clock().instant()).withLocale(platform)).text();
    }

    @Test
    void aMemberChoosesFrenchAndTheNextAnswerIsInFrenchWithFrenchDates() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            assertThat(say(f.bot(), "language")).isEqualTo("The bot answers you in English (you have not chosen one)."
                    + " Set one with language fr, language es or language en.");
            assertThat(say(f.bot(), "language fr")).isEqualTo("C'est noté : le bot vous répondra désormais en français.");
            String next = say(f.bot(), "next council");
            assertThat(next).startsWith("Council — prochaine séance :\n").contains("Quand : dim. 3 mars 2024")
                    .contains("Accès : réservé aux membres").contains("Identifiant : icann79-council-");
            assertThat(say(f.bot(), "language")).startsWith("Le bot vous répond en français.");
            // kept in the database: a new process reads it
            f.restart();
            assertThat(say(f.bot(), "today")).startsWith("Aujourd'hui, ven. 1 mars 2024 :");
        }
    }

    @Test
    void aLanguageTheBotDoesNotHaveIsOneLineListingThoseItHasAndChangesNothing() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            say(f.bot(), "language es");
            String refused = say(f.bot(), "language de");
            assertThat(refused).isEqualTo("El bot no habla «de»; habla English, français, español.").doesNotContain("\n");
            assertThat(say(f.bot(), "language")).startsWith("El bot te responde en español.");
            // Arabic is prepared, not offered
            assertThat(say(f.bot(), "language ar")).startsWith("El bot no habla «ar»");
        }
    }

    @Test
    void withoutAChoiceThePlatformsLocaleDecidesAndAChoiceBeatsIt() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).open(dir)) {
            Locale discordSpanish = Locale.forLanguageTag("es-419");
            assertThat(say(f.bot(), "today", discordSpanish)).startsWith("Hoy, vie 1 mar 2024:");
            assertThat(say(f.bot(), "today", Locale.GERMAN)).startsWith("Today, Fri 1 Mar 2024:");
            say(f.bot(), "language fr");
            assertThat(say(f.bot(), "today", discordSpanish)).startsWith("Aujourd'hui, ven. 1 mars 2024 :");
            say(f.bot(), "language en");
            assertThat(say(f.bot(), "today", discordSpanish)).startsWith("Today, Fri 1 Mar 2024:");
        }
    }

    @Test
    void theConfigsLanguageIsTheDefaultAndAnUnknownOneIsRefused() throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).config(c -> c.withLanguage(Language.ES)).open(dir)) {
            assertThat(say(f.bot(), "today")).startsWith("Hoy, vie 1 mar 2024:");
            assertThat(say(f.bot(), "nxt")).isEqualTo("Comando desconocido: «nxt»; ¿quisiste decir next?");
        }
        ConfigLoader loader = new ConfigLoader(java.util.List.of(), k -> null);
        assertThat(loader.parse("language: fr\n", null).language()).isEqualTo(Language.FR);
        assertThat(loader.parse("timezone: UTC\n", null).language()).isEqualTo(Language.EN);
        assertThatThrownBy(() -> loader.parse("language: de\n", null)).isInstanceOf(ConfigException.class)
                .hasMessage("language: 'de' is not a language the bot has (known: en, fr, es)");
        assertThatThrownBy(() -> loader.parse("language: fr-CA\n", null)).isInstanceOf(ConfigException.class);
    }
}
