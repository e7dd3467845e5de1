package org.ccnsobot.kernel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
/**
 * A fixed-window limit per member, so one member (or a runaway script) cannot flood the bot. Staff are trusted
 * (and the console's scripted sessions run as staff), so only members are limited. Windows expire on the bot's
 * own clock, so tests move time instead of waiting.
 */
public final class RateLimit implements Middleware {
    /** Requests a member may make per window. */
    public static final int DEFAULT_LIMIT = 30;

    private final int limit;
    private final Cache<String, AtomicInteger> windows;

    public RateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window).maximumSize(100_000).build();
    }

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        if (!request.staff()) {
            AtomicInteger count = windows.get(request.who(), k -> new AtomicInteger());
            if (count.incrementAndGet() > limit) {
                throw new CommandException(org.ccnsobot.i18n.Messages.t(request.locale(), "error.rateLimited"));
            }
        }
        return next.proceed(request);
    }
}
