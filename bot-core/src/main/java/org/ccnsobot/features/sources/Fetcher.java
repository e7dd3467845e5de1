package org.ccnsobot.features.sources;

import java.net.URI;
import java.time.Duration;

/** Fetches a source's bytes, conditionally: what the last look answered is sent back so an unchanged source costs nothing. */
interface Fetcher {

    /** What a look found: nothing new, or a body with the validators to send next time. */
    sealed interface Fetched permits NotModified, Body {
    }

    /** The source says (304, or an unchanged file time) it has not changed since the last look. */
    record NotModified() implements Fetched {
    }

    /** A full answer, with its validators (either may be null). */
    record Body(byte[] data, String etag, String lastModified) implements Fetched {
    }

    /**
     * Fetches {@code url} (http, https or file), sending {@code etag} and {@code lastModified} when not null, and
     * waiting at most {@code timeout} (the source's own) for an answer; null: the fetcher's default.
     * Anything but a usable answer is a {@link SourceException} with one line that says what went wrong.
     */
    Fetched fetch(URI url, String etag, String lastModified, Duration timeout) throws SourceException;

    static Fetcher standard(Duration timeout, int maxBytes) {
        return new HttpFetcher(timeout, maxBytes);
    }
}
