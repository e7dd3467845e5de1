package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.EventSearch;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.port.Block;

/**
 * Answers a {@link Question} as a colleague would: the next match first, then at most three also matching, then
 * how many more; a day's or a range's list; yes or no with the events; and, when the calendar holds nothing of the
 * kind, says so with what it does hold.
 */
final class Answers {
    static final int ALSO = 3;

    private final CalendarService calendar;
    private final Views views;
    private final Retrieval retrieval;

    Answers(CalendarService calendar, Views views) {
        this.calendar = calendar;
        this.views = views;
        this.retrieval = new Retrieval(calendar);
    }

    /** {@code zone} is the one the question was read in (its days and ranges); {@code shown} writes the times. */
    Result answer(Question q, String text, ZoneId zone, ZoneId shown, Instant now) throws CommandException {
        if (q.problem() != null) {
            throw new CommandException(q.problem());
        }
        if (text.length() > Reader.MAX_CHARS) {
            throw new CommandException("That is a long question: ask in a few words, like 'when is the next council"
                    + " meeting?'");
        }
        Question.About a = q.about();
        if (a.missingMeeting() != null) {
            return Result.text(missingMeeting(a.missingMeeting()));
        }
        boolean subjectless = a.committee() == null && a.meeting() == null && a.number() == null
                && a.words().isEmpty() && a.generic().stream().allMatch(Reader::weak);
        if (subjectless && q.span() != null) {
            return day(q, null, views.inDays(q.span().from(), q.span().to(), zone), zone, shown, now);
        }
        if (subjectless) {
            if (q.next() || q.intent() == Question.Intent.IS_THERE) {
                return next(shown, now);
            }
            throw new CommandException("Ask me about a meeting, a committee or a day, like 'when is the next council"
                    + " meeting?' or 'what is on tech day?'; 'help' lists the commands.");
        }
        boolean onlyMeeting = a.committee() == null && a.number() == null && a.words().isEmpty() && a.meeting() != null;
        if (onlyMeeting && q.span() == null && !q.next()) {
            return q.intent() == Question.Intent.WHERE ? Result.text(where(a.meeting())) : views.meeting(a.meeting(), shown);
        }
        boolean onlyCommittee = a.committee() != null && a.meeting() == null && a.number() == null
                && a.words().isEmpty();
        if (onlyCommittee && q.span() == null && !q.next() && (q.intent() == Question.Intent.ABOUT
                || q.intent() == Question.Intent.LIST || q.intent() == Question.Intent.WHAT_ON)) {
            return views.committee(a.committee(), shown, now);
        }
        Retrieval.Found found = retrieval.find(a, q.span(), zone, now);
        String subject = subject(a);
        if (q.span() != null) {
            return day(q, subject, found.events(), zone, shown, now);
        }
        if (found.events().isEmpty()) {
            String none = nothing(a, subject, text, found);
            throw new CommandException(q.intent() == Question.Intent.IS_THERE ? "No. " + none : none);
        }
        Event best = found.events().get(0);
        boolean past = !best.endKey().isAfter(now);
        String lead = found.dropped().isEmpty() ? null
                : "Nothing in the calendar matches '" + String.join(" ", found.dropped()) + "'; the closest:";
        if (a.number() != null && found.droppedNumber()) {
            String noun = !a.generic().isEmpty() ? String.join(" ", a.generic())
                    : a.committee() != null ? "meeting" : "event";
            lead = Text.capitalize((a.committee() != null ? a.committee().acronym() + " " : "") + noun + " "
                    + a.number()) + " is not in the calendar; the closest:";
        }
        if (past) {
            lead = (lead == null ? "" : lead + "\n") + (q.intent() == Question.Intent.IS_THERE ? "No, nothing ahead"
                    : "Nothing ahead") + "; the latest match is already over:";
        }
        if (q.intent() == Question.Intent.IS_THERE && lead == null) {
            lead = "Yes:";
        }
        Result main = views.event(best, shown, now, lead);
        List<Event> others = found.events().subList(1, found.events().size());
        int more = past ? 0 : Math.max(0, found.ahead() - found.events().size());
        String tail = past ? range() : more == 0 ? null : "…and " + more + (found.ahead() >= Retrieval.COUNT_CAP ? "+" : "")
                + " more — ask `" + moreCommand(a, found) + "`";
        return withOthers(main, others, tail, shown);
    }

    private Result withOthers(Result main, List<Event> others, String tail, ZoneId zone) {
        return withOthers(main, others, tail, zone, "Also matching");
    }

    private Result withOthers(Result main, List<Event> others, String tail, ZoneId zone, String heading) {
        if (others.isEmpty() && tail == null) {
            return main;
        }
        StringBuilder sb = new StringBuilder(main.message().fallbackText());
        List<Block> blocks = new ArrayList<>(main.message().blocks());
        EventMessages m = views.messages();
        if (!others.isEmpty()) {
            sb.append('\n').append(heading).append(':');
            blocks.add(new Block.Heading(heading));
            for (Event e : others) {
                sb.append('\n').append(m.line(e, zone));
                blocks.add(m.card(e));
            }
        }
        if (tail != null) {
            sb.append('\n').append(tail);
            blocks.add(new Block.Footnote(tail));
        }
        return Result.rich(sb.toString(), blocks);
    }

