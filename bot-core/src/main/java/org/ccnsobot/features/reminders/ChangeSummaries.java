package org.ccnsobot.features.reminders;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;

/**
 * The batched change-notice kind: every change one write made (an import, a source look, a staff command) that a
 * destination should hear of, in one message: a schedule channel gets them all, a member those of what they
 * follow, new sessions of a followed committee included. Subject {@code changes:<hash of the batch>}, part
 * {@code summary}, so each destination has one job per batch, kept by the outbox's key (never two, never lost).
 * Worded at send time in the reader's zone; a change whose event is over or gone by then is left out, and a
 * summary left with nothing is dropped. One change alone reads exactly as the single notice did.
 */
final class ChangeSummaries implements JobKind<EventSnapshots.Changes> {
    static final String KIND = "changes";
    static final String PART = "summary";
    /** Lines a summary lists before it says how many more there are (platform messages have limits). */
    static final int MAX_LINES = 25;
    private static final PayloadCodec<EventSnapshots.Changes> CODEC = new PayloadCodec<>() {
        @Override
        public String write(EventSnapshots.Changes changes) {
            return EventSnapshots.write(changes);
        }

        @Override
        public EventSnapshots.Changes read(String json) {
            return EventSnapshots.readChanges(json).orElse(new EventSnapshots.Changes(List.of()));
        }
    };
    private final CalendarService calendar;

    ChangeSummaries(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<EventSnapshots.Changes> payload() {
        return CODEC;
    }

    /** What a change says, or empty when it is not worth telling (any more). */
    static Optional<String> line(EventSnapshots.Change c, EventMessages messages, ZoneId zone, Locale l) {
        if (c.after() == null) {
            return Optional.empty();
        }
        if (c.before() == null) {
            return c.after().status() == EventStatus.CANCELLED ? Optional.empty()
                    : Optional.of(Messages.t(l, "change.added", c.after().title(l), messages.when(c.after(), zone, l),
                    c.after().id()));
        }
        return ReminderTexts.change(c.before(), c.after(), messages, zone, l);
    }

    /**
     * The instants a change's line writes, in the order the wordings write them: the time it is at now, then the
     * time it was at (a move, a cancellation). A mark the line does not write is passed over by the renderers.
     */
    static List<Block.TimeMark> marks(EventSnapshots.Change c, ZoneId zone, Locale l) {
        List<Block.TimeMark> out = new ArrayList<>();
        for (Event e : new Event[] {c.after(), c.before()}) {
            if (e == null || e.dateOnly() || e.multiDay() || e.start() == null) {
                continue;
            }
            // as EventMessages#when writes them
            out.add(new Block.TimeMark(e.start(), TimeFormat.instant(e.start(), zone, l), false));
            if (e.end() != null && !e.end().equals(e.start())) {
                out.add(new Block.TimeMark(e.end(), TimeFormat.wallClock(e.end(), zone), true));
            }
        }
        return out;
    }

    @Override
    public Rendering render(Job<EventSnapshots.Changes> job, SendContext context) {
        EventMessages messages = new EventMessages(calendar.meetingsByCode());
        List<String> lines = new ArrayList<>();
        List<List<Block.TimeMark>> marks = new ArrayList<>();
        Event only = null;
        for (EventSnapshots.Change c : job.payload().changes()) {
            if (c.after() == null) {
                continue;
            }
            Optional<Event> now = calendar.event(c.after().id());
            if (now.isEmpty() || !now.get().endKey().isAfter(context.now())) {
                continue;
            }
            Optional<String> text = line(c, messages, context.readerZone(), context.locale());
            if (text.isPresent()) {
                lines.add(text.get());
                marks.add(marks(c, context.readerZone(), context.locale()));
                only = now.get();
            }
        }
        if (lines.isEmpty()) {
            return Rendering.drop(job.payload().changes().isEmpty() ? "the recorded changes cannot be read"
                    : "nothing members care about is left to tell (over, gone or unchanged)");
        }
        if (lines.size() == 1) {
            return Rendering.send(ReminderTexts.notice(lines.get(0), marks.get(0), Optional.of(only), messages,
                    context.locale()));
        }
        String heading = Messages.t(context.locale(), "changes.heading", lines.size());
        StringBuilder text = new StringBuilder(heading).append(':');
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(heading));
        int shown = Math.min(lines.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            String l = lines.get(i);
            text.append("\n• ").append(l);
            // each line carries its instants, so Discord and Slack show each reader their own time
            blocks.add(new Block.TimedParagraph("• " + l, marks.get(i)));
        }
        if (lines.size() > shown) {
            String more = Messages.t(context.locale(), "changes.more", lines.size() - shown);
            text.append('\n').append(more);
            blocks.add(new Block.Footnote(more));
        }
        return Rendering.send(OutgoingMessage.of(text.toString(), blocks));
    }

    @Override
    public String describe(Job<EventSnapshots.Changes> job, Locale l) {
        return Messages.t(l, "staffAlert.describe.changeSummary", job.payload().changes().size(), job.subject());
    }
}
