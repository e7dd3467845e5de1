package org.ccnsobot.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ccnsobot.port.SendLimits;

/**
 * A token bucket per platform. It runs on real elapsed time (System.nanoTime), not on the injected clock: the
 * platform's limits are in real seconds, and a pinned test clock would otherwise never refill it.
 */
final class Throttle {
    private final SendLimits limits;
    private double tokens;
    private long last = System.nanoTime();

    Throttle(SendLimits limits) {
        this.limits = limits;
        this.tokens = limits.unlimited() ? 0 : limits.burst();
    }

    /** Waits until a send is allowed. */
    void acquire() throws InterruptedException {
        if (limits.unlimited()) {
            return;
        }
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(limits.burst(), tokens + (now - last) / 1e9 * limits.perSecond());
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) ((1 - tokens) / limits.perSecond() * 1e9);
            }
            LockSupport.parkNanos(Math.max(waitNanos, TimeUnit.MICROSECONDS.toNanos(100)));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting to send");
            }
        }
    }
}
