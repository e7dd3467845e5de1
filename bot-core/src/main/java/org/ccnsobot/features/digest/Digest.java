package org.ccnsobot.features.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.config.DigestConfig;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.outbox.Job;
import org.ccnsobot.outbox.JobKind;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.outbox.PayloadCodec;
import org.ccnsobot.outbox.PayloadCodec.NoPayload;
import org.ccnsobot.outbox.Rendering;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.outbox.SendContext;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.features.calendar.EventMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest, a kind of outbox job: one job per week and announcement channel, keyed by the ISO week, so a week's digest is
 * posted once however often the process restarts. It is worded when sent (the week's events from its due time, the
 * updates since the last digest that was posted). After downtime it is posted late only on its own day; a digest
 * found due on a later day is dropped, logged and counted as skipped, and the next week's is planned.
 */
public final class Digest implements JobKind<NoPayload> {
    private static final Logger LOG = LoggerFactory.getLogger(Digest.class);
    public static final String KIND = "digest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final DigestConfig config;
    private final CalendarService calendar;
    private static final PayloadCodec<NoPayload> CODEC = PayloadCodec.none();
    private final Outbox ledger;
    private final Clock clock;
    private final ZoneId readerZone;

    /** Where the cards' "Add to calendar" points (null: no feed server). */
    private final org.ccnsobot.config.FeedsConfig feeds;

    public Digest(DigestConfig config, CalendarService calendar, Outbox ledger, Clock clock, ZoneId readerZone) {
        this(config, calendar, ledger, clock, readerZone, null);
    }

