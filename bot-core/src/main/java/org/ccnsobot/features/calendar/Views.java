package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.config.Durations;
import org.ccnsobot.config.UpdatesConfig;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.port.Block;
/** The answers shared by commands and plain-word questions: one event, a list of events, a committee. */
public final class Views {
    /** Longer lists are cut at an entry boundary and say how many more there are. */
    static final int MAX_LINES = 25;
    /** A committee's page lists every upcoming session up to this many, then says how many more. */
    static final int COMMITTEE_PAGE = 20;

    private final CalendarService calendar;
    private final Duration staleAfter;

    /**
     * The honest empty state: nothing is ahead, so say up to when the calendar holds anything, and tell staff how
     * to keep it current.
     */
    public Result nothingUpcoming(Instant now, ZoneId zone, boolean staff) {
        StringBuilder sb = new StringBuilder("Nothing upcoming in the calendar.");
        calendar.range().ifPresentOrElse(r -> sb.append(" The calendar holds nothing after ")
                        .append(TimeFormat.day(r.get(1).date())).append('.'),
                () -> sb.append(" The calendar holds no events at all."));
        if (staff) {
            sb.append("\nStaff: add a sources: entry to the config (a meeting's Sched all.ics or a public calendar's"
                    + " ICS address) and the bot keeps itself current; or import one now: import <url>.");
        }
        return Result.text(sb.toString());
    }

    public Views(CalendarService calendar) {
        this(calendar, UpdatesConfig.defaults().staleAfter());
    }

    public Views(CalendarService calendar, Duration staleAfter) {
        this.calendar = calendar;
        this.staleAfter = staleAfter;
    }

    private volatile EventMessages messages;

    /** Rebuilt only when the meetings change (the calendar's cache hands out a new map after a write). */
    public EventMessages messages() {
        java.util.Map<String, org.ccnsobot.domain.Meeting> meetings = calendar.meetingsByCode();
        EventMessages m = messages;
        if (m == null || m.source() != meetings) {
            m = new EventMessages(meetings);
            messages = m;
        }
        return m;
    }

    public Result event(Event e, ZoneId zone, Instant now, String lead) {
        EventMessages m = messages();
        String text = (lead == null ? "" : lead + "\n") + m.details(e, zone, now);
        List<Block> blocks = new ArrayList<>();
        if (lead != null) {
            blocks.add(new Block.Paragraph(lead));
        }
        blocks.add(m.card(e));
        return Result.rich(text, blocks);
    }

    /** A titled list of events, one line each, with cards for rich platforms. */
    public Result list(String title, List<Event> events, ZoneId zone, String empty) {
        if (events.isEmpty()) {
            return Result.text(title + "\n" + empty);
        }
        EventMessages m = messages();
        StringBuilder sb = new StringBuilder(title);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(title));
        int shown = Math.min(events.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            Event e = events.get(i);
            sb.append('\n').append(m.line(e, zone));
            blocks.add(m.card(e));
        }
        if (events.size() > shown) {
            String more = "… and " + (events.size() - shown) + " more; ask for one day with schedule <date>.";
            sb.append('\n').append(more);
            blocks.add(new Block.Footnote(more));
        }
        return Result.rich(sb.toString(), blocks);
    }

    /** Events of one day as the reader counts days (in their zone); date-only events by their own date. */
    public List<Event> onDay(LocalDate day, ZoneId zone) {
        return inDays(day, day.plusDays(1), zone);
    }

    public List<Event> inDays(LocalDate from, LocalDate toExclusive, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = toExclusive.atStartOfDay(zone).toInstant();
        // Date-only events are keyed at midnight in their own zone, up to 14 hours away from the reader's.
        List<Event> candidates = new ArrayList<>(calendar.between(start.minusSeconds(15 * 3600),
                end.plusSeconds(15 * 3600)));
        // a multi-day event is on each of its days, though keyed at its first
        java.util.Set<String> ids = new java.util.HashSet<>();
        candidates.forEach(e -> ids.add(e.id()));
        for (Event e : calendar.spanning(start.minusSeconds(15 * 3600), end.plusSeconds(15 * 3600))) {
            if (ids.add(e.id())) {
                candidates.add(e);
            }
        }
        List<Event> out = new ArrayList<>();
        for (Event e : candidates) {
            boolean in = e.dateOnly()
                    ? !e.lastDate().isBefore(from) && e.date().isBefore(toExclusive)
                    : !e.start().isBefore(start) && e.start().isBefore(end);
            if (in) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(Event::sortKey).thenComparing(Event::id));
        return out;
    }

    public Result committee(Committee c, ZoneId zone, Instant now) {
        EventMessages m = messages();
        StringBuilder sb = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        String heading = c.name() + " (" + c.acronym() + ")";
        sb.append(heading);
        blocks.add(new Block.Heading(heading));
        if (c.description() != null) {
            sb.append('\n').append(c.description());
            blocks.add(new Block.Paragraph(c.description()));
        }
        List<Event> all = calendar.aheadForCommittee(c.acronym(), now, COMMITTEE_PAGE + 50);
        List<Event> upcoming = all.size() > COMMITTEE_PAGE ? all.subList(0, COMMITTEE_PAGE) : all;
        if (upcoming.isEmpty()) {
            sb.append("\nNo upcoming sessions in the calendar.");
            blocks.add(new Block.Paragraph("No upcoming sessions in the calendar."));
        } else {
            sb.append("\nUpcoming:");
            blocks.add(new Block.Heading("Upcoming"));
            for (Event e : upcoming) {
                sb.append('\n').append(m.line(e, zone));
                blocks.add(m.card(e));
            }
            if (all.size() > upcoming.size()) {
                String more = "…and " + (all.size() - upcoming.size()) + (all.size() >= COMMITTEE_PAGE + 50 ? "+" : "")
                        + " more — ask `when " + c.acronym() + " in <month>`";
                sb.append('\n').append(more);
                blocks.add(new Block.Footnote(more));
            }
        }
        List<CommitteeUpdate> updates = calendar.updates(c.acronym(), 3);
        if (!updates.isEmpty()) {
            sb.append("\nLatest updates:");
            List<Block.Field> fields = new ArrayList<>();
            for (CommitteeUpdate u : updates) {
                String date = TimeFormat.day(LocalDate.ofInstant(u.postedAt(), zone));
                String who = (u.author() == null ? "" : " (" + u.author() + ")")
                        + (u.postedAt().plus(staleAfter).isBefore(now) ? " [possibly out of date: older than "
                        + Durations.format(staleAfter) + "]" : "");
                sb.append("\n• ").append(date).append(who).append(": ").append(u.text());
                fields.add(new Block.Field(date + who, u.text()));
            }
            blocks.add(new Block.Heading("Latest updates"));
            blocks.add(new Block.Fields(fields));
        }
        if (c.link() != null) {
            sb.append("\nMore: ").append(c.link());
            blocks.add(new Block.Links(List.of(new Block.Link("About the " + c.acronym(), c.link()))));
        }
        return Result.rich(sb.toString(), blocks);
    }

    public Result meeting(Meeting meeting, ZoneId zone) {
        List<Event> events = calendar.forMeeting(meeting.code());
        String title = meeting.name() + ", " + (meeting.city() == null ? "" : meeting.city() + ", ")
                + TimeFormat.day(meeting.firstDay()) + " to " + TimeFormat.day(meeting.lastDay())
                + " (venue time " + TimeFormat.zoneName(meeting.firstDay().atStartOfDay(meeting.zone())) + ")";
        return list(title, events, zone, "No sessions of " + meeting.code() + " are in the calendar yet.");
    }
}
