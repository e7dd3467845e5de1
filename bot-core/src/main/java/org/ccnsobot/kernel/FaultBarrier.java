package org.ccnsobot.kernel;

import org.ccnsobot.i18n.Messages;
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
    @Override
    public Result handle(Request request, Next next) {
        try {
            return next.proceed(request);
        } catch (CommandException e) {
            return Result.personalText(e.getMessage());
        } catch (RuntimeException e) {
            String what = Text.shorten(request.invocation().rawText(), 200);
            switch (StoreException.kindOf(e)) {
                case FULL:
                    LOG.error("'{}' from {}: the disk is full, nothing was saved ({})", what, request.who(), e.getMessage());
                    return Result.personalText(Messages.t(request.locale(), "fault.full"));
                case READ_ONLY:
                    LOG.error("'{}' from {}: the database is read-only, nothing was saved ({})", what, request.who(),
                            e.getMessage());
                    return Result.personalText(Messages.t(request.locale(), "fault.readOnly"));
                case BUSY:
                    LOG.warn("'{}' from {}: the database stayed busy (locked by another process) for over {} s; nothing"
                            + " was saved ({})", what, request.who(), Database.BUSY_TIMEOUT.toSeconds(), e.getMessage());
                    return Result.personalText(Messages.t(request.locale(), "fault.busy",
                            String.valueOf(Database.BUSY_TIMEOUT.toSeconds())));
                default:
                    FaultReference ref = FaultReference.next();
                    LOG.error("Fault {} while handling '{}' from {}", ref, what, request.who(), e);
                    // in the asker's language; FaultReference.message() stays English for the adapters (the port
                    // depends on the JDK alone)
                    return Result.personalText(Messages.t(request.locale(), "fault.reference", ref.id()));
            }
        }
    }
}
