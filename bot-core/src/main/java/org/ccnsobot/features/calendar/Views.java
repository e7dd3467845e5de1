package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;
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
    private final org.ccnsobot.config.FeedsConfig feeds;

    /**
     * The honest empty state: nothing is ahead, so say up to when the calendar holds anything, and tell staff how
     * to keep it current.
     */
    public Result nothingUpcoming(Instant now, ZoneId zone, boolean staff) {
        return nothingUpcoming(now, zone, staff, Locale.ENGLISH);
    }

    public Result nothingUpcoming(Instant now, ZoneId zone, boolean staff, Locale l) {
        StringBuilder sb = new StringBuilder(Messages.t(l, "list.nothingUpcoming"));
        calendar.range().ifPresentOrElse(r -> sb.append(Messages.t(l, "list.holdsNothingAfter",
                        TimeFormat.day(r.get(1).date(), l))),
                () -> sb.append(Messages.t(l, "list.holdsNothing")));
        if (staff) {
            sb.append('\n').append(Messages.t(l, "list.staffHint"));
        }
        return Result.text(sb.toString());
    }

    public Views(CalendarService calendar) {
        this(calendar, UpdatesConfig.defaults().staleAfter());
    }

    public Views(CalendarService calendar, Duration staleAfter) {
        this(calendar, staleAfter, null);
    }

    /** As above, the cards pointing to each event's own feed on {@code feeds} (null: no feed server). */
    public Views(CalendarService calendar, Duration staleAfter, org.ccnsobot.config.FeedsConfig feeds) {
        this.calendar = calendar;
        this.staleAfter = staleAfter;
        this.feeds = feeds;
    }

    private volatile EventMessages messages;

    /** Rebuilt only when the meetings change (the calendar's cache hands out a new map after a write). */
    public EventMessages messages() {
        java.util.Map<String, org.ccnsobot.domain.Meeting> meetings = calendar.meetingsByCode();
        EventMessages m = messages;
        if (m == null || m.source() != meetings) {
            m = new EventMessages(meetings, feeds);
            messages = m;
        }
        return m;
    }

    public Result event(Event e, ZoneId zone, Instant now, String lead) {
        return event(e, zone, now, lead, Locale.ENGLISH);
    }

    public Result event(Event e, ZoneId zone, Instant now, String lead, Locale l) {
        EventMessages m = messages();
        String text = (lead == null ? "" : lead + "\n") + m.details(e, zone, now, l);
        List<Block> blocks = new ArrayList<>();
        if (lead != null) {
            blocks.add(new Block.Paragraph(lead));
        }
        blocks.add(m.card(e, l));
        return Result.rich(text, blocks);
    }

    /** A titled list of events, one line each, with cards for rich platforms. */
    public Result list(String title, List<Event> events, ZoneId zone, String empty) {
        return list(title, events, zone, empty, Locale.ENGLISH);
    }

    /** As above, the lines in {@code l}'s words ({@code title} and {@code empty} are already in them). */
    public Result list(String title, List<Event> events, ZoneId zone, String empty, Locale l) {
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
            sb.append('\n').append(m.line(e, zone, l));
            blocks.add(m.card(e, l));
        }
        if (events.size() > shown) {
            String more = Messages.t(l, "list.more", String.valueOf(events.size() - shown));
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
        return committee(c, zone, now, Locale.ENGLISH);
    }

    public Result committee(Committee c, ZoneId zone, Instant now, Locale l) {
        EventMessages m = messages();
        StringBuilder sb = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        String heading = c.name(l) + " (" + c.acronym() + ")";
        sb.append(heading);
        blocks.add(new Block.Heading(heading));
        String description = c.description(l);
        if (description != null) {
            sb.append('\n').append(description);
            blocks.add(new Block.Paragraph(description));
        }
        List<Event> all = calendar.aheadForCommittee(c.acronym(), now, COMMITTEE_PAGE + 50);
        List<Event> upcoming = all.size() > COMMITTEE_PAGE ? all.subList(0, COMMITTEE_PAGE) : all;
        if (upcoming.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "committee.noSessions"));
            blocks.add(new Block.Paragraph(Messages.t(l, "committee.noSessions")));
        } else {
            sb.append('\n').append(Messages.t(l, "committee.upcoming"));
            blocks.add(new Block.Heading(Messages.t(l, "committee.upcoming.heading")));
            for (Event e : upcoming) {
                sb.append('\n').append(m.line(e, zone, l));
                blocks.add(m.card(e, l));
            }
            if (all.size() > upcoming.size()) {
                String more = Messages.t(l, "committee.more", String.valueOf(all.size() - upcoming.size()),
                        all.size() >= COMMITTEE_PAGE + 50 ? "+" : "", c.acronym());
                sb.append('\n').append(more);
                blocks.add(new Block.Footnote(more));
            }
        }
        List<CommitteeUpdate> updates = calendar.updates(c.acronym(), 3);
        if (!updates.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "committee.updates"));
            List<Block.Field> fields = new ArrayList<>();
            for (CommitteeUpdate u : updates) {
                String date = TimeFormat.day(LocalDate.ofInstant(u.postedAt(), zone), l);
                String who = (u.author() == null ? "" : " (" + u.author() + ")")
                        + (u.postedAt().plus(staleAfter).isBefore(now) ? Messages.t(l, "committee.stale",
                        Durations.format(staleAfter)) : "");
                sb.append("\n• ").append(date).append(who).append(": ").append(u.text());
                fields.add(new Block.Field(date + who, u.text()));
            }
            blocks.add(new Block.Heading(Messages.t(l, "committee.updates.heading")));
            blocks.add(new Block.Fields(fields));
        }
        if (c.link() != null) {
            sb.append('\n').append(Messages.t(l, "committee.moreLink", c.link()));
            blocks.add(new Block.Links(List.of(new Block.Link(Messages.t(l, "committee.about", c.acronym()),
                    c.link()))));
        }
        return Result.rich(sb.toString(), blocks);
    }

    public Result meeting(Meeting meeting, ZoneId zone) {
        return meeting(meeting, zone, Locale.ENGLISH);
    }

    public Result meeting(Meeting meeting, ZoneId zone, Locale l) {
        List<Event> events = calendar.forMeeting(meeting.code());
        String title = Messages.t(l, "meeting.title", meeting.name(), meeting.city() == null ? "" : meeting.city() + ", ",
                TimeFormat.day(meeting.firstDay(), l), TimeFormat.day(meeting.lastDay(), l),
                TimeFormat.zoneName(meeting.firstDay().atStartOfDay(meeting.zone())));
        return list(title, events, zone, Messages.t(l, "meeting.noSessions", meeting.code()), l);
    }
}