    /** As above, the cards pointing to each event's own feed on {@code feeds} (null: no feed server). */
    public Digest(DigestConfig config, CalendarService calendar, Outbox ledger, Clock clock, ZoneId readerZone,
                  org.ccnsobot.config.FeedsConfig feeds) {
        this.feeds = feeds;
        this.config = config;
        this.calendar = calendar;
        this.ledger = ledger;
        this.clock = clock;
        this.readerZone = readerZone;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<NoPayload> payload() {
        return CODEC;
    }

    /**
     * Queues this week's occurrence if its day is not over yet, and next week's (queuing twice is a no-op). Rows of
     * those weeks queued under an earlier schedule and not yet tried move to the configured time, so a changed
     * weekday or time takes effect without ever giving a week two digests.
     */
    public void plan(Instant now) {
        ZonedDateTime local = now.atZone(config.zone());
        // the occurrence in this ISO week (Monday to Sunday), which is what a row's key names
        Instant thisWeek = local.toLocalDate().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .with(TemporalAdjusters.nextOrSame(config.weekday())).atTime(config.time()).atZone(config.zone())
                .toInstant();
        Instant nextWeek = thisWeek.atZone(config.zone()).plusWeeks(1).toInstant();
        List<Instant> occurrences = new ArrayList<>();
        if (now.isBefore(endOfDay(thisWeek))) {
            occurrences.add(thisWeek);   // still ahead, or today: on time or caught up the same day
        }
        occurrences.add(nextWeek);
        List<NewJob<NoPayload>> jobs = new ArrayList<>();
        for (Instant due : occurrences) {
            for (Destination.Channel c : ledger.platforms().channels(ChannelRole.ANNOUNCEMENTS)) {
                jobs.add(new NewJob<>(week(due), "1", c, due, NoPayload.INSTANCE));
            }
        }
        int added = ledger.enqueue(this, jobs);
        if (added > 0) {
            LOG.info("Weekly digest planned: {} row(s) for {}", added, occurrences);
        }
        // (a this-week row moved to a day already over is then dropped as skipped when it is claimed)
        int moved = ledger.moveUnsent(this, week(thisWeek), thisWeek) + ledger.moveUnsent(this, week(nextWeek), nextWeek);
        if (moved > 0) {
            LOG.info("Weekly digest: {} queued row(s) moved to the configured {} {} {}", moved, config.weekday(),
                    config.time(), config.zone());
        }
    }

    String week(Instant due) {
        LocalDate d = due.atZone(config.zone()).toLocalDate();
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private Instant endOfDay(Instant due) {
        return due.atZone(config.zone()).toLocalDate().plusDays(1).atStartOfDay(config.zone()).toInstant();
    }

    /** Posted late only on its own day; the next weeks are planned whenever one is due. */
    @Override
    public Rendering render(Job<NoPayload> job, SendContext context) {
        Instant now = context.now();
        plan(now);
        if (!now.isBefore(endOfDay(job.due()))) {
            LOG.warn("Skipped the weekly digest of {} to {}: it was due {} and its day is over (a digest is posted late"
                    + " only on its own day)", job.subject(), job.destination().describe(), job.due());
            return Rendering.drop("its day was over when the bot could post it; skipped");
        }
        return Rendering.send(words(job.due(), context.locale()));
    }

    /** "15 February 2024" in {@code l}'s month names ("15 février 2024", "15 febrero 2024"). */
    private static String day(Instant t, ZoneId zone, Locale l) {
        return (l.getLanguage().equals("en") ? DAY : DAY.withLocale(l)).format(t.atZone(zone));
    }

    private OutgoingMessage words(Instant due, Locale l) {
        Instant since = lastPosted(due).orElse(due.minus(Duration.ofDays(7)));
        EventMessages messages = new EventMessages(calendar.meetingsByCode(), feeds);
        List<Event> events = calendar.between(due, due.plus(Duration.ofDays(7))).stream()
                .filter(e -> e.status() != EventStatus.CANCELLED).toList();
        List<CommitteeUpdate> updates = new ArrayList<>();
        for (Committee c : calendar.committees()) {
            for (CommitteeUpdate u : calendar.updates(c.acronym(), 50)) {
                if (u.postedAt().isAfter(since) && !u.postedAt().isAfter(due)) {
                    updates.add(u);
                }
            }
        }
        updates.sort(Comparator.comparing(CommitteeUpdate::postedAt));
        String title = Messages.t(l, "digest.title", day(due, config.zone(), l));
        StringBuilder text = new StringBuilder(title);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(title));
        text.append('\n').append(Messages.t(l, "digest.thisWeek"));
        blocks.add(new Block.Paragraph(Messages.t(l, "digest.thisWeek")));
        if (events.isEmpty()) {
            text.append('\n').append(Messages.t(l, "digest.nothing"));
            blocks.add(new Block.Paragraph(Messages.t(l, "digest.nothing.block")));
        }
        for (Event e : events) {
            text.append('\n').append(messages.line(e, readerZone, l));
            blocks.add(messages.card(e, l));
        }
        String sinceText = day(since, config.zone(), l);
        text.append('\n').append(Messages.t(l, "digest.updatesSince", sinceText));
        List<Block.Field> fields = new ArrayList<>();
        if (updates.isEmpty()) {
            text.append('\n').append(Messages.t(l, "digest.none"));
        }
        for (CommitteeUpdate u : updates) {
            String line = Text.shorten(u.text(), 300);
            String posted = day(u.postedAt(), config.zone(), l);
            text.append("\n• ").append(u.committee()).append(" (").append(posted).append("): ").append(line);
            fields.add(new Block.Field(u.committee() + " · " + posted, line));
        }
        blocks.add(new Block.Paragraph(Messages.t(l, updates.isEmpty() ? "digest.updatesSince.none"
                : "digest.updatesSince", sinceText)));
        if (!fields.isEmpty()) {
            blocks.add(new Block.Fields(fields));
        }
        return OutgoingMessage.of(text.toString(), blocks);
    }

    /** When the last digest that reached anyone was due (looking back up to a year), if ever. */
    private Optional<Instant> lastPosted(Instant before) {
        for (int w = 1; w <= 52; w++) {
            Instant earlier = before.minus(Duration.ofDays(7L * w));
            for (Job<NoPayload> j : ledger.jobs(this, week(earlier))) {
                if (j.sent()) {
                    return Optional.of(j.due());
                }
            }
        }
        return Optional.empty();
    }
}
