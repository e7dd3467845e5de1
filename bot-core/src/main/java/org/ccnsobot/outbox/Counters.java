package org.ccnsobot.outbox;

import java.util.concurrent.atomic.AtomicLong;

/** What the outbox did since start. */
final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong alerts = new AtomicLong();
    final AtomicLong foundDelivered = new AtomicLong();
    final AtomicLong resentAfterCrash = new AtomicLong();
}
