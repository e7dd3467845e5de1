package org.ccnsobot.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that stands still until moved. The console pins it with {@code --now} and moves it with
 * {@code advance}; tests move it instead of sleeping. Listeners hear every move, so a scheduler waiting on this
 * clock can wake at once.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        set(now.plus(d));
    }

    public void set(Instant instant) {
        now = instant;
        for (Consumer<Instant> l : new ArrayList<>(listeners)) {
            l.accept(instant);
        }
    }

    public void onChange(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
