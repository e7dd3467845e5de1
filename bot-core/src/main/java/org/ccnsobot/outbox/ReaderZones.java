package org.ccnsobot.outbox;

import java.time.ZoneId;
import org.ccnsobot.port.Destination;

/**
 * The zone the reader of a destination reads times in (a member's own zone for DMs, the bot's for channels), and
 * the language it is written in (a member's own for DMs, the config's for channels).
 */
@FunctionalInterface
public interface ReaderZones {
    ZoneId zoneOf(Destination destination);

    default java.util.Locale localeOf(Destination destination) {
        return java.util.Locale.ENGLISH;
    }
}
