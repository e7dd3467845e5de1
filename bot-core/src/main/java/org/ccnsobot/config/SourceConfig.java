package org.ccnsobot.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One calendar the bot keeps itself current with: {@code name} (unique, the feed's name for re-imports), {@code url}
 * (http, https or file), {@code meeting} (optional: the meeting its events belong to), {@code every} (how often to
 * look, at least a minute), {@code committees} (optional rules: a pattern found in a title or category gives
 * those committees; without rules, a committee's acronym, name or alias found there does) and {@code timeout} (how
 * long one look may wait for an answer; default 20s, from 1s to 5m).
 */
public record SourceConfig(String name, URI url, String meeting, Duration every, List<CommitteeRule> committees,
                           Duration timeout) {
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
    public static final Duration MIN_EVERY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    public SourceConfig {
        committees = committees == null ? List.of() : List.copyOf(committees);
        every = every == null ? DEFAULT_EVERY : every;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A source with the default timeout. */
    public SourceConfig(String name, URI url, String meeting, Duration every, List<CommitteeRule> committees) {
        this(name, url, meeting, every, committees, null);
    }

    /** A pattern (case-insensitive regular expression) found in a title or category, and the committees it gives. */
    public record CommitteeRule(Pattern match, List<String> acronyms) {
        public CommitteeRule {
            acronyms = List.copyOf(acronyms);
        }
    }
}
