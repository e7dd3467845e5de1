package org.ccnsobot.features.sources;

import org.ccnsobot.i18n.Phrase;

/**
 * A look that found nothing usable. The reason is kept as a {@link Phrase}: {@code sources} words it in the staff
 * member's language, the staff channel's notice in the channel's; the message is its English, for the log.
 */
final class SourceException extends Exception {
    private final transient Phrase reason;

    SourceException(Phrase reason) {
        super(reason.english());
        this.reason = reason;
    }

    SourceException(String key, Object... args) {
        this(Phrase.of(key, args));
    }

    Phrase reason() {
        return reason;
    }
}
