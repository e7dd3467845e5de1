package org.ccnsobot.features.sources;

/** A look that found nothing usable; the message is the one line staff see in {@code sources} and the log. */
final class SourceException extends Exception {
    SourceException(String line) {
        super(line);
    }
}
