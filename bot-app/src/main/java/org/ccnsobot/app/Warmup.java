package org.ccnsobot.app;

/**
 * Loads, on a second core, the heavy parts every start needs next (SQLite's native library, Flyway and the scan of
 * our migrations, the message bundles compiled with ICU) while the first core parses the command line and
 * reads the config. Class loading and initialising is most of a start-up here (about 4,000 classes), and the JVM
 * lets two threads do it at once; the start path then finds them ready instead of loading them in turn. It does no
 * work the start would not do anyway, writes nothing, and keeps quiet: whatever fails here fails again where it is
 * really needed, and is reported there.
 */
final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread; never waits for it. */
    static void start() {
        Thread t = new Thread(Warmup::run, "warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void run() {
        try {
            org.ccnsobot.i18n.Messages.get();
            org.ccnsobot.store.Database.preload();
        } catch (Throwable ignored) {
            // only an early start of what the start path does itself, and reports there when it fails
        }
    }
}
