package org.ccnsobot.outbox;

import org.ccnsobot.port.OutgoingMessage;

/** What a kind makes of a due job at send time: a message to send now, or a reason not to send it at all. */
public sealed interface Rendering {

    record Send(OutgoingMessage message) implements Rendering {
    }

    /** The job is settled as dropped, with the reason, and counted. */
    record Drop(String reason) implements Rendering {
    }

    static Rendering send(OutgoingMessage message) {
        return new Send(message);
    }

    static Rendering drop(String reason) {
        return new Drop(reason);
    }
}
