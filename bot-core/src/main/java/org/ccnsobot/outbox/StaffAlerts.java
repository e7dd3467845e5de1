package org.ccnsobot.outbox;

import java.time.Instant;
import java.util.Optional;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's own kind: one alert per job that failed for good, to the staff channel of the job's platform (else
 * of the first platform that has one; else only logged). Its key derives from the failed job's, so it is queued once.
 */
final class StaffAlerts implements JobKind<StaffAlerts.Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAlerts.class);
    static final String KIND = "alert";

    /** The alert's words, fixed when the job failed. */
    record Alert(String text) {
    }

    private static final PayloadCodec<Alert> CODEC = PayloadCodec.json(Alert.class);
    private final PlatformRegistry platforms;

    StaffAlerts(PlatformRegistry platforms) {
        this.platforms = platforms;
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
    public String describe(Job<Alert> job) {
        return "The staff alert [" + job.subject() + "]";
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

    /** The alert to queue for a failed job, or empty (then logged) when no platform has a staff channel. */
    Optional<OutboxStore.Insert> alertFor(OutboxStore.Row failed, String what, String error, Instant now) {
        String note = what + " to " + describe(failed.target()) + " could not be delivered after " + failed.attempts()
                + " attempt(s): " + error;
        Optional<Destination.Channel> staff = platforms.channel(failed.platform(), ChannelRole.STAFF)
                .or(() -> platforms.channels(ChannelRole.STAFF).stream().findFirst());
        if (staff.isEmpty()) {
            LOG.error("{} (no staff channel is configured, so this is only logged)", note);
            return Optional.empty();
        }
        NewJob<Alert> job = new NewJob<>(failed.idempotencyKey(), "1", staff.get(), now, new Alert(note));
        return Optional.of(new OutboxStore.Insert(KIND, job.key(KIND), job.subject(), job.part(), job.destination(), 1,
                now, CODEC.write(job.payload())));
    }

    static String describe(Destination d) {
        return d instanceof Destination.Channel c ? "channel " + c.channelId() + " on " + c.platform()
                : "the DMs of " + ((Destination.DirectMessage) d).userId() + " on " + d.platform();
    }
}
