package org.ccnsobot.port.support;

import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;

/**
 * The reference a member is given when handling their request failed, and that the log records with the fault:
 * eight hex digits, worded the same on every platform and in core.
 */
public record FaultReference(String id) {

    public FaultReference {
        Objects.requireNonNull(id, "id");
    }

    /** A fresh reference, like {@code 3fa9c21e}. */
    public static FaultReference next() {
        return new FaultReference(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    /** "Something went wrong on our side (reference 3fa9c21e); the staff can look it up in the log." */
    public String message() {
        return "Something went wrong on our side (reference " + id + "); the staff can look it up in the log.";
    }

    /** The answer for the member who asked: only they see it, where the platform can. */
    public Reply reply() {
        return Reply.personally(OutgoingMessage.text(message()));
    }

    @Override
    public String toString() {
        return id;
    }
}
