package org.ccnsobot.kernel;

import java.util.List;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;

/**
 * What a command produced: the message, and whether it is for the asker only. {@code refused} is set (by the
 * {@link FaultBarrier}) when the request changed nothing: a user error, a refusal or a fault.
 */
public record Result(OutgoingMessage message, boolean personal, Refused refused) {

    /** Turned away or failed; {@code option} names the option at fault, or is null. */
    public record Refused(String option) {
    }

    public Result(OutgoingMessage message, boolean personal) {
        this(message, personal, null);
    }

    public static Result text(String text) {
        return new Result(OutgoingMessage.text(text), false);
    }

    public static Result personalText(String text) {
        return new Result(OutgoingMessage.text(text), true);
    }

    public static Result rich(String fallback, List<Block> blocks) {
        return new Result(OutgoingMessage.of(fallback, blocks), false);
    }

    /** A personal one-line answer to a request that changed nothing. */
    static Result refusal(String text, String option) {
        return new Result(OutgoingMessage.text(text), true, new Refused(option));
    }

    public Result asPersonal() {
        return new Result(message, true, refused);
    }
}
