package org.ccnsobot.port;

import java.util.Objects;

/**
 * What became of a form's submission ({@link InboundHandler#submit}): done, with core's reply; or refused with a
 * one-line reason and, when one field is at fault, its name, so the platform can show the reason beside that field
 * and the form stays open to be fixed. A refused submission changed nothing.
 */
public sealed interface Submission {

    record Done(Reply reply) implements Submission {
        public Done {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** {@code field} is null when the reason is not about one field (not staff, a fault). */
    record Refused(String field, String reason) implements Submission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
