package org.ccnsobot.kernel;

/**
 * One rule in front of every command. A step may answer by itself (a refusal, a fault), or pass the request on,
 * possibly enriched, and look at what comes back (the audit records the outcome).
 */
@FunctionalInterface
public interface Middleware {

    Result handle(Request request, Next next) throws CommandException;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next {
        Result proceed(Request request) throws CommandException;
    }
}
