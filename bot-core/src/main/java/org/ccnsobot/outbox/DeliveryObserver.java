package org.ccnsobot.outbox;

import java.time.Duration;

/**
 * Told of each delivery the platform confirmed: how long the platform took to answer, and how late the message
 * was against its due time (a reminder planned for 09:00 and confirmed at 09:00:02 is 2 s late). The bot's meters
 * listen here, so the outbox itself knows nothing of how they are kept.
 */
@FunctionalInterface
public interface DeliveryObserver {
    DeliveryObserver NONE = (kind, sendTime, lateness) -> { };

    void delivered(String kind, Duration sendTime, Duration lateness);
}
