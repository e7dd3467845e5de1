package org.ccnsobot.outbox;

import java.time.Instant;
import java.time.ZoneId;

/** What a kind knows when it words a job: the instant of sending and the zone its reader reads times in. */
public record SendContext(Instant now, ZoneId readerZone) {
}
