package org.ccnsobot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sources:} section: what it takes, its defaults, and one clear line for each mistake. */
class SourcesConfigTest {
    private final ConfigLoader loader = new ConfigLoader(List.of(), k -> null);

    @Test
    void readsEachSourceWithItsDefaults() throws Exception {
        BotConfig cfg = loader.parse("""
                sources:
                  - name: ICANN79
                    url: https://icann79.sched.com/all.ics
                    meeting: ICANN79
                    every: 5m
                    committees:
                      "Tech Day|TechWG": TechWG
                      "Closed Council": [Council]
                  - name: council
                    url: file:///srv/council.ics
                """, null);
        assertThat(cfg.sources()).hasSize(2);
        SourceConfig first = cfg.sources().get(0);
        assertThat(first.url()).isEqualTo(URI.create("https://icann79.sched.com/all.ics"));
        assertThat(first.meeting()).isEqualTo("ICANN79");
        assertThat(first.every()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.committees()).hasSize(2);
        assertThat(first.committees().get(0).match().matcher("the tech day").find()).isTrue();
        assertThat(first.committees().get(1).acronyms()).containsExactly("Council");
        SourceConfig second = cfg.sources().get(1);
        assertThat(second.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(second.meeting()).isNull();
        assertThat(loader.parse("database: x.db", null).sources()).isEmpty();
    }

    @Test
    void refusesEachMistakeWithOneLine() {
        assertRefused("sources: {name: x}", "sources: must be a list");
        assertRefused("sources: [{url: 'https://a.example/x.ics'}]", "sources[0].name: is required");
        assertRefused("sources: [{name: x}]", "sources[0].url: is required");
        assertRefused("sources: [{name: x, url: 'ftp://a.example/x.ics'}]",
                "sources[0].url: 'ftp://a.example/x.ics' must be an http, https or file address");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', every: 30s}]",
                "sources[0].every: must be at least 1m");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', every: soon}]", "sources[0].every:");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', timeout: 0s}]",
                "sources[0].timeout: must be from 1s to 5m");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', timeout: 10m}]",
                "sources[0].timeout: must be from 1s to 5m");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', often: 5m}]",
                "unknown key 'sources[0].often' (known: name, url, meeting, every, committees, timeout)");
        assertRefused("sources: [{name: x, url: 'https://a.example/x.ics', committees: {'(': GRC}}]",
                "sources[0].committees.(: '(' is not a valid pattern");
        assertRefused("""
                sources:
                  - {name: x, url: 'https://a.example/x.ics'}
                  - {name: X, url: 'https://b.example/x.ics'}
                """, "sources[1].name: 'X' is used by another source");
    }

    private void assertRefused(String yaml, String line) {
        assertThatThrownBy(() -> loader.parse(yaml, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(line).hasMessageNotContaining("\n");
    }
}
