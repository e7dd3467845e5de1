package org.ccnsobot.outbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's own kind: alerts about jobs that failed for good, to the staff channel of the job's platform (else
 * of the first platform that has one; else only logged). Failures are grouped by kind of failure (the job's kind,
 * its platform, channel or DM): the first is alerted at once, under a key derived from the failed job's, so it is
 * queued once; the ones that follow within 10 minutes are counted into one summary (how many, the first reasons,
 * the first jobs) sent when those 10 minutes are over, so at most one alert per kind of failure goes out per 10
 * minutes (30 closed DMs: one alert, then one summary). The grouping lives in memory: after a restart the next
 * failure is alerted at once again; a summary already queued is durable like any job. An alert is worded when it is
 * queued, in the staff channel's language (the stored text is what goes out); the platform's error stays as it came.
 */
final class StaffAlerts implements JobKind<StaffAlerts.Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAlerts.class);
    static final String KIND = "alert";

    /** The alert's words, fixed when the job failed. */
    record Alert(String text) {
    }

    private static final PayloadCodec<Alert> CODEC = PayloadCodec.json(Alert.class);
    static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(10);
    private static final int FIRST = 3;
    private final PlatformRegistry platforms;
    private final ReaderZones readers;
    private final java.util.Map<String, Group> groups = new java.util.HashMap<>();

    /** The failures of one kind counted into the summary due at {@code end}. */
    private static final class Group {
        final Instant end;
        int count;
        final java.util.Map<String, Integer> reasons = new java.util.LinkedHashMap<>();
        final java.util.List<String> first = new java.util.ArrayList<>();

        Group(Instant end) {
            this.end = end;
        }
    }

    StaffAlerts(PlatformRegistry platforms, ReaderZones readers) {
        this.platforms = platforms;
        this.readers = readers;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public PayloadCodec<Alert> payload() {
        return CODEC;
    }

    @Override
    public Rendering render(Job<Alert> job, SendContext context) {
        return Rendering.send(OutgoingMessage.text(job.payload().text()));
    }

    @Override
    public String describe(Job<Alert> job, Locale l) {
        return Messages.t(l, "staffAlert.describe", job.subject());
    }

    @Override
    public boolean alertsStaffOnFailure() {
        return false;
    }

    @Override
    public void settled(Job<Alert> job) {
        if (job.state() == JobState.FAILED) {
            LOG.error("The staff alert {} could not be delivered: {}", job.subject(), job.payload().text());
        }
    }

    /**
     * The alert to queue (or the summary to queue or update) for a failed job, or empty (then logged) when no
     * platform has a staff channel.
     */
    synchronized Optional<OutboxStore.Insert> alertFor(OutboxStore.Row failed, Function<Locale, String> what,
                                                       String error, Instant now) {
        Optional<Destination.Channel> staff = platforms.channel(failed.platform(), ChannelRole.STAFF)
                .or(() -> platforms.channels(ChannelRole.STAFF).stream().findFirst());
        if (staff.isEmpty()) {
            LOG.error("{} (no staff channel is configured, so this is only logged)",
                    note(failed, what.apply(Locale.ENGLISH), error, Locale.ENGLISH));
            return Optional.empty();
        }
        Locale l = readers.localeOf(staff.get());
        String note = note(failed, what.apply(l), error, l);
        String kindOfFailure = failed.kind() + "/" + failed.platform() + "/"
                + (failed.target() instanceof Destination.Channel ? "channel" : "dm");
        Group g = groups.get(kindOfFailure);
        if (g == null || !now.isBefore(g.end)) {
            // a summary that went out at g.end opens the next 10 minutes; otherwise this failure is alerted at once
            boolean chained = g != null && g.count > 0 && now.isBefore(g.end.plus(WINDOW));
            if (!chained) {
                groups.put(kindOfFailure, new Group(now.plus(WINDOW)));
                NewJob<Alert> job = new NewJob<>(failed.idempotencyKey(), "1", staff.get(), now, new Alert(note));
                return Optional.of(new OutboxStore.Insert(KIND, job.key(KIND), job.subject(), job.part(),
                        job.destination(), 1, now, CODEC.write(job.payload())));
            }
            g = new Group(g.end.plus(WINDOW));
            groups.put(kindOfFailure, g);
        }
        g.count++;
        String reason = error.length() > 200 ? error.substring(0, 200) + "…" : error;
        if (g.reasons.containsKey(reason) || g.reasons.size() < FIRST) {
            g.reasons.merge(reason, 1, Integer::sum);
        }
        if (g.first.size() < FIRST) {
            g.first.add(Messages.t(l, "staffAlert.item", what.apply(l), describe(failed.target(), l)));
        }
        String text = Messages.t(l, failed.target() instanceof Destination.Channel ? "staffAlert.summary.channels"
                        : "staffAlert.summary.dms", g.count, failed.kind(), failed.platform(), g.end.toString(),
                g.reasons.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(java.util.stream.Collectors.joining("; ")),
                String.join("; ", g.first) + (g.count > g.first.size() ? "; …" : ""));
        // one summary job per window; each further failure raises its generation, which rewrites its words
        NewJob<Alert> job = new NewJob<>("summary:" + kindOfFailure + ":" + g.end.getEpochSecond(), "1", staff.get(),
                g.end, new Alert(text));
        return Optional.of(new OutboxStore.Insert(KIND, job.key(KIND), job.subject(), job.part(), job.destination(),
                g.count, g.end, CODEC.write(job.payload())));
    }

    private static String note(OutboxStore.Row failed, String what, String error, Locale l) {
        return Messages.t(l, "staffAlert.failed", what, describe(failed.target(), l), failed.attempts(), error);
    }

    static String describe(Destination d) {
        return describe(d, Locale.ENGLISH);
    }

    static String describe(Destination d, Locale l) {
        return d instanceof Destination.Channel c ? Messages.t(l, "staffAlert.channel", c.channelId(), c.platform())
                : Messages.t(l, "staffAlert.dms", ((Destination.DirectMessage) d).userId(), d.platform());
    }
}
