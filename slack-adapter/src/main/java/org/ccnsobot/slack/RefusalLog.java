package org.ccnsobot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Logs refused requests without letting unauthenticated traffic flood the log: the first refusal of a minute is one
 * line, the rest of that minute are counted and reported as one line (how many, from how many addresses, the first
 * reasons) when the minute is over.
 */
final class RefusalLog {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int REASONS_KEPT = 3;

    private final Clock clock;
    private final Consumer<String> sink;
    private Instant windowStart;
    private long counted;
    private final Map<String, Integer> reasons = new LinkedHashMap<>();
    private final java.util.Set<String> addresses = new java.util.HashSet<>();

    RefusalLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    synchronized void refused(String from, String reason) {
        Instant now = clock.instant();
        flushIfDue(now);
        if (windowStart == null) {
            windowStart = now;
            sink.accept("refused a request from " + from + ": " + reason
                    + " (more refusals this minute are counted, then logged as one line)");
            return;
        }
        counted++;
        if (addresses.size() < 10_000) {
            addresses.add(from);
        }
        if (reasons.containsKey(reason) || reasons.size() < REASONS_KEPT) {
            reasons.merge(reason, 1, Integer::sum);
        }
    }

    /** Logs the count of a minute that is over; called on each refusal and by a timer. */
    synchronized void flushIfDue() {
        flushIfDue(clock.instant());
    }

    private void flushIfDue(Instant now) {
        if (windowStart == null || now.isBefore(windowStart.plus(WINDOW))) {
            return;
        }
        if (counted > 0) {
            sink.accept("refused " + counted + " more request" + (counted == 1 ? "" : "s") + " from "
                    + addresses.size() + " address" + (addresses.size() == 1 ? "" : "es") + " in the minute after "
                    + windowStart + "; first reasons: " + reasons);
        }
        windowStart = null;
        counted = 0;
        reasons.clear();
        addresses.clear();
    }
}
