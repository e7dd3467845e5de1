package org.ccnsobot.kernel;

import org.ccnsobot.port.support.FaultReference;
import org.ccnsobot.store.Database;
import org.ccnsobot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: a user error becomes a one-line personal reply; anything unexpected is logged in full with
 * a reference, and the user sees only the reference. A storage failure that is not a fault is told as what it
 * is: a full disk, a read-only database, a database busy in another process (the write was refused whole, so
 * nothing was saved); the log keeps SQLite's own error. Nothing past this step reaches a platform as an exception.
 */
public final class FaultBarrier implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(FaultBarrier.class);
    static final String FULL = "The disk is full: nothing was saved. Staff: free some space and try again.";
    static final String READ_ONLY = "The database is read-only: nothing was saved. Staff: make it writable again.";
    static final String BUSY = "The calendar is busy: another program has been writing to it for over "
            + Database.BUSY_TIMEOUT.toSeconds() + " seconds, so nothing was saved. Try again in a moment.";

    @Override
    public Result handle(Request request, Next next) {
        try {
            return next.proceed(request);
        } catch (CommandException e) {
            return Result.refusal(e.getMessage(), e.option().orElse(null));
        } catch (RuntimeException e) {
            String what = Text.shorten(request.invocation().rawText(), 200);
            switch (StoreException.kindOf(e)) {
                case FULL:
                    LOG.error("'{}' from {}: the disk is full, nothing was saved ({})", what, request.who(), e.getMessage());
                    return Result.refusal(FULL, null);
                case READ_ONLY:
                    LOG.error("'{}' from {}: the database is read-only, nothing was saved ({})", what, request.who(),
                            e.getMessage());
                    return Result.refusal(READ_ONLY, null);
                case BUSY:
                    LOG.warn("'{}' from {}: the database stayed busy (locked by another process) for over {} s; nothing"
                            + " was saved ({})", what, request.who(), Database.BUSY_TIMEOUT.toSeconds(), e.getMessage());
                    return Result.refusal(BUSY, null);
                default:
                    FaultReference ref = FaultReference.next();
                    LOG.error("Fault {} while handling '{}' from {}", ref, what, request.who(), e);
                    return Result.refusal(ref.message(), null);
            }
        }
    }
}
