package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingConfigTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(ConfigLoaderTest.CHAT), Map.of("CHAT_TOKEN",
            "s3cret-value-123")::get);

    @Test
    void infoAndTextByDefault() throws Exception {
        assertThat(loader.parse("database: x.db\n", null).logging()).isEqualTo(new LoggingConfig("INFO", LoggingConfig.Format.TEXT));
        assertThat(BotConfig.defaults().logging()).isEqualTo(LoggingConfig.defaults());
    }

    @Test
    void levelAndFormatFromTheConfigInAnyCase() throws Exception {
        LoggingConfig l = loader.parse("logging:\n  level: debug\n  format: JSON\n", null).logging();
        assertThat(l).isEqualTo(new LoggingConfig("DEBUG", LoggingConfig.Format.JSON));
        assertThat(loader.parse("logging: {level: WARN}\n", null).withDatabase(java.nio.file.Path.of("y.db")).logging().level())
                .isEqualTo("WARN");
    }

    @Test
    void aWrongValueOrKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> loader.parse("logging:\n  level: loud\n", null))
                .hasMessage("logging.level: must be one of ERROR, WARN, INFO, DEBUG, TRACE, not 'loud'");
        assertThatThrownBy(() -> loader.parse("logging:\n  format: xml\n", null))
                .hasMessage("logging.format: must be text or json, not 'xml'");
        assertThatThrownBy(() -> loader.parse("logging:\n  levle: INFO\n", null))
                .hasMessage("unknown key 'logging.levle' (known: level, format)");
        assertThatThrownBy(() -> loader.parse("logging: INFO\n", null))
                .hasMessageStartingWith("logging: must be a mapping");
    }

    @Test
    void ccnsoLogLevelOverridesTheFileAndAnUnknownOneIsRefused() throws Exception {
        LoggingConfig file = loader.parse("logging: {level: WARN, format: json}\n", null).logging();
        assertThat(file.withEnvironment(Map.of("CCNSO_LOG_LEVEL", "debug")::get))
                .isEqualTo(new LoggingConfig("DEBUG", LoggingConfig.Format.JSON));
        assertThat(file.withEnvironment(k -> null)).isEqualTo(file);
        assertThatThrownBy(() -> file.withEnvironment(Map.of("CCNSO_LOG_LEVEL", "chatty")::get))
                .hasMessage("CCNSO_LOG_LEVEL: 'chatty' is not a log level (ERROR, WARN, INFO, DEBUG, TRACE)");
    }

    @Test
    void theSecretValuesOfThePlatformSectionsAreKnownForMasking() throws Exception {
        BotConfig cfg = loader.parse("chat:\n  token: ${CHAT_TOKEN}\n  channel: general\n", null);
        assertThat(ConfigLoader.secretValues(cfg)).containsExactly("s3cret-value-123");
    }
}
