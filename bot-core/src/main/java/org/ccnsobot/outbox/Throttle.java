package org.ccnsobot.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ccnsobot.port.SendLimits;

/**
 * A token bucket: one per platform and one per destination. It runs on real elapsed time, not on the injected
 * clock: the platform's limits are in real seconds, and a pinned test clock would otherwise never refill it. The
 * time source is a seam so tests can count the waits instead of sleeping through them.
 */
final class Throttle {
    private final SendLimits limits;
    private final Time time;
    private double tokens;
    private long last;

    /** Where the bucket reads the time and how it waits. */
    interface Time {
        long nanoTime();

        void park(long nanos);

        Time REAL = new Time() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    Throttle(SendLimits limits) {
        this(limits, Time.REAL);
    }

    Throttle(SendLimits limits, Time time) {
        this.limits = limits;
        this.time = time;
        this.tokens = limits.unlimited() ? 0 : limits.burst();
        this.last = time.nanoTime();
    }

    /** Waits until a send is allowed. */
    void acquire() throws InterruptedException {
        if (limits.unlimited()) {
            return;
        }
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = time.nanoTime();
                tokens = Math.min(limits.burst(), tokens + (now - last) / 1e9 * limits.perSecond());
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / limits.perSecond() * 1e9);
            }
            time.park(Math.max(waitNanos, TimeUnit.MICROSECONDS.toNanos(100)));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting to send");
            }
        }
    }
}
