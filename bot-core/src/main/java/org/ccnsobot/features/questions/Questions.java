package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.kernel.Dates;
import org.ccnsobot.features.calendar.SearchIndex;
import org.ccnsobot.kernel.Stopwords;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.features.calendar.TimeFormat;

import org.ccnsobot.features.calendar.Views;
/**
 * Answers plain-word questions: "when is the next council meeting?", "what's on tech day", "grc",
 * "what is on 5 march". It reads out a day, a committee, a meeting or words to search events for, and answers
 * with the best match: the soonest upcoming one, or the latest past one when all are over.
 */
public final class Questions {
    private static final Set<String> NEXT_WORDS = Set.of("next", "upcoming", "coming", "soon", "soonest");

    private final CalendarService calendar;
    private final Views views;

    public Questions(CalendarService calendar, Views views) {
        this.calendar = calendar;
        this.views = views;
    }

    /** The words that say what is asked about: no question words, no "next", no day. */
    record Parsed(List<String> content, LocalDate day, boolean week, boolean next) {
    }

    Parsed parse(String text, LocalDate today) {
        String norm = Text.normalize(text);
        Dates.Found found = Dates.find(norm, today);
        LocalDate day = null;
        if (found != null) {
            day = found.date();
            norm = (norm.substring(0, found.start()) + " " + norm.substring(found.end())).trim();
        }
        List<String> content = new ArrayList<>();
        boolean next = false;
        boolean week = false;
        for (String w : norm.isEmpty() ? new String[0] : norm.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (NEXT_WORDS.contains(w)) {
                next = true;
            } else if (w.equals("week") || w.equals("weeks")) {
                week = true;
            } else if (w.equals("this")) {
                continue;
            } else if (!Stopwords.isStopword(w)) {
                content.add(w);
            }
        }
        return new Parsed(content, day, week, next);
    }

    public Result answer(String text, ZoneId zone, Instant now) throws CommandException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Parsed q = parse(text, today);
        if (q.content().isEmpty()) {
            if (q.day() != null) {
                return views.list("Schedule for " + TimeFormat.day(q.day()) + ":", views.onDay(q.day(), zone), zone,
                        "Nothing in the calendar that day.");
            }
            if (q.week()) {
                LocalDate from = q.next() ? today.plusDays(7) : today;
                return views.list("From " + TimeFormat.day(from) + " to " + TimeFormat.day(from.plusDays(6)) + ":",
                        views.inDays(from, from.plusDays(7), zone), zone, "Nothing in the calendar that week.");
            }
            if (q.next()) {
                List<Event> up = calendar.upcoming(now, 1);
                if (up.isEmpty()) {
                    return views.nothingUpcoming(now, zone, false);
                }
                return views.event(up.get(0), zone, now, "Next up:");
            }
            throw new CommandException("Ask me about a meeting, a committee or a day, like 'when is the next council"
                    + " meeting?' or 'what is on tech day?'; 'help' lists the commands.");
        }
        String joined = String.join(" ", q.content());
        Optional<Committee> committee = calendar.committee(joined);
        if (committee.isPresent() && q.day() == null) {
            return views.committee(committee.get(), zone, now);
        }
        Optional<Meeting> meeting = calendar.meeting(joined);
        if (meeting.isPresent() && q.day() == null) {
            return views.meeting(meeting.get(), zone);
        }
        List<Event> found = search(q, zone);
        if (found.isEmpty()) {
            throw new CommandException("Nothing in the calendar matches '" + Text.shorten(text.strip(), 60) + "'");
        }
        Event best = pick(found, now);
        List<Event> others = new ArrayList<>();
        for (Event e : found) {
            if (e != best && e.endKey().isAfter(now) && others.size() < 4) {
                others.add(e);
            }
        }
        others.sort(Comparator.comparing(Event::sortKey));
        String lead = best.endKey().isAfter(now) ? null : "The latest match is already over:";
        Result main = views.event(best, zone, now, lead);
        if (others.isEmpty()) {
            return main;
        }
        StringBuilder sb = new StringBuilder(main.message().fallbackText()).append("\nAlso matching:");
        var m = views.messages();
        for (Event e : others) {
            sb.append('\n').append(m.line(e, zone));
        }
        List<org.ccnsobot.port.Block> blocks = new ArrayList<>(main.message().blocks());
        blocks.add(new org.ccnsobot.port.Block.Heading("Also matching"));
        for (Event e : others) {
            blocks.add(m.card(e));
        }
        return Result.rich(sb.toString(), blocks);
    }

    /** Events matching the question's words (and its day, when it names one), best first. */
    List<Event> search(Parsed q, ZoneId zone) {
        SearchIndex.Hit top = null;
        List<SearchIndex.Hit> hits = calendar.index().search(q.content());
        List<Event> out = new ArrayList<>();
        for (SearchIndex.Hit h : hits) {
            if (q.day() != null && !onDay(h.event(), q.day(), zone)) {
                continue;
            }
            if (top == null) {
                top = h;
            }
            // Keep the clear front-runners: a much weaker match is noise next to a strong one.
            if (h.score() >= top.score() * 0.85) {
                out.add(h.event());
            }
        }
        return out;
    }

    private static boolean onDay(Event e, LocalDate day, ZoneId zone) {
        return e.dateOnly() ? e.date().equals(day) : LocalDate.ofInstant(e.start(), zone).equals(day);
    }

    /** The soonest match that is not over, or else the latest one that is. */
    static Event pick(List<Event> found, Instant now) {
        Event soonest = null;
        Event latest = null;
        for (Event e : found) {
            if (e.status() == org.ccnsobot.domain.EventStatus.CANCELLED) {
                continue;
            }
            if (e.endKey().isAfter(now)) {
                if (soonest == null || e.sortKey().isBefore(soonest.sortKey())) {
                    soonest = e;
                }
            } else if (latest == null || e.sortKey().isAfter(latest.sortKey())) {
                latest = e;
            }
        }
        if (soonest != null) {
            return soonest;
        }
        return latest != null ? latest : found.get(0);
    }
}
