package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.reminders.ReminderServiceTest.COUNCIL_24H;
import static org.ccnsobot.features.reminders.ReminderServiceTest.dm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccnsobot.features.language.UserLanguages;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 2 for the outbox: a DM to a member who chose no language is in the language their platform said
 * when they last wrote (Discord's interaction locale, Slack's user locale); the bot keeps it in user_prefs (no
 * migration). A member's own choice wins over it, and one whose platform never said a language reads the config's.
 * Each message the outbox sends says the language it is in, for the adapter's own labels.
 */
class RememberedPlatformLanguageTest {
    @TempDir
    Path dir;

    private static String write(BotFixture f, String user, Locale platformLocale, String text) {
        Invocation i = Invocation.text(new Actor("chat", user, user, Set.of()), new Place("chat", "dm-" + user, true),
                text, f.bot().clock().instant());
        return f.bot().handle(platformLocale == null ? i : i.withLocale(platformLocale)).text();
    }

    @Test
    void aReminderDmIsInTheLanguageTheMembersPlatformLastSaidUnlessTheyChoseOne() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            assertThat(write(f, "fatou", Locale.FRENCH, "subscribe council")).startsWith("Vous recevrez");
            assertThat(write(f, "diego", Locale.forLanguageTag("es-419"), "subscribe council")).startsWith("Recibirás");
            assertThat(write(f, "erin", null, "language es")).isNotBlank();
            assertThat(write(f, "erin", Locale.FRENCH, "subscribe council")).startsWith("Recibirás");
            assertThat(write(f, "carol", null, "subscribe council")).startsWith("You will get");

            UserLanguages stored = new UserLanguages(f.bot().database());
            assertThat(stored.stored("chat", "fatou")).isEqualTo(new UserLanguages.Stored(Optional.empty(),
                    Optional.of(Language.FR)));
            assertThat(stored.get("chat", "fatou")).as("not a choice").isEmpty();
            assertThat(stored.stored("chat", "erin").chosen()).contains(Language.ES);
            assertThat(stored.stored("chat", "carol")).isEqualTo(UserLanguages.Stored.NONE);

            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            Map<Destination, OutgoingMessage> sent = f.platform().delivered().stream()
                    .collect(Collectors.toMap(Attempt::destination, Attempt::message));
            assertThat(sent.get(dm("fatou")).fallbackText()).startsWith("Rappel : ccNSO Council meeting 300 commence"
                    + " dans 24 heures");
            assertThat(sent.get(dm("fatou")).locale()).isEqualTo(Locale.FRENCH);
            assertThat(sent.get(dm("diego")).fallbackText()).startsWith("Recordatorio:");
            assertThat(sent.get(dm("erin")).fallbackText()).startsWith("Recordatorio:");
            assertThat(sent.get(dm("carol")).fallbackText()).startsWith("Reminder: ccNSO Council meeting 300 starts"
                    + " in 24 hours");
            assertThat(sent.get(dm("carol")).locale()).isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void aMembersChoiceReplacesWhatThePlatformSaidAndThePlatformChangingItsLanguageIsFollowed() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            UserLanguages stored = new UserLanguages(f.bot().database());
            write(f, "fatou", Locale.FRENCH, "help");
            write(f, "fatou", Locale.forLanguageTag("es-ES"), "help");
            assertThat(stored.stored("chat", "fatou").seen()).contains(Language.ES);
            write(f, "fatou", null, "language en");
            write(f, "fatou", Locale.FRENCH, "help");
            assertThat(stored.stored("chat", "fatou")).isEqualTo(new UserLanguages.Stored(Optional.of(Language.EN),
                    Optional.empty()));
            assertThat(f.bot().languageFor("chat", "fatou", null)).isEqualTo(Language.EN);
        }
    }
}
