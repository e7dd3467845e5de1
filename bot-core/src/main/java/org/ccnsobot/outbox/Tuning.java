package org.ccnsobot.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** The dispatcher's knobs, set before the outbox starts. */
final class Tuning {
    Duration sendTimeout = Duration.ofSeconds(30);
    Duration backoffBase = Duration.ofSeconds(30);
    Duration backoffCap = Duration.ofMinutes(30);
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    int maxAttempts = 5;
    int claimBatch = 200;
    int maxInFlight = 32;
    int markBatch = 50;
    /** How the throttles read the time and wait (tests count the waits instead of sleeping). */
    Throttle.Time throttleTime = Throttle.Time.REAL;
    /** Told of each confirmed delivery (the bot's meters). */
    volatile DeliveryObserver observer = DeliveryObserver.NONE;

    /** base × 2^(attempt-1), at most cap, with jitter in [½, 1] of that. */
    Duration backoff(int attempt) {
        long ms = backoffBase.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        ms = Math.min(ms, backoffCap.toMillis());
        return Duration.ofMillis((long) (ms * (0.5 + 0.5 * jitter.getAsDouble())));
    }
}
