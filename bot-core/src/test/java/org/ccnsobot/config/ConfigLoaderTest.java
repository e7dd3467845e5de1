package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    /** A stand-in platform section ({@code token}, {@code channel}), validated strictly like the real adapters'. */
    static final PlatformProvider CHAT = new PlatformProvider() {
        @Override
        public String id() {
            return "chat";
        }

        @Override
        public void validate(PlatformSettings section) throws PlatformConfigException {
            for (Map.Entry<String, Object> e : section.values().entrySet()) {
                if (!List.of("token", "channel").contains(e.getKey())) {
                    throw new PlatformConfigException("unknown key 'chat." + e.getKey() + "' (known: channel, token)");
                }
                if (!(e.getValue() instanceof String)) {
                    throw new PlatformConfigException("chat." + e.getKey() + ": wrong type, expected String");
                }
            }
        }

        @Override
        public ChatPlatform create(PlatformSettings section, PlatformContext context) {
            throw new UnsupportedOperationException();
        }
    };

    private final Map<String, String> env = Map.of("CHAT_TOKEN", "s3cret-value");
    private final ConfigLoader loader = new ConfigLoader(List.of(CHAT), env::get);

    @Test
    void theProjectsConfigFileIsValid() throws Exception {
        Path file = org.ccnsobot.testing.BotFixture.seedCalendar().getParent().resolve("ccnso-bot.yaml");
        BotConfig cfg = new ConfigLoader(List.of(), k -> null).load(file);
        assertThat(cfg.platforms()).isEmpty();
        assertThat(cfg.reminders().offsets()).containsExactly(Duration.ofHours(24), Duration.ofHours(1));
    }

    @Test
    void readsCoreKeysAndSwitchesOnAPlatformBySection() throws Exception {
        BotConfig cfg = loader.parse("""
                database: /tmp/x.db
                timezone: Europe/Brussels
                staff:
                  chat: {users: [u1], roles: [r1]}
                chat:
                  token: ${CHAT_TOKEN}
                  channel: general
                """, null);
        assertThat(cfg.database()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(cfg.timezone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(cfg.staff().get("chat").roles()).containsExactly("r1");
        assertThat(cfg.platforms()).containsKey("chat");
        assertThat(cfg.platforms().get("chat").get("token").asText()).isEqualTo("s3cret-value");
        // what the provider is handed: the JDK-only view, with the environment value already in place
        assertThat(cfg.platform("chat").values()).isEqualTo(Map.of("token", "s3cret-value", "channel", "general"));
        assertThat(cfg.platform("chat").toString()).doesNotContain("s3cret-value");
    }

    @Test
    void anUnknownTopLevelKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> loader.parse("databse: x.db\n", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'databse'");
    }

    @Test
    void anUnknownKeyInsideAPlatformSectionIsRefusedWithItsPath() {
        assertThatThrownBy(() -> loader.parse("chat:\n  token: ${CHAT_TOKEN}\n  chanel: x\n", null))
                .hasMessageContaining("unknown key 'chat.chanel'");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> loader.parse("timezone: [UTC]\n", null)).hasMessageContaining("timezone: must be");
        assertThatThrownBy(() -> loader.parse("reminders:\n  maxAttempts: lots\n", null))
                .hasMessageContaining("reminders.maxAttempts");
        assertThatThrownBy(() -> loader.parse("chat:\n  token: ${CHAT_TOKEN}\n  channel: [a, b]\n", null))
                .hasMessageContaining("chat.channel");
        assertThatThrownBy(() -> loader.parse("timezone: Mars/Base\n", null))
                .hasMessageContaining("timezone: 'Mars/Base' is not an IANA time zone");
    }

    @Test
    void aSecretWrittenInTheFileIsRefused() {
        assertThatThrownBy(() -> loader.parse("chat:\n  token: abc123literal\n", null))
                .hasMessageContaining("chat.token: secrets come from the environment")
                .hasMessageNotContaining("abc123literal");
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() {
        ConfigLoader noEnv = new ConfigLoader(List.of(CHAT), k -> null);
        assertThatThrownBy(() -> noEnv.parse("chat:\n  token: ${CHAT_TOKEN}\n", null))
                .hasMessageContaining("chat.token: environment variable CHAT_TOKEN is not set");
    }

    @Test
    void reminderOffsetsMustBePositiveAndAtMostThirtyDays() {
        assertThatThrownBy(() -> loader.parse("reminders:\n  offsets: [24h, -1h]\n", null))
                .hasMessageContaining("reminders.offsets[1]").hasMessageContaining("positive");
        assertThatThrownBy(() -> loader.parse("reminders:\n  offsets: [0m]\n", null))
                .hasMessageContaining("reminders.offsets[0]");
        assertThatThrownBy(() -> loader.parse("reminders:\n  offsets: [31d]\n", null))
                .hasMessageContaining("reminders.offsets[0]").hasMessageContaining("at most 30 days");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
        assertThat(Durations.format(Duration.ofMinutes(1500))).isEqualTo("1d 1h");
    }
}
