package org.ccnsobot.port;

/**
 * A platform failure. {@code transientFailure} tells the sender whether retrying may help (a 5xx, a time-out, a
 * rate limit) or not (closed DMs, a missing channel, a bad token).
 */
public class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public PlatformException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public PlatformException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
