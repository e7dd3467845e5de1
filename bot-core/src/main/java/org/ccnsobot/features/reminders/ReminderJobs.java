package org.ccnsobot.features.reminders;

import java.time.Duration;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.Durations;
import org.ccnsobot.domain.Event;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.PayloadCodec.NoPayload;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.features.calendar.EventMessages;

/**
 * The reminder kind: subject the event id, part the slot's offset key. Worded at send time from the event as it is
 * then ("starts in 40 minutes"), in the reader's zone; dropped, not sent late, once the event has begun.
 */
final class ReminderJobs implements JobKind<NoPayload> {
    static final String KIND = "reminder";
    private static final PayloadCodec<NoPayload> CODEC = PayloadCodec.none();
    private final CalendarService calendar;
    private final ReminderPolicy policy;
    /** Where the cards' "Add to calendar" points (null: no feed server). */
    private final org.ccnsobot.config.FeedsConfig feeds;

    ReminderJobs(CalendarService calendar, ReminderPolicy policy) {
        this(calendar, policy, null);
    }

    ReminderJobs(CalendarService calendar, ReminderPolicy policy, org.ccnsobot.config.FeedsConfig feeds) {
        this.calendar = calendar;
        this.policy = policy;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<NoPayload> payload() {
        return CODEC;
    }

    @Override
    public Rendering render(Job<NoPayload> job, SendContext context) {
        Optional<Event> e = calendar.event(job.subject());
        if (e.isEmpty()) {
            return Rendering.drop("the event is no longer in the calendar");
        }
        if (!ReminderPolicy.stillUseful(e.get(), context.now())) {
            return Rendering.drop("the event had begun or was cancelled when it was due; not sent late");
        }
        Optional<String> superseded = superseded(job.part(), e.get(), context.now());
        if (superseded.isPresent()) {
            return Rendering.drop(superseded.get());
        }
        return Rendering.send(ReminderTexts.reminder(e.get(), new EventMessages(calendar.meetingsByCode(), feeds),
                context.readerZone(), context.now(), context.locale()));
    }

    /**
     * A reminder sent less than a quarter of its own offset before a nearer reminder of the same event is dropped,
     * so members never get two within minutes: the 24 h reminder of an event 1 h 0 min 43 s away (overdue after a
     * restart) gives way to the 1 h one due 43 s later. Dropped jobs are counted by the dispatcher.
     */
    Optional<String> superseded(String offsetKey, Event event, java.time.Instant now) {
        Duration own = offset(offsetKey);
        if (own == null) {
            return Optional.empty();
        }
        Duration quarter = own.dividedBy(4);
        for (ReminderPolicy.Slot s : policy.plan(event, calendar.reminderOffsets(event.id()))) {
            Duration nearer = offset(s.offsetKey());
            if (nearer != null && nearer.compareTo(own) < 0 && Duration.between(now, s.due()).compareTo(quarter) < 0) {
                return Optional.of("the " + label(s.offsetKey()) + " reminder of the event is due within a quarter of this "
                        + label(offsetKey) + " reminder's offset; only the nearer one is sent");
            }
        }
        return Optional.empty();
    }

    private static Duration offset(String key) {
        if (key.equals(ReminderPolicy.MORNING)) {
            return null;
        }
        try {
            return Duration.parse(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String describe(Job<NoPayload> job, java.util.Locale l) {
        String title = calendar.event(job.subject()).map(Event::title).orElse(job.subject());
        String label = job.part().equals(ReminderPolicy.MORNING)
                ? org.ccnsobot.i18n.Messages.t(l, "staffAlert.describe.morning") : label(job.part());
        return org.ccnsobot.i18n.Messages.t(l, "staffAlert.describe.reminder", label, title, job.subject());
    }

    static String label(String offsetKey) {
        if (offsetKey.equals(ReminderPolicy.MORNING)) {
            return "morning";
        }
        try {
            Duration d = Duration.parse(offsetKey);
            if (d.toMinutesPart() != 0 || d.toSecondsPart() != 0) {
                return Durations.format(d).replace(" ", "");
            }
            long hours = d.toHours();
            return hours >= 48 && hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
        } catch (RuntimeException e) {
            return offsetKey;
        }
    }
}
