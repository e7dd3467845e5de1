package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.ccnsobot.port.Invocation;

/** One request on its way through the pipeline: the invocation, who asks (staff or not), when, and in which zone. */
public record Request(Invocation invocation, Instant now, ZoneId zone, boolean staff, Target target) {

    public Request {
        target = target == null ? new Target.Unrouted() : target;
    }

    public Request routed(Target to) {
        return new Request(invocation, now, zone, staff, to);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    /** "platform:user", the key per-user rules use. */
    public String who() {
        return invocation.actor().platform() + ":" + invocation.actor().userId();
    }

    public CommandContext context() {
        return new CommandContext(invocation, now, zone, staff);
    }

    /** The command this request was routed to, if it was routed to one. */
    public Optional<CommandSpec> command() {
        return target instanceof Target.Command c ? Optional.of(c.spec()) : Optional.empty();
    }
}
