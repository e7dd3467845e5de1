package org.ccnsobot.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window limit per user, so one member (or a runaway script) cannot flood the bot. Windows live in a
 * Caffeine cache that expires them on the bot's own clock, so tests move time instead of waiting.
 */
final class RateLimiter {
    private final int limit;
    private final Cache<String, AtomicInteger> windows;

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** True if the user may go on; false once the window's allowance is spent. */
    boolean allow(String user) {
        AtomicInteger count = windows.get(user, k -> new AtomicInteger());
        return count.incrementAndGet() <= limit;
    }
}
