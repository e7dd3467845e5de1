package org.ccnsobot.features.reminders;

import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.domain.Event;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.features.calendar.EventMessages;

/**
 * The change-notice kind: subject the event id, part {@code change-<n>}, payload the change as recorded (the event
 * before and after). Worded at send time in the reader's zone; dropped once the event is over or gone.
 */
final class ChangeNotices implements JobKind<EventSnapshots.Change> {
    static final String KIND = "change";
    private static final PayloadCodec<EventSnapshots.Change> CODEC = new PayloadCodec<>() {
        @Override
        public String write(EventSnapshots.Change change) {
            return EventSnapshots.write(change);
        }

        @Override
        public EventSnapshots.Change read(String json) {
            return EventSnapshots.readChange(json).orElse(new EventSnapshots.Change(null, null));
        }
    };
    private final CalendarService calendar;
    /** Where the card's "Add to calendar" points (null: no feed server). */
    private final org.ccnsobot.config.FeedsConfig feeds;

    ChangeNotices(CalendarService calendar, org.ccnsobot.config.FeedsConfig feeds) {
        this.calendar = calendar;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<EventSnapshots.Change> payload() {
        return CODEC;
    }

    @Override
    public Rendering render(Job<EventSnapshots.Change> job, SendContext context) {
        Optional<Event> e = calendar.event(job.subject());
        if (e.isEmpty()) {
            return Rendering.drop("the event is no longer in the calendar");
        }
        if (!e.get().endKey().isAfter(context.now())) {
            return Rendering.drop("the event is over");
        }
        EventSnapshots.Change change = job.payload();
        if (change.before() == null || change.after() == null) {
            return Rendering.drop("the recorded change cannot be read");
        }
        EventMessages messages = new EventMessages(calendar.meetingsByCode(), feeds);
        Optional<String> text = ReminderTexts.change(change.before(), change.after(), messages, context.readerZone(),
                context.locale());
        return text.<Rendering>map(t -> Rendering.send(ReminderTexts.notice(t, e, messages, context.locale())))
                .orElseGet(() -> Rendering.drop("nothing members care about changed"));
    }

    @Override
    public String describe(Job<EventSnapshots.Change> job, java.util.Locale l) {
        String title = calendar.event(job.subject()).map(Event::title).orElse(job.subject());
        return org.ccnsobot.i18n.Messages.t(l, "staffAlert.describe.changeNotice", title, job.subject());
    }
}
