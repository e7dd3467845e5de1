package org.ccnsobot.features.sources;

import java.time.Instant;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.i18n.Phrase;

/**
 * What the bot knows of one source, replaced whole after each look: the validators to send next time, the hash of
 * the last body imported (an unchanged body is not parsed again), the last look and its one-line result, the
 * failure streak (and whether staff were told of it), the next look, and whether a look waits for
 * {@code sync <name> --accept}. The validators and the hash are also kept in the database ({@link LookMemory}), so
 * the first look after a restart is conditional; the rest starts afresh with each run.
 */
record SourceState(SourceConfig config, String etag, String lastModified, String bodyHash, Instant lastLook,
                   Phrase result, int failures, Instant streakStart, boolean alerted, Instant nextLook,
                   boolean awaitingAccept) {

    static SourceState initial(SourceConfig config) {
        return new SourceState(config, null, null, null, null, Phrase.of("src.notYet"), 0, null, false, null, false);
    }

    /** As a source starts after a restart: what it last answered, not yet looked at in this run. */
    static SourceState remembered(SourceConfig config, String etag, String lastModified, String bodyHash) {
        return new SourceState(config, etag, lastModified, bodyHash, null, Phrase.of("src.notYet"), 0, null,
                false, null, false);
    }

    String name() {
        return config.name();
    }

    SourceState scheduled(Instant next) {
        return new SourceState(config, etag, lastModified, bodyHash, lastLook, result, failures, streakStart, alerted,
                next, awaitingAccept);
    }

    SourceState succeeded(Instant now, Phrase line, String newEtag, String newLastModified, String newHash) {
        return new SourceState(config, newEtag, newLastModified, newHash, now, line, 0, null, false,
                now.plus(config.every()), false);
    }

    SourceState held(Instant now, Phrase line) {
        return new SourceState(config, etag, lastModified, bodyHash, now, line, 0, null, false,
                now.plus(config.every()), true);
    }

    /** Backs off: the gap doubles with each failure in a row, up to an hour (or the source's own gap, if longer). */
    SourceState failed(Instant now, Phrase line, boolean nowAlerted) {
        int n = failures + 1;
        java.time.Duration cap = config.every().compareTo(java.time.Duration.ofHours(1)) > 0 ? config.every()
                : java.time.Duration.ofHours(1);
        java.time.Duration gap = config.every().multipliedBy(1L << Math.min(n - 1, 10));
        if (gap.compareTo(cap) > 0) {
            gap = cap;
        }
        return new SourceState(config, etag, lastModified, bodyHash, now, line, n,
                streakStart != null ? streakStart : now, alerted || nowAlerted, now.plus(gap), awaitingAccept);
    }
}
