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

    /** What {@link #refreshTranslations} changed. */
    public record Refreshed(int committees, int events) {
    }

    /**
     * Takes the calendar folder's translations into a database seeded before (a seed is read once, so new or
     * corrected French and Spanish names would otherwise never reach it): committees' names and descriptions and
     * events' titles, and nothing else, so what staff changed since the seed stays. The folder is validated
     * whole first; a bad file throws and writes nothing. An event edited or imported since keeps its own title
     * (see {@link CalendarStore#saveTranslations}).
     */
    public static Refreshed refreshTranslations(CalendarService calendar, Path folder) throws CalendarException {
        CalendarData data = CalendarFiles.loadDirectory(folder);
        int[] changed = calendar.saveTranslations(data.committees(), data.events());
        LOG.info("Translations from {}: {} committee(s) and {} event(s) changed", folder, changed[0], changed[1]);
        return new Refreshed(changed[0], changed[1]);
    }

    private static boolean seed(CalendarService calendar, Path folder, CalendarData data) {
        calendar.saveAll(data, SEEDED_KEY, folder.toString());
        LOG.info("Seeded the calendar from {}: {} committees, {} meetings, {} events, {} updates", folder,
                data.committees().size(), data.meetings().size(), data.events().size(), data.updates().size());
        return true;
    }
}
