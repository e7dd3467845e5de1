package org.ccnsobot.outbox;

import java.time.Instant;
import org.ccnsobot.port.Destination;

/**
 * One outbox job as its kind sees it. {@code subject} is what the job is about (an event id, an announcement id,
 * a digest week), {@code part} tells jobs of one subject and destination apart (a reminder's offset, a message's
 * part number); {@code idempotencyKey} is what the platform dedupes on.
 */
public record Job<P>(long id, String kind, String subject, String part, Destination destination, Instant due,
                     JobState state, int attempts, String lastError, String messageRef, String idempotencyKey,
                     P payload) {

    public boolean sent() {
        return state == JobState.SENT;
    }
}
