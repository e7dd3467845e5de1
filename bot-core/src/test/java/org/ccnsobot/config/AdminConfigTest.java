package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code admin:} section (the /healthz and /metrics listener): off unless set, strict like the rest. */
class AdminConfigTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(), name -> null);

    @Test
    void offUnlessSetAndLocalByDefault() throws Exception {
        assertThat(loader.parse("timezone: UTC\n", null).admin()).isNull();
        assertThat(loader.parse("admin:\n  port: 9464\n", null).admin()).isEqualTo(new AdminConfig("127.0.0.1", 9464));
        assertThat(loader.parse("admin: {port: 0, bind: 0.0.0.0}\n", null).admin())
                .isEqualTo(new AdminConfig("0.0.0.0", 0));
        BotConfig cfg = loader.parse("admin: {port: 9464}\n", null);
        assertThat(cfg.withDatabase(java.nio.file.Path.of("x.db")).withCalendar(java.nio.file.Path.of("c")).admin())
                .isEqualTo(cfg.admin());
    }

    @Test
    void mistakesAreRefusedOnOneLineNamingTheKey() {
        assertThatThrownBy(() -> loader.parse("admin:\n  port: 9464\n  host: x\n", null))
                .hasMessage("unknown key 'admin.host' (known: port, bind)");
        assertThatThrownBy(() -> loader.parse("admin:\n  port: 99999\n", null))
                .hasMessage("admin.port: must be a port number from 1 to 65535 (or 0 for any free port), not the"
                        + " number 99999");
        assertThatThrownBy(() -> loader.parse("admin:\n  port: '9464'\n", null))
                .hasMessage("admin.port: must be a port number from 1 to 65535 (or 0 for any free port), not '9464'");
        assertThatThrownBy(() -> loader.parse("admin:\n  port: -1\n", null))
                .hasMessageStartingWith("admin.port: must be a port number");
        assertThatThrownBy(() -> loader.parse("admin:\n  bind: 127.0.0.1\n", null))
                .hasMessage("admin.port: is required (the port /healthz and /metrics listen on, like 9464)");
        assertThatThrownBy(() -> loader.parse("admin: 9464\n", null))
                .hasMessage("admin: must be a mapping like {port: 9464}, not the number 9464");
        assertThatThrownBy(() -> loader.parse("admin:\n  port: 9464\n  bind: ''\n", null))
                .hasMessage("admin.bind: must be a non-empty text value, not ''");
        assertThatThrownBy(() -> loader.parse("adminn:\n  port: 9464\n", null))
                .hasMessageStartingWith("unknown key 'adminn' (known keys: admin, ");
    }
}
