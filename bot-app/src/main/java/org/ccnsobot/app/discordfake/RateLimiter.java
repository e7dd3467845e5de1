package org.ccnsobot.app.discordfake;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Discord's rate limits as the fake enforces them: a global count over the last second, and fixed-window buckets per
 * route and major parameter (the channel, for messages), each answered with Discord's headers. Time is a seam
 * ({@code nanos}) so the limits can be tested without waiting for real seconds.
 */
final class RateLimiter {
    private static final long SECOND = 1_000_000_000L;

    /** The routes with a bucket of their own; {@link #OTHER} counts towards the global limit only. */
    enum Route {
        DM_OPEN("dm-open"), MESSAGE("channel-messages"), OTHER(null);

        /** The bucket's hash as Discord sends it in X-RateLimit-Bucket: one per route, whatever the channel. */
        final String hash;

        Route(String hash) {
            this.hash = hash;
        }
    }

    /** What the fake answers: the request goes through with these headers, or a 429. */
    sealed interface Decision {
        Map<String, String> headers();

        record Admitted(Map<String, String> headers) implements Decision {
        }

        /** A 429; {@code global} when it is the bot's global limit, else the route's bucket. */
        record Refused(boolean global, double retryAfterSeconds, Map<String, String> headers) implements Decision {
            /** Discord's 429 body: {@code retry_after} in seconds (with a fraction), {@code global}. */
            String body() {
                return String.format(Locale.ROOT, "{\"message\":\"You are being rate limited.\",\"retry_after\":%.3f,"
                        + "\"global\":%s%s}", retryAfterSeconds, global, global ? ",\"code\":0" : "");
            }
        }
    }

    private final Limits limits;
    private final LongSupplier nanos;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final Map<String, long[]> buckets = new HashMap<>();
    private int admitted;
    private int routeRefused;
    private int globalRefused;
    private int peakPerSecond;

    RateLimiter(Limits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** Admits or refuses one request on {@code route}; {@code major} is the channel id for messages. */
    synchronized Decision check(Route route, String major) {
        long now = nanos.getAsLong();
        while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= SECOND) {
            lastSecond.pollFirst();
        }
        long[] bucket = null; // {count, window end in nanos}
        int limit = 0;
        if (route != Route.OTHER) {
            limit = route == Route.DM_OPEN ? limits.dmOpenLimit() : limits.messageLimit();
            long window = (route == Route.DM_OPEN ? limits.dmOpenWindow() : limits.messageWindow()).toNanos();
            bucket = buckets.computeIfAbsent(route.hash + ":" + (route == Route.DM_OPEN ? "" : major),
                    k -> new long[] {0, Long.MIN_VALUE});
            if (bucket[1] == Long.MIN_VALUE || now >= bucket[1]) {
                bucket[0] = 0;
                bucket[1] = now + window;
            }
        }
        if (lastSecond.size() >= limits.globalPerSecond()) {
            globalRefused++;
            double retry = (lastSecond.peekFirst() + SECOND - now) / 1e9;
            Map<String, String> h = new LinkedHashMap<>();
            h.put("X-RateLimit-Global", "true");
            h.put("X-RateLimit-Scope", "global");
            h.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(retry))));
            return new Decision.Refused(true, retry, h);
        }
        if (bucket != null && bucket[0] >= limit) {
            routeRefused++;
            double retry = (bucket[1] - now) / 1e9;
            Map<String, String> h = bucketHeaders(route, limit, 0, retry);
            h.put("X-RateLimit-Scope", "user");
            h.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(retry))));
            return new Decision.Refused(false, retry, h);
        }
        lastSecond.addLast(now);
        admitted++;
        peakPerSecond = Math.max(peakPerSecond, lastSecond.size());
        if (bucket == null) {
            return new Decision.Admitted(Map.of());
        }
        bucket[0]++;
        return new Decision.Admitted(bucketHeaders(route, limit, (int) (limit - bucket[0]), (bucket[1] - now) / 1e9));
    }

    private static Map<String, String> bucketHeaders(Route route, int limit, int remaining, double resetAfter) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", Integer.toString(limit));
        h.put("X-RateLimit-Remaining", Integer.toString(remaining));
        h.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
        h.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        h.put("X-RateLimit-Bucket", route.hash);
        return h;
    }

    synchronized int admitted() {
        return admitted;
    }

    synchronized int routeRefused() {
        return routeRefused;
    }

    synchronized int globalRefused() {
        return globalRefused;
    }

    /** The most requests admitted within any one second: never above the global limit while it is enforced. */
    synchronized int peakPerSecond() {
        return peakPerSecond;
    }
}
