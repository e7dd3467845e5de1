package org.ccnsobot.port;

import java.util.Objects;

/** Core's answer to an invocation. {@code personal} answers are shown only to the asker where the platform can. */
public record Reply(OutgoingMessage message, boolean personal) {

    public Reply {
        Objects.requireNonNull(message, "message");
    }

    public static Reply publicly(OutgoingMessage message) {
        return new Reply(message, false);
    }

    public static Reply personally(OutgoingMessage message) {
        return new Reply(message, true);
    }

    public String text() {
        return message.fallbackText();
    }
}
