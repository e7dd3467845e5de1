package org.ccnsobot.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;

/**
 * What a command produced: the message, whether it is for the asker only, and, for a submitted form's refusal, the
 * field (option) it is about.
 */
public record Result(OutgoingMessage message, boolean personal, Optional<String> refusedField) {

    public Result {
        Objects.requireNonNull(refusedField, "refusedField");
    }

    public Result(OutgoingMessage message, boolean personal) {
        this(message, personal, Optional.empty());
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

    public Result asPersonal() {
        return new Result(message, true, refusedField);
    }
}
