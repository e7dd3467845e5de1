package org.ccnsobot.features.sources;

import org.ccnsobot.i18n.Phrase;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.port.OutgoingMessage;

/**
 * A note to the staff channel about a source (failing, recovered, holding back a mass cancellation), worded when it
 * is sent, in the channel's language.
 */
final class SourceNotice implements JobKind<SourceNotice.Note> {
    static final String KIND = "source-notice";

    /**
     * What the note says, as data ({@code phrase}): the outbox keeps it as JSON and it is worded when sent. {@code text}
     * is only for a note queued by an older version, which kept its English words.
     */
    record Note(String text, Phrase phrase) {
        String in(java.util.Locale locale) {
            return phrase != null ? phrase.in(locale) : text;
        }
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
        return Rendering.send(OutgoingMessage.text(job.payload().in(context.locale())));
    }

    @Override
    public String describe(Job<Note> job, java.util.Locale l) {
        return org.ccnsobot.i18n.Messages.t(l, "staffAlert.describe.sourceNotice", job.subject());
    }
}
