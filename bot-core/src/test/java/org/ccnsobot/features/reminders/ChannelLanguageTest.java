package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.features.reminders.ReminderServiceTest.CHANNEL;
import static org.ccnsobot.features.reminders.ReminderServiceTest.COUNCIL_24H;
import static org.ccnsobot.features.reminders.ReminderServiceTest.dm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language per platform channel: {@code announcementChannel: {id: ..., language: fr}} in a platform's section makes
 * the bot's own posts to that channel French; the adapter is handed the plain id; a language the bot does not have is
 * refused in one line when the config is read.
 */
class ChannelLanguageTest {
    @TempDir
    Path dir;

    /** What the stand-in adapter was handed, section by section. */
    private final List<Map<String, Object>> handed = new ArrayList<>();

    /** A stand-in adapter that, like the real ones, takes its channel entries as plain ids only. */
    private final PlatformProvider chat = new PlatformProvider() {
        @Override
        public String id() {
            return "chat";
        }

        @Override
        public void validate(PlatformSettings section) {
            handed.add(section.values());
            section.values().forEach((k, v) -> {
                if (!(v instanceof String)) {
                    throw new IllegalStateException("chat." + k + " is not a plain value: " + v);
                }
            });
        }

        @Override
        public ChatPlatform create(PlatformSettings section, PlatformContext context) {
            throw new UnsupportedOperationException();
        }
    };

    private BotConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(List.of(chat), k -> null).parse(yaml, null);
    }

    @Test
    void aChannelWithItsOwnLanguageGetsItsPostsInItAndTheAdapterSeesThePlainId() throws Exception {
        BotConfig parsed = parse("""
                language: es
                chat:
                  announcementChannel: {id: announcements, language: fr}
                  staffChannel: staff
                """);
        assertThat(handed).containsExactly(Map.of("announcementChannel", "announcements", "staffChannel", "staff"));
        assertThat(parsed.platform("chat").values()).isEqualTo(handed.get(0));
        assertThat(parsed.channelLanguage("chat", "announcements")).isEqualTo(Language.FR);
        assertThat(parsed.channelLanguage("chat", "staff")).isEqualTo(Language.ES);

        try (BotFixture f = BotFixture.remindersWorld().config(c -> c.withPlatforms(parsed.platforms())).open(dir)) {
            f.say("carol", "language en");
            f.say("carol", "subscribe council");
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            Map<Destination, String> sent = f.platform().delivered().stream()
                    .collect(Collectors.toMap(Attempt::destination, Attempt::text));
            assertThat(sent.get(CHANNEL)).isEqualTo("Rappel : ccNSO Council meeting 300 commence dans 24 heures"
                    + " — dim. 10 mars 2024 18:00 UTC [council-300]");
            assertThat(sent.get(dm("carol"))).startsWith("Reminder: ccNSO Council meeting 300 starts in 24 hours");
        }
    }

    @Test
    void aChannelLanguageTheBotDoesNotHaveOrAStrayKeyIsOneLineAndNothingIsRead() {
        assertThatThrownBy(() -> parse("""
                chat:
                  announcementChannel: {id: announcements, language: de}
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("chat.announcementChannel.language: 'de' is not a language the bot has (known: en, fr, es)");
        assertThatThrownBy(() -> parse("""
                chat:
                  scheduleChannel: {id: schedule, lang: fr}
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("chat.scheduleChannel: unknown key 'lang' (known keys: id, language)");
        assertThatThrownBy(() -> parse("""
                chat:
                  scheduleChannel: {language: fr}
                """)).isInstanceOf(ConfigException.class).hasMessageStartingWith("chat.scheduleChannel: needs id");
        assertThat(handed).isEmpty();
    }
}
