package org.ccnsobot.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * Work a feature keeps outside the outbox until it falls due, then turns into jobs (the reminders' slots expand
 * into one job per destination with the subscriptions of that moment). The scheduler wakes for it like for a job.
 */
public interface JobSource {

    /** Once the outbox holds the lock and has recovered interrupted jobs: plan what must be planned. */
    default void started(Instant now) {
    }

    /** The outbox is closing, while it still holds the lock: finish what must not be left half done. */
    default void stopping() {
    }

    /** The earliest instant this source has work due, if any. */
    Optional<Instant> nextDue();

    /** Turns what is due at {@code now} into jobs (via {@link Outbox#enqueue}); says how much it handled. */
    Released release(Instant now);

    /** {@code handled} units of work were released (0 ends a firing's loop); {@code dropped} of them were stale. */
    record Released(int handled, int dropped) {
        public static final Released NOTHING = new Released(0, 0);
    }
}
