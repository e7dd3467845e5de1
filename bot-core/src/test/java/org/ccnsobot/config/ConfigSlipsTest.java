package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's slips: a key twice, bad YAML, a duration without its unit; each refused on one line. */
class ConfigSlipsTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(ConfigLoaderTest.CHAT), k -> "value-from-env");

    @TempDir
    Path dir;

    private static String oneLine(Throwable t) {
        assertThat(t).isInstanceOf(ConfigException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItAndItsLine() throws Exception {
        Path file = dir.resolve("bot.yaml");
        Files.writeString(file, "database: a.db\ntimezone: UTC\ndatabase: b.db\n");
        assertThat(oneLine(catchIt(() -> loader.load(file))))
                .isEqualTo(file + ": line 3: the key 'database' is given twice; give each key once");
        assertThat(oneLine(catchIt(() -> loader.parse("staff:\n  console:\n    users: [a]\n    users: [b]\n", null))))
                .isEqualTo("line 4: the key 'staff.console.users' is given twice; give each key once");
        assertThat(oneLine(catchIt(() -> loader.parse("chat:\n  token: ${CHAT_TOKEN}\n  token: ${CHAT_TOKEN}\n", null))))
                .isEqualTo("line 3: the key 'chat.token' is given twice; give each key once");
        // the same key in two different mappings is fine
        assertThat(loader.parse("digest: {weekday: MONDAY, time: \"09:00\", zone: UTC}\ntimezone: UTC\n", null).timezone())
                .hasToString("UTC");
    }

    @Test
    void badYamlIsOneLineWithLineAndColumn() {
        assertThat(oneLine(catchIt(() -> loader.parse("database: a.db\ntimezone: UTC: Europe\n", null))))
                .isEqualTo("not valid YAML at line 2, column 14: mapping values are not allowed here");
        assertThat(oneLine(catchIt(() -> loader.parse("database: 'a.db\n", null))))
                .isEqualTo("not valid YAML at line 2, column 1: found unexpected end of stream (while scanning a quoted"
                        + " scalar that starts at line 1, column 11)");
        assertThat(oneLine(catchIt(() -> loader.parse("staff:\n\tconsole: {}\n", null))))
                .isEqualTo("not valid YAML at line 2, column 1: found a tab; YAML is indented with spaces, not tabs");
        assertThat(oneLine(catchIt(() -> loader.parse("reminders:\n  offsets: [24h, 1h\ndatabase: x\n", null))))
                .startsWith("not valid YAML at line 3, column 9: expected ',' or ']', but got :");
    }

    @Test
    void durationHintsMatchTheKeysUnit() throws Exception {
        assertThat(oneLine(catchIt(() -> loader.parse("updates:\n  staleAfter: 90\n", null))))
                .isEqualTo("updates.staleAfter: '90' needs a unit; write it like 90d (d days, h hours, m minutes)");
        assertThat(oneLine(catchIt(() -> loader.parse("updates:\n  staleAfter: three months\n", null))))
                .isEqualTo("updates.staleAfter: 'three months' is not a duration; write it like 90d, 30d or 2d12h");
        assertThat(oneLine(catchIt(() -> loader.parse("reminders:\n  offsets: [24]\n", null))))
                .isEqualTo("reminders.offsets[0]: '24' needs a unit; write it like 24h (d days, h hours, m minutes)");
        assertThat(loader.parse("updates:\n  staleAfter: 90d\n", null).updates().staleAfter()).isEqualTo(Duration.ofDays(90));
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Throwable catchIt(Call c) {
        try {
            c.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
