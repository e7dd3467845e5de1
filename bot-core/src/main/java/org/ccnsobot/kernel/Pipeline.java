package org.ccnsobot.kernel;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;

/**
 * The chain every invocation runs through, in order. The last step must answer without calling on; the chain
 * never throws to its caller (the {@link FaultBarrier} is expected first).
 */
public final class Pipeline {
    private final List<Middleware> steps;
    private final Clock clock;
    private final Predicate<Actor> isStaff;
    private final Function<Actor, ZoneId> zoneOf;
    private final Function<Invocation, java.util.Locale> localeOf;

    /** Answering in English. */
    public Pipeline(List<Middleware> steps, Clock clock, Predicate<Actor> isStaff, Function<Actor, ZoneId> zoneOf) {
        this(steps, clock, isStaff, zoneOf, inv -> java.util.Locale.ENGLISH);
    }

    /** {@code localeOf} decides the language of each answer (the member's choice, the platform's, the config's). */
    public Pipeline(List<Middleware> steps, Clock clock, Predicate<Actor> isStaff, Function<Actor, ZoneId> zoneOf,
                    Function<Invocation, java.util.Locale> localeOf) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.clock = clock;
        this.isStaff = isStaff;
        this.zoneOf = zoneOf;
        this.localeOf = localeOf;
    }

    /** The standard chain: barrier, rate limit, input guard, router, audit, staff gate, executor. */
    public static List<Middleware> standard(RateLimit rateLimit, Router router, AuditTrail audit, Executor executor) {
        return List.of(new FaultBarrier(), rateLimit, new InputGuard(), router, audit, new StaffGate(), executor);
    }

    public Reply handle(Invocation invocation) {
        Actor actor = invocation.actor();
        Request request = new Request(invocation, clock.instant(), zoneOf.apply(actor), isStaff.test(actor), null,
                localeOf.apply(invocation));
        Result r;
        try {
            r = run(0, request);
        } catch (CommandException e) {
            // only reached when a chain has no barrier first; still never an exception to the platform
            r = Result.personalText(e.getMessage());
        }
        // the answer says its language, so an adapter words its own labels (buttons, field names) to match
        OutgoingMessage message = r.message().locale() == null ? r.message().withLocale(request.locale()) : r.message();
        return new Reply(message, r.personal(), r.refusedField());
    }

    private Result run(int index, Request request) throws CommandException {
        if (index >= steps.size()) {
            throw new IllegalStateException("the last step of the pipeline called on");
        }
        return steps.get(index).handle(request, next -> run(index + 1, next));
    }
}
