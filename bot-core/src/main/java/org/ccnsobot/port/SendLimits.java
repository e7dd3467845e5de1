package org.ccnsobot.port;

/**
 * How fast core may send to a platform: a sustained rate and a burst on top of it. Core's reminder fan-out keeps
 * under these, so the adapter's own rate-limit handling (429 retries) is the exception, not the rule.
 */
public record SendLimits(double perSecond, int burst) {

    /** No limit: for platforms that are not remote services (the console, test fakes). */
    public static final SendLimits UNLIMITED = new SendLimits(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);

    /** What a platform that declares nothing gets: gentle enough for any hosted chat service. */
    public static final SendLimits CONSERVATIVE = new SendLimits(5, 5);

    public SendLimits {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("send limits must be positive: " + perSecond + "/s, burst " + burst);
        }
    }

    public boolean unlimited() {
        return Double.isInfinite(perSecond);
    }
}
