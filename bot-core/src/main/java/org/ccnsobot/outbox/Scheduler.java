package org.ccnsobot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that sleeps until the next due instant (no polling interval) and wakes early when told (an enqueue,
 * a calendar change, a manual clock's move). Every firing is guarded: a failure is logged and the thread carries on.
 */
final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Clock clock;
    private final Runnable fire;
    private final Supplier<Optional<Instant>> next;
    private final Object monitor = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;

    Scheduler(Clock clock, Runnable fire, Supplier<Optional<Instant>> next) {
        this.clock = clock;
        this.fire = fire;
        this.next = next;
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "outbox");
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (monitor) {
            wakeRequested = true;
            monitor.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean ok = true;
            try {
                fire.run();
            } catch (RuntimeException | Error e) {
                ok = false;
                LOG.error("Firing due jobs failed; the scheduler carries on", e);
            }
            Optional<Instant> due;
            try {
                due = ok ? next.get() : Optional.of(clock.instant().plusSeconds(1));
            } catch (RuntimeException e) {
                LOG.error("Cannot read when the next job is due; looking again in a second", e);
                due = Optional.of(clock.instant().plusSeconds(1));
            }
            synchronized (monitor) {
                if (!running) {
                    break;
                }
                if (wakeRequested) {
                    wakeRequested = false;
                    continue;
                }
                try {
                    if (due.isEmpty()) {
                        monitor.wait();
                    } else {
                        Duration d = Duration.between(clock.instant(), due.get());
                        if (!d.isNegative() && !d.isZero()) {
                            long ms = d.toMillis() + (d.toNanosPart() % 1_000_000 > 0 ? 1 : 0);
                            monitor.wait(Math.max(ms, 1));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                wakeRequested = false;
            }
        }
    }

    /** Stops the thread, waiting up to {@code grace} for a firing in progress. */
    void stop(Duration grace) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }
}
