package org.ccnsobot.features.sources;

import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.port.OutgoingMessage;

/** A note to the staff channel about a source (failing, recovered, holding back a mass cancellation). */
final class SourceNotice implements JobKind<SourceNotice.Note> {
    static final String KIND = "source-notice";

    /** The note's words, fixed when it was queued. */
    record Note(String text) {
    }

    private static final PayloadCodec<Note> CODEC = PayloadCodec.json(Note.class);

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<Note> payload() {
        return CODEC;
    }

    @Override
    public Rendering render(Job<Note> job, SendContext context) {
        return Rendering.send(OutgoingMessage.text(job.payload().text()));
    }

    @Override
    public String describe(Job<Note> job) {
        return "The source notice [" + job.subject() + "]";
    }
}
