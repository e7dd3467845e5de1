package org.ccnsobot.app;

/**
 * Starts logging and loads, on a second core, the heavy parts a start and its first answer need next (SQLite's
 * native library, Flyway and the scan of our migrations, the message bundles compiled with ICU, the question
 * reader's ICU transliterator and word lists) while the first core builds the command line, reads the config and
 * opens the database. Class loading and initialising is most of a start-up here (about 4,000 classes), and the JVM
 * lets two threads do it at once; the start path then finds them ready instead of loading them in turn. It does
 * only what the start or the first question would do anyway, writes nothing, and keeps quiet: whatever fails here
 * fails again where it is really needed, and is reported there.
 */
final class Warmup {
    private final java.util.concurrent.CountDownLatch logging = new java.util.concurrent.CountDownLatch(1);

    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread: logging first, then the rest. */
    static Warmup start() {
        Warmup w = new Warmup();
        Thread t = new Thread(w::run, "warm-up");
        t.setDaemon(true);
        t.start();
        return w;
    }

    /**
     * Waits until logging is set up (on the warm-up thread), so nothing the caller runs next logs into SLF4J's
     * stand-in loggers of a start still under way. Gives up after 10 s: logging then starts on its first use.
     */
    void awaitLogging() {
        try {
            logging.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            // ical4j installs a java.time zone provider that logs while it loads; loading it before logging starts
            // keeps that from happening in the middle of logback's own start (SLF4J would print a replay warning)
            java.time.zone.ZoneRulesProvider.getAvailableZoneIds();
            org.slf4j.LoggerFactory.getILoggerFactory();
        } catch (Throwable ignored) {
            // logging then starts on its first use, where a failure is seen
        } finally {
            logging.countDown();
        }
        try {
            org.ccnsobot.i18n.Messages.get();
            org.ccnsobot.store.Database.preload();
            org.ccnsobot.features.questions.Questions.preload();
        } catch (Throwable ignored) {
            // only an early start of what the start path does itself, and reports there when it fails
        }
    }
}
