package org.ccnsobot.features.committees;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a committee's followers of its new status update: one DM each, through the outbox, so a follower is told
 * once whatever crashes or restarts in between.
 */
public final class UpdateFollowers {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateFollowers.class);

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final UpdateNotices kind = new UpdateNotices();

    private UpdateFollowers(Subscriptions subscriptions, Outbox outbox) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** Registers the update-notice kind with the outbox (before it starts). */
    public static UpdateFollowers attach(Subscriptions subscriptions, Outbox outbox) {
        UpdateFollowers f = new UpdateFollowers(subscriptions, outbox);
        outbox.register(f.kind);
        return f;
    }

    /**
     * A committee posted a status update (via {@code CalendarService.onUpdateAdded}): each member who follows the
     * committee gets it once by DM.
     */
    public void committeeUpdated(CommitteeUpdate update) {
        if (!outbox.running()) {
            return;
        }
        Instant now = outbox.clock().instant();
        UpdateNotices.Note note = new UpdateNotices.Note(update.committee() + " update"
                + (update.author() == null ? "" : " from " + update.author()) + ": " + update.text());
        List<NewJob<UpdateNotices.Note>> jobs = new ArrayList<>();
        for (ChatPlatform p : outbox.platforms().all()) {
            for (String user : subscriptions.followersOf(p.id(), update.committee())) {
                jobs.add(new NewJob<>("update:" + update.id(), update.committee(),
                        new Destination.DirectMessage(p.id(), user), now, note));
            }
        }
        int added = outbox.enqueue(kind, jobs);
        if (added > 0) {
            LOG.info("Committee update {} of {}: {} follower(s) to tell", update.id(), update.committee(), added);
        }
    }
}
