package org.ccnsobot.outbox;

import java.time.ZoneId;
import org.ccnsobot.port.Destination;

/** The zone the reader of a destination reads times in (a member's own zone for DMs, the bot's for channels). */
@FunctionalInterface
public interface ReaderZones {
    ZoneId zoneOf(Destination destination);
}
