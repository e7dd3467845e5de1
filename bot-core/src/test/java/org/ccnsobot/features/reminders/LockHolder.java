package org.ccnsobot.features.reminders;

import java.nio.file.Path;
import java.time.Instant;
import org.ccnsobot.outbox.LedgerLock;

/** Holds a ledger's lock in its own JVM until killed, for {@link LedgerLockTest}. Arg: the database path. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        LedgerLock lock = LedgerLock.acquire(Path.of(args[0]), Instant.now());
        System.out.println("LOCKED " + lock.file());
        System.out.flush();
        // blocks until the test kills us or closes our input
        while (System.in.read() >= 0) {
            // keep holding
        }
        lock.close();
    }
}
