package org.ccnsobot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.port.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's Slack locale ({@code users.info} with {@code include_locale=true}: "fr-FR", "es-LA", "en-US"), which core
 * uses when the member has not chosen a language. Slack sends no locale with commands or events, so it is asked once
 * per member and kept in a bounded cache; a member Slack will not describe (an error, a timeout) has no locale for a
 * short while, then is asked again. Called only on the work executor, never on the 3-second ack path.
 */
final class SlackLocales {
    private static final Logger LOG = LoggerFactory.getLogger(SlackLocales.class);

    /** Reads one member's locale tag from Slack; empty when Slack gives none. */
    @FunctionalInterface
    interface Source {
        Optional<String> of(String userId) throws PlatformException;
    }

    private final Source source;
    private final Cache<String, Optional<Locale>> known;
    private final Cache<String, Boolean> failed;

    SlackLocales(Source source, Duration keep, int maxMembers) {
        this.source = source;
        this.known = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(maxMembers).build();
        this.failed = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(maxMembers).build();
    }

    /** The member's locale, or null when Slack does not say (core then uses the config's language). */
    Locale of(String userId) {
        if (userId == null) {
            return null;
        }
        Optional<Locale> hit = known.getIfPresent(userId);
        if (hit != null) {
            return hit.orElse(null);
        }
        if (failed.getIfPresent(userId) != null) {
            return null;
        }
        try {
            Optional<Locale> locale = source.of(userId).filter(t -> !t.isBlank())
                    .map(t -> Locale.forLanguageTag(t.strip().replace('_', '-')));
            known.put(userId, locale);
            return locale.orElse(null);
        } catch (PlatformException | RuntimeException e) {
            LOG.debug("users.info for {} gave no locale: {}", userId, e.getMessage());
            failed.put(userId, Boolean.TRUE);
            return null;
        }
    }
}
