package org.ccnsobot.outbox;

import java.time.Instant;
import java.time.ZoneId;

/** What a kind knows when it words a job: the instant of sending and the zone its reader reads times in. */
public record SendContext(Instant now, ZoneId readerZone, java.util.Locale locale) {

    public SendContext {
        locale = locale == null ? java.util.Locale.ENGLISH : locale;
    }

    /** In English. */
    public SendContext(Instant now, ZoneId readerZone) {
        this(now, readerZone, null);
    }
}
