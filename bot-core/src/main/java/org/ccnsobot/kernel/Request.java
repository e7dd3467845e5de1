package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.ccnsobot.port.Invocation;

/**
 * One request on its way through the pipeline: the invocation, who asks (staff or not), when, in which zone, and
 * the language the answer is written in.
 */
public record Request(Invocation invocation, Instant now, ZoneId zone, boolean staff, Target target,
                      java.util.Locale locale) {

    public Request {
        target = target == null ? new Target.Unrouted() : target;
        locale = locale == null ? java.util.Locale.ENGLISH : locale;
    }

    /** In English. */
    public Request(Invocation invocation, Instant now, ZoneId zone, boolean staff, Target target) {
        this(invocation, now, zone, staff, target, null);
    }

    public Request routed(Target to) {
        return new Request(invocation, now, zone, staff, to, locale);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    /** "platform:user", the key per-user rules use. */
    public String who() {
        return invocation.actor().platform() + ":" + invocation.actor().userId();
    }

    public CommandContext context() {
        return new CommandContext(invocation, now, zone, staff, shownZone(), locale);
    }

    /**
     * Whether the answer is for the asker only, decided before the command runs: asked in a direct conversation
     * (a DM, the console) or a command whose answer is personal. Anything else is read by the whole channel.
     */
    public boolean personal() {
        return invocation.place().direct() || command().map(CommandSpec::personal).orElse(false);
    }

    /**
     * The zone an answer's times are written in: the asker's own for a personal answer; UTC for a public one, so a
     * channel never learns where the asker lives (the venue's time stands beside it, and rich platforms show each
     * reader their own time with native tokens).
     */
    public ZoneId shownZone() {
        return personal() ? zone : java.time.ZoneOffset.UTC;
    }

    /** The command this request was routed to, if it was routed to one. */
    public Optional<CommandSpec> command() {
        return target instanceof Target.Command c ? Optional.of(c.spec()) : Optional.empty();
    }
}
