package org.ccnsobot.features.ical;

import java.util.List;
import org.ccnsobot.config.SourceConfig;
import java.time.ZoneId;

/**
 * How to read a feed. {@code meeting}: the meeting its sessions belong to (its zone is the venue's); {@code zone}:
 * the zone to show the events in (and to read floating times in), ahead of the meeting's; {@code source}: the
 * feed's name for re-imports, when its X-WR-CALNAME is missing or not the one wanted; {@code dryRun}: report only;
 * {@code committeeRules}: patterns in titles or categories that give committees (a source's {@code committees});
 * {@code skipBadEvents}: an event that cannot be read is skipped and reported (line, UID, reason) and the others
 * land in one transaction (a live source and a hand import by default); without it ({@code import --strict}) the whole
 * file is refused. A file that is not iCalendar at all is refused whole either way.
 */
public record ImportOptions(String meeting, ZoneId zone, String source, boolean dryRun,
                            List<SourceConfig.CommitteeRule> committeeRules, boolean skipBadEvents) {

    public ImportOptions {
        committeeRules = committeeRules == null ? List.of() : List.copyOf(committeeRules);
    }

    /** Without committee rules: a committee's acronym, name or alias in a title or category gives it. */
    public ImportOptions(String meeting, ZoneId zone, String source, boolean dryRun) {
        this(meeting, zone, source, dryRun, List.of(), false);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, false);
    }

    public ImportOptions asDryRun() {
        return new ImportOptions(meeting, zone, source, true, committeeRules, skipBadEvents);
    }
}
