package org.ccnsobot.outbox;

import java.time.Instant;
import org.ccnsobot.port.Destination;

/**
 * A job to queue. Its key is {@code kind|subject|part|destination}: queuing the same job twice keeps the first.
 * {@code generation} is for work that may have to be sent again under a new idempotency key (a reminder whose
 * event moved): a job queued with a higher generation than the stored one resets it to pending under the new key.
 */
public record NewJob<P>(String subject, String part, Destination destination, Instant due, P payload, int generation) {

    public NewJob(String subject, String part, Destination destination, Instant due, P payload) {
        this(subject, part, destination, due, payload, 1);
    }

    String key(String kind) {
        return kind + "|" + subject + "|" + part + "|" + destination.key();
    }
}
