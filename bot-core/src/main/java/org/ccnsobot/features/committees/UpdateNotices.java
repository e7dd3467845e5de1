package org.ccnsobot.features.committees;

import java.util.Map;
import java.util.Optional;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.features.calendar.EventMessages;

import org.ccnsobot.features.reminders.ReminderTexts;
/**
 * The committee-update kind: one DM per follower of the committee, subject {@code update:<id>}, part the
 * committee, payload the update's words.
 */
final class UpdateNotices implements JobKind<UpdateNotices.Note> {
    static final String KIND = "update";

    /** What the follower reads. */
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
        return Rendering.send(ReminderTexts.notice(job.payload().text(), Optional.empty(), new EventMessages(Map.of())));
    }

    @Override
    public String describe(Job<Note> job, java.util.Locale l) {
        return org.ccnsobot.i18n.Messages.t(l, "staffAlert.describe.update", job.part(), job.subject());
    }
}
