package org.ccnsobot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT as a request to stop. The JVM's own handling runs the shutdown hooks and then exits 143 (or
 * 130), which systemd reports as a failure; with these handlers the main thread stops the bot in order and the
 * process exits 0.
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void onStop(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here (or the JVM keeps it): the shutdown hook still closes the connections
                LOG.debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }
}