    /** A day's or a range's events, or yes/no for "is there". */
    private Result day(Question q, String subject, List<Event> events, ZoneId zone, ZoneId shown, Instant now) {
        Question.Span s = q.span();
        String what = subject == null ? "" : subject + ", ";
        String title = (s.oneDay() ? "Schedule for " + what + s.label() : Text.capitalize(what + s.label())) + ":";
        if (q.intent() == Question.Intent.IS_THERE) {
            if (!events.isEmpty()) {
                return views.list("Yes, " + events.size() + (events.size() == 1 ? " match" : " matches")
                        + (subject == null ? "" : " for " + subject) + ", " + s.label() + ":", events, shown, "");
            }
            return Result.text("No" + (subject == null ? "thing" : " " + subject) + " in the calendar " + on(s) + "."
                    + nearest(q, zone, shown, now));
        }
        if (events.isEmpty()) {
            return Result.text(title + "\nNothing" + (subject == null ? "" : " for " + subject) + " in the calendar "
                    + on(s) + "." + nearest(q, zone, shown, now));
        }
        return views.list(title, events, shown, "");
    }

    private static String on(Question.Span s) {
        return (s.oneDay() ? "on " : "for ") + s.label();
    }

    /** After an empty day or range: the next match after it, or the latest before it. */
    private String nearest(Question q, ZoneId zone, ZoneId shown, Instant now) {
        Instant end = q.span().to().atStartOfDay(zone).toInstant();
        Instant start = q.span().from().atStartOfDay(zone).toInstant();
        Optional<Event> after = retrieval.nearest(q.about(), end, true);
        if (after.isPresent()) {
            return "\nThe next one after that: " + views.messages().line(after.get(), shown).substring(2);
        }
        Optional<Event> before = retrieval.nearest(q.about(), start, false);
        return before.map(e -> "\nThe latest before that: " + views.messages().line(e, shown).substring(2))
                .orElse("\n" + range());
    }

    /** "Next up": the events not over yet, sessions still ahead today included. */
    private Result next(ZoneId zone, Instant now) {
        List<Event> up = retrieval.notOver(now, 1 + ALSO);
        if (up.isEmpty()) {
            return Result.text("Nothing upcoming in the calendar. " + range());
        }
        Result first = views.event(up.get(0), zone, now, "Next up:");
        return withOthers(first, up.subList(1, up.size()), null, zone, "After that");
    }

    /** One line: nothing of the kind is in the calendar, with close words and the calendar's range. */
    private String nothing(Question.About a, String subject, String text, Retrieval.Found found) {
        if (found.unknown().isEmpty() && (a.committee() != null || a.meeting() != null) && a.words().isEmpty()
                && a.number() == null) {
            return "No sessions of " + subject + " are in the calendar. " + range();
        }
        List<String> close = found.suggestions();
        return "Nothing in the calendar matches '" + Text.shorten(oneLine(text), 60) + "'."
                + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?") + " " + range();
    }

    /** The question as quoted back: line breaks, tabs and control characters become single spaces. */
    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String missingMeeting(String code) {
        List<String> held = new ArrayList<>();
        for (Meeting m : calendar.meetingsByCode().values()) {
            held.add(m.code() + " (" + (m.city() == null ? "" : m.city() + ", ") + TimeFormat.day(m.firstDay())
                    + " to " + TimeFormat.day(m.lastDay()) + ")");
        }
        return code + " is not in the calendar. " + (held.isEmpty() ? "It holds no ICANN meeting."
                : "It holds " + String.join(", ", held) + ".") + " " + range();
    }

    private static String where(Meeting m) {
        return m.name() + ": " + (m.venue() == null ? "" : m.venue() + ", ") + (m.city() == null ? "" : m.city())
                + (m.country() == null ? "" : ", " + m.country()) + ", " + TimeFormat.day(m.firstDay()) + " to "
                + TimeFormat.day(m.lastDay()) + ".";
    }

    /** "The calendar holds events from … to …". */
    String range() {
        Optional<List<Event>> r = calendar.range();
        if (r.isEmpty()) {
            return "The calendar is empty.";
        }
        return "The calendar holds events from " + TimeFormat.day(r.get().get(0).date()) + " to "
                + TimeFormat.day(r.get().get(1).date()) + ".";
    }

    private static String subject(Question.About a) {
        List<String> parts = new ArrayList<>();
        if (a.committee() != null) {
            parts.add(a.committee().acronym());
        }
        if (a.meeting() != null) {
            parts.add(a.meeting().code());
        }
        parts.addAll(a.words());
        parts.addAll(a.generic());
        if (a.number() != null) {
            parts.add(a.number());
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static String moreCommand(Question.About a, Retrieval.Found found) {
        if (a.committee() != null && a.words().isEmpty()) {
            return "schedule " + a.committee().acronym();
        }
        if (a.meeting() != null) {
            return "schedule " + a.meeting().code();
        }
        Event last = found.events().get(found.events().size() - 1);
        LocalDate d = last.date();
        return "when " + String.join(" ", found.terms()) + " in "
                + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + d.getYear();
    }
}
