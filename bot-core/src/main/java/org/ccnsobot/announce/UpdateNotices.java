package org.ccnsobot.announce;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.calendar.CalendarService;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.query.Text;
import org.ccnsobot.reminder.Outlet;
import org.ccnsobot.reminder.ReminderService;
import org.ccnsobot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a committee's followers (members subscribed to it, or to everything) when staff post an update for it: one
 * ledger row per update and follower, so each follower is told once, even across a crash.
 */
final class UpdateNotices implements ReminderService.RowKind {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateNotices.class);
    static final String KIND = "update";

    private final Database db;
    private final CalendarService calendar;
    private final ReminderService ledger;
    private final Clock clock;

    UpdateNotices(Database db, CalendarService calendar, ReminderService ledger, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String name() {
        return KIND;
    }

    /** Queues one DM per follower on every running platform; the wording is fixed now, in the row's note. */
    void added(CommitteeUpdate u) {
        String name = calendar.committee(u.committee()).map(c -> c.acronym() + " (" + c.name() + ")").orElse(u.committee());
        String note = "New update from " + name + ": " + Text.shorten(u.text(), 1500)
                + "\n(You follow " + u.committee() + "; to stop: unsubscribe " + u.committee() + ")";
        List<ReminderService.NewJob> jobs = new ArrayList<>();
        for (Outlet o : ledger.outlets()) {
            for (String user : followers(o.id(), u.committee())) {
                jobs.add(new ReminderService.NewJob("U" + u.id(), "1", new Destination.DirectMessage(o.id(), user),
                        clock.instant(), note));
            }
        }
        if (!jobs.isEmpty()) {
            int added = ledger.enqueue(KIND, jobs);
            LOG.info("Update {} of {}: {} follower(s) to tell", u.id(), u.committee(), added);
        }
    }

    private List<String> followers(String platform, String committee) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT user_id FROM subscriptions WHERE platform = ?"
                    + " AND (topic_kind = 'all' OR (topic_kind = 'committee' AND topic = ? COLLATE NOCASE))"
                    + " ORDER BY user_id")) {
                ps.setString(1, platform);
                ps.setString(2, committee);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public OutgoingMessage render(ReminderService.Job job) {
        return OutgoingMessage.text(job.note() == null ? "" : job.note());
    }
}
