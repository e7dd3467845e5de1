package org.ccnsobot.features.calendar;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeds an empty database from the calendar folder, once: later starts keep what staff changed since. */
public final class Seeder {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    static final String SEEDED_KEY = "seeded_from";

    private Seeder() {
    }

    /** Returns true when it seeded; throws without writing anything when the calendar is invalid. */
    public static boolean seedIfEmpty(CalendarService calendar, Path folder) throws CalendarException {
        if (calendar.store().meta(SEEDED_KEY).isPresent()) {
            return false;
        }
        CalendarData data = CalendarFiles.loadDirectory(folder);
        calendar.saveAll(data, SEEDED_KEY, folder.toString());
        LOG.info("Seeded the calendar from {}: {} committees, {} meetings, {} events, {} updates", folder,
                data.committees().size(), data.meetings().size(), data.events().size(), data.updates().size());
        return true;
    }
}
