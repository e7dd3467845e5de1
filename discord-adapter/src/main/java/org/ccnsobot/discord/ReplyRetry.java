package org.ccnsobot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an answer to an interaction that met a 5xx or a dropped connection, with doubling back-off, for as long as
 * the interaction token lives (15 minutes; the window keeps a margin). Only requests that are safe to repeat are
 * handed here with {@link #transientFailure}: editing or deleting the deferred reply lands once however often it is
 * sent. A follow-up message is not idempotent, so it is retried only when the connection was refused, which means
 * Discord never saw it ({@link #notSent}).
 */
final class ReplyRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyRetry.class);

    /** How long to wait first, at most between tries, for how long after the interaction, and how many tries. */
    record Policy(Duration first, Duration max, Duration window, int maxAttempts) {
        static final Policy DEFAULT = new Policy(Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(14), 30);

        Duration delay(int failures) {
            long millis = first.toMillis() << Math.min(20, Math.max(0, failures - 1));
            return Duration.ofMillis(Math.min(max.toMillis(), millis));
        }
    }

    private final ScheduledExecutorService timer;
    private final Clock clock;
    private volatile Policy policy;

    ReplyRetry(ScheduledExecutorService timer, Clock clock, Policy policy) {
        this.timer = timer;
        this.clock = clock;
        this.policy = policy;
    }

    void policy(Policy value) {
        this.policy = value;
    }

    /** A failure worth repeating an idempotent request for: a 5xx JDA gave up on, a time-out, a broken connection. */
    static boolean transientFailure(Throwable error) {
        return Failures.map(error, "answering").isTransient();
    }

    /** A failure that proves the request never reached Discord. */
    static boolean notSent(Throwable error) {
        return Failures.unwrap(error) instanceof java.net.ConnectException;
    }

    /** Submits {@code action} until it succeeds, fails for good, or the token's window closes. */
    <T> CompletableFuture<T> submit(String what, Instant received, Supplier<RestAction<T>> action,
                                    Predicate<Throwable> retryable) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, received.plus(policy.window()), action, retryable, 1, result);
        return result;
    }

    private <T> void attempt(String what, Instant deadline, Supplier<RestAction<T>> action, Predicate<Throwable> retryable,
                             int attempt, CompletableFuture<T> result) {
        CompletableFuture<T> sent;
        try {
            sent = action.get().submit();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        sent.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Policy p = policy;
            Duration delay = p.delay(attempt);
            boolean inTime = clock.instant().plus(delay).isBefore(deadline) && attempt < p.maxAttempts();
            if (!retryable.test(error) || !inTime) {
                result.completeExceptionally(error);
                return;
            }
            LOG.info("{} failed ({}); trying again in {} ms (attempt {})", what, Failures.unwrap(error).toString(),
                    delay.toMillis(), attempt + 1);
            try {
                timer.schedule(() -> attempt(what, deadline, action, retryable, attempt + 1, result),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(error);
            }
        });
    }
}
