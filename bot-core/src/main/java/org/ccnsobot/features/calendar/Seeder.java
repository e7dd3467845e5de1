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
        return seed(calendar, folder, CalendarFiles.loadDirectory(folder));
    }

    /** As above, with the folder already being read by {@link #readAhead}. */
    public static boolean seedIfEmpty(CalendarService calendar, Reading reading) throws CalendarException {
        if (calendar.store().meta(SEEDED_KEY).isPresent()) {
            return false;
        }
        return seed(calendar, reading.folder, reading.get());
    }

    /**
     * Starts reading and checking the calendar folder on a thread of its own: a first start reads it while the new
     * database is being migrated (reading the YAML is mostly loading Jackson's deserializers, a third of a second).
     */
    public static Reading readAhead(Path folder) {
        Reading r = new Reading(folder);
        Thread t = new Thread(r.task, "calendar-reader");
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** The calendar folder being read; {@link #seedIfEmpty(CalendarService, Reading)} waits for it. */
    public static final class Reading {
        private final Path folder;
        private final java.util.concurrent.FutureTask<CalendarData> task;

        private Reading(Path folder) {
            this.folder = folder;
            this.task = new java.util.concurrent.FutureTask<>(() -> CalendarFiles.loadDirectory(folder));
        }

        CalendarData get() throws CalendarException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + folder, e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CalendarException c) {
                    throw c;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static boolean seed(CalendarService calendar, Path folder, CalendarData data) {
        calendar.saveAll(data, SEEDED_KEY, folder.toString());
        LOG.info("Seeded the calendar from {}: {} committees, {} meetings, {} events, {} updates", folder,
                data.committees().size(), data.meetings().size(), data.events().size(), data.updates().size());
        return true;
    }
}
