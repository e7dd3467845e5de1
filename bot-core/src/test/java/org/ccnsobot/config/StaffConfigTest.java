package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staff-tools sections: {@code updates} and {@code feeds}, read strictly with the key named in each error. */
class StaffConfigTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(), name -> null);

    @Test
    void defaultsWhenAbsent() throws Exception {
        BotConfig cfg = loader.parse("timezone: UTC\n", null);
        assertThat(cfg.updates().staleAfter()).isEqualTo(Duration.ofDays(90));
        assertThat(cfg.feeds()).isNull();
    }

    @Test
    void readsBothSections() throws Exception {
        BotConfig cfg = loader.parse("updates:\n  staleAfter: 30d\nfeeds:\n  port: 8080\n  publicUrl: https://cal.example.org/\n", null);
        assertThat(cfg.updates().staleAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(cfg.feeds()).isEqualTo(new FeedsConfig("127.0.0.1", 8080, "https://cal.example.org/"));
        assertThat(cfg.feeds().base()).isEqualTo("https://cal.example.org");
        assertThat(cfg.withDatabase(java.nio.file.Path.of("x.db")).feeds()).isEqualTo(cfg.feeds());
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> loader.parse("updates:\n  staleafter: 30d\n", null))
                .hasMessage("unknown key 'updates.staleafter' (known: staleAfter)");
        assertThatThrownBy(() -> loader.parse("updates:\n  staleAfter: soon\n", null))
                .hasMessageStartingWith("updates.staleAfter: 'soon' is not a duration");
        assertThatThrownBy(() -> loader.parse("updates:\n  staleAfter: 0d\n", null))
                .hasMessage("updates.staleAfter: must be positive, like 90d");
        assertThatThrownBy(() -> loader.parse("feeds:\n  bind: 127.0.0.1\n", null))
                .hasMessageStartingWith("feeds.port: is required");
        assertThatThrownBy(() -> loader.parse("feeds:\n  port: 99999\n", null))
                .hasMessage("feeds.port: must be a port number from 1 to 65535, not the number 99999");
        assertThatThrownBy(() -> loader.parse("feeds:\n  port: 8080\n  host: x\n", null))
                .hasMessage("unknown key 'feeds.host' (known: port, bind, publicUrl, refresh)");
        assertThatThrownBy(() -> loader.parse("feeds:\n  port: 8080\n  publicUrl: ftp://x\n", null))
                .hasMessageContaining("feeds.publicUrl: must be an http(s) address");
        assertThatThrownBy(() -> loader.parse("feeds:\n  port: 8080\n  refresh: 10s\n", null))
                .hasMessage("feeds.refresh: must be from 1m to 7d, like 1h, not '10s'");
        assertThatThrownBy(() -> loader.parse("feeds:\n  port: 8080\n  refresh: often\n", null))
                .hasMessageStartingWith("feeds.refresh: 'often' is not a duration");
    }

    @Test
    void feedsRefreshDefaultsToAnHourAndIsRead() throws Exception {
        assertThat(loader.parse("feeds:\n  port: 8080\n", null).feeds().refresh()).isEqualTo(Duration.ofHours(1));
        assertThat(loader.parse("feeds:\n  port: 8080\n  refresh: 30m\n", null).feeds().refresh())
                .isEqualTo(Duration.ofMinutes(30));
    }
}
