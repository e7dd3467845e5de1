package org.ccnsobot.features.ical;

import java.time.ZoneId;

/**
 * How to read a feed. {@code meeting}: the meeting its sessions belong to (its zone is the venue's); {@code zone}:
 * the zone to show the events in (and to read floating times in), ahead of the meeting's; {@code source}: the
 * feed's name for re-imports, when its X-WR-CALNAME is missing or not the one wanted; {@code dryRun}: report only.
 */
public record ImportOptions(String meeting, ZoneId zone, String source, boolean dryRun) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, false);
    }

    public ImportOptions asDryRun() {
        return new ImportOptions(meeting, zone, source, true);
    }
}
