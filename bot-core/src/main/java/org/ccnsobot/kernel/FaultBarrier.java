package org.ccnsobot.kernel;

import org.ccnsobot.port.support.FaultReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: a user error becomes a one-line personal reply; anything unexpected is logged in full with
 * a reference, and the user sees only the reference. Nothing past this step reaches a platform as an exception.
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
            FaultReference ref = FaultReference.next();
            LOG.error("Fault {} while handling '{}' from {}", ref, Text.shorten(request.invocation().rawText(), 200),
                    request.who(), e);
            return Result.personalText(ref.message());
        }
    }
}
