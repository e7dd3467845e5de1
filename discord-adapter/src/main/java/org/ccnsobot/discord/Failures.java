package org.ccnsobot.discord;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.ccnsobot.port.PlatformException;

/**
 * Sorts JDA failures into the port's two kinds. Transient ones (a 5xx JDA gave up on, a time-out, a broken
 * connection) are worth retrying by core's ledger; the others (closed DMs, a missing channel or permission) are
 * not, and say what to fix.
 */
final class Failures {

    private Failures() {
    }

    static PlatformException map(Throwable error, String what) {
        Throwable t = unwrap(error);
        if (t instanceof PlatformException p) {
            return p;
        }
        if (t instanceof ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
                return new PlatformException(what + " failed: the member's DMs are closed to the bot (Discord error 50007)",
                        false, e);
            }
            if (e.isServerError() || (e.getResponse() != null && e.getResponse().code >= 500)) {
                return new PlatformException(what + " failed: Discord answered HTTP "
                        + (e.getResponse() == null ? "5xx" : e.getResponse().code) + "; try again later", true, e);
            }
            return new PlatformException(what + " failed: " + e.getMeaning() + " (Discord error " + e.getErrorCode() + ")",
                    false, e);
        }
        if (t instanceof InsufficientPermissionException e) {
            return new PlatformException(what + " failed: the bot lacks the " + e.getPermission().getName()
                    + " permission there", false, e);
        }
        if (t instanceof RateLimitedException || t instanceof IOException || t instanceof TimeoutException) {
            return new PlatformException(what + " failed: " + t.getMessage(), true, t);
        }
        return new PlatformException(what + " failed: " + t, false, t);
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    static boolean is(Throwable t, ErrorResponse response) {
        return unwrap(t) instanceof ErrorResponseException e && e.getErrorResponse() == response;
    }
}
