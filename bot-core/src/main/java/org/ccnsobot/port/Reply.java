package org.ccnsobot.port;

import java.util.Objects;
import java.util.Optional;

/**
 * Core's answer to an invocation. {@code personal} answers are shown only to the asker where the platform can.
 * {@code refusedField} names the form field a submitted form's refusal is about (Slack shows the reason beside that
 * field); it is empty for every other answer.
 */
public record Reply(OutgoingMessage message, boolean personal, Optional<String> refusedField) {

    public Reply {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(refusedField, "refusedField");
    }

    public Reply(OutgoingMessage message, boolean personal) {
        this(message, personal, Optional.empty());
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
