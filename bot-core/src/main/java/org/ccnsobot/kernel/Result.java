package org.ccnsobot.kernel;

import java.util.List;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;

/** What a command produced: the message, and whether it is for the asker only. */
public record Result(OutgoingMessage message, boolean personal) {

    public static Result text(String text) {
        return new Result(OutgoingMessage.text(text), false);
    }

    public static Result personalText(String text) {
        return new Result(OutgoingMessage.text(text), true);
    }

    public static Result rich(String fallback, List<Block> blocks) {
        return new Result(OutgoingMessage.of(fallback, blocks), false);
    }

    public Result asPersonal() {
        return new Result(message, true);
    }
}
