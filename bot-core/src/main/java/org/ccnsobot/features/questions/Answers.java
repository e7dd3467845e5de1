package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.EventSearch;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.i18n.Messages;
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
        return answer(q, text, zone, shown, now, Locale.ENGLISH);
    }

    /** As {@link #answer(Question, String, ZoneId, ZoneId, Instant)}, written in {@code l}'s language. */
    Result answer(Question q, String text, ZoneId zone, ZoneId shown, Instant now, Locale l) throws CommandException {
        if (q.trouble() != null) {
            throw new CommandException(q.trouble().in(l));
        }
        if (text.length() > Reader.MAX_CHARS) {
            throw new CommandException(Messages.t(l, "q.long"));
        }
        Question.About a = q.about();
        if (a.missingMeeting() != null) {
            return Result.text(missingMeeting(a.missingMeeting(), l));
        }
        boolean subjectless = a.committee() == null && a.meeting() == null && a.number() == null
                && a.words().isEmpty() && a.generic().stream().allMatch(Reader::weak);
        if (subjectless && q.span() != null) {
            return day(q, null, views.inDays(q.span().from(), q.span().to(), zone), zone, shown, now, l);
        }
        if (subjectless) {
            if (q.next() || q.intent() == Question.Intent.IS_THERE) {
                return next(shown, now, l);
            }
            throw new CommandException(Messages.t(l, "q.askAbout"));
        }
        boolean onlyMeeting = a.committee() == null && a.number() == null && a.words().isEmpty() && a.meeting() != null;
        if (onlyMeeting && q.span() == null && !q.next()) {
            return q.intent() == Question.Intent.WHERE ? Result.text(where(a.meeting(), l))
                    : views.meeting(a.meeting(), shown, l);
        }
        boolean onlyCommittee = a.committee() != null && a.meeting() == null && a.number() == null
                && a.words().isEmpty();
        if (onlyCommittee && q.span() == null && !q.next() && (q.intent() == Question.Intent.ABOUT
                || q.intent() == Question.Intent.LIST || q.intent() == Question.Intent.WHAT_ON)) {
            return views.committee(a.committee(), shown, now, l);
        }
        Retrieval.Found found = retrieval.find(a, q.span(), zone, now);
        String subject = subject(a, l);
        if (q.span() != null) {
            return day(q, subject, found.events(), zone, shown, now, l);
        }
        if (found.events().isEmpty()) {
            String none = nothing(a, subject, text, found, l);
            throw new CommandException(q.intent() == Question.Intent.IS_THERE ? Messages.t(l, "q.no", none) : none);
        }
        Event best = found.events().get(0);
        boolean past = !best.endKey().isAfter(now);
        String lead = found.dropped().isEmpty() ? null
                : Messages.t(l, "q.noMatch.closest", String.join(" ", found.dropped()));
        if (a.number() != null && found.droppedNumber()) {
            lead = Messages.t(l, "q.number.missing", Text.capitalize(numbered(a, l)));
        }
        if (past) {
            lead = (lead == null ? "" : lead + "\n") + Messages.t(l, q.intent() == Question.Intent.IS_THERE
                    ? "q.past.no" : "q.past");
        }
        if (q.intent() == Question.Intent.IS_THERE && lead == null) {
            lead = Messages.t(l, "q.yes");
        }
        Result main = views.event(best, shown, now, lead, l);
        List<Event> others = found.events().subList(1, found.events().size());
        int more = past ? 0 : Math.max(0, found.ahead() - found.events().size());
        String tail = past ? range(l) : more == 0 ? null : Messages.t(l, "q.more", String.valueOf(more),
                found.ahead() >= Retrieval.COUNT_CAP ? "+" : "", moreCommand(a, found));
        return withOthers(main, others, tail, shown, Messages.t(l, "q.also"), Messages.t(l, "q.also.line"), l);
    }

    /** {@code heading} titles the others' block; {@code line} (the heading with its colon) heads them in text. */
    private Result withOthers(Result main, List<Event> others, String tail, ZoneId zone, String heading, String line,
                              Locale l) {
        if (others.isEmpty() && tail == null) {
            return main;
        }
        StringBuilder sb = new StringBuilder(main.message().fallbackText());
        List<Block> blocks = new ArrayList<>(main.message().blocks());
        EventMessages m = views.messages();
        if (!others.isEmpty()) {
            sb.append('\n').append(line);
            blocks.add(new Block.Heading(heading));
            for (Event e : others) {
                sb.append('\n').append(m.line(e, zone, l));
                blocks.add(m.card(e, l));
            }
        }
        if (tail != null) {
            sb.append('\n').append(tail);
            blocks.add(new Block.Footnote(tail));
        }
        return Result.rich(sb.toString(), blocks);
    }

    /** A day's or a range's events, or yes/no for "is there". */
    private Result day(Question q, String subject, List<Event> events, ZoneId zone, ZoneId shown, Instant now,
                       Locale l) {
        Question.Span s = q.span();
        String label = label(s, l);
        String what = subject == null ? "" : subject + ", ";
        String title = s.oneDay() ? Messages.t(l, "q.day.title", what, label)
                : Messages.t(l, "q.range.title", Text.capitalize(what + label));
        String on = Messages.t(l, s.oneDay() ? "q.on" : "q.for", label);
        if (q.intent() == Question.Intent.IS_THERE) {
            if (!events.isEmpty()) {
                int n = events.size();
                return views.list(Messages.t(l, "q.yes.count", n, subject == null ? ""
                        : Messages.t(l, "q.forSubject", subject), label, String.valueOf(n)), events, shown, "", l);
            }
            return Result.text((subject == null ? Messages.t(l, "q.isThere.none", on)
                    : Messages.t(l, "q.isThere.none.subject", subject, on)) + nearest(q, zone, shown, l));
        }
        if (events.isEmpty()) {
            return Result.text(title + "\n" + (subject == null ? Messages.t(l, "q.day.none", on)
                    : Messages.t(l, "q.day.none.subject", subject, on)) + nearest(q, zone, shown, l));
        }
        return views.list(title, events, shown, "", l);
    }

    /**
     * How the answer names the span: the reader's own words in English ("tomorrow, Sat 2 Mar 2024", "day 2 of
     * ICANN79, …"); in another language the day, the month or the two ends in that language's words, since the
     * reader's labels are English.
     */
    private static String label(Question.Span s, Locale l) {
        if (org.ccnsobot.i18n.Language.of(l) == org.ccnsobot.i18n.Language.EN) {
            return s.label();
        }
        if (s.named() != null) {
            return s.named().in(l);
        }
        if (s.oneDay()) {
            return TimeFormat.day(s.from(), l);
        }
        LocalDate last = s.to().minusDays(1);
        if (s.from().getDayOfMonth() == 1 && last.equals(s.from().withDayOfMonth(s.from().lengthOfMonth()))) {
            String month = s.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, l);
            return Messages.t(l, "q.span.month", month, String.valueOf(s.from().getYear()));
        }
        return Messages.t(l, "q.span.range", TimeFormat.day(s.from(), l), TimeFormat.day(last, l));
    }

    /** After an empty day or range: the next match after it, or the latest before it. */
    private String nearest(Question q, ZoneId zone, ZoneId shown, Locale l) {
        Instant end = q.span().to().atStartOfDay(zone).toInstant();
        Instant start = q.span().from().atStartOfDay(zone).toInstant();
        Optional<Event> after = retrieval.nearest(q.about(), end, true);
        if (after.isPresent()) {
            return "\n" + Messages.t(l, "q.nextAfter", views.messages().line(after.get(), shown, l).substring(2));
        }
        Optional<Event> before = retrieval.nearest(q.about(), start, false);
        return before.map(e -> "\n" + Messages.t(l, "q.latestBefore", views.messages().line(e, shown, l).substring(2)))
                .orElse("\n" + range(l));
    }

    /** "Next up": the events not over yet, sessions still ahead today included. */
    private Result next(ZoneId zone, Instant now, Locale l) {
        List<Event> up = retrieval.notOver(now, 1 + ALSO);
        if (up.isEmpty()) {
            return Result.text(Messages.t(l, "list.nothingUpcoming") + " " + range(l));
        }
        Result first = views.event(up.get(0), zone, now, Messages.t(l, "next.lead"), l);
        return withOthers(first, up.subList(1, up.size()), null, zone, Messages.t(l, "next.after.heading"),
                Messages.t(l, "next.after"), l);
    }

    /** One line: nothing of the kind is in the calendar, with close words and the calendar's range. */
    private String nothing(Question.About a, String subject, String text, Retrieval.Found found, Locale l) {
        if (found.unknown().isEmpty() && (a.committee() != null || a.meeting() != null) && a.words().isEmpty()
                && a.number() == null) {
            return Messages.t(l, "q.noSessions", subject, range(l));
        }
        List<String> close = found.suggestions();
        return Messages.t(l, "q.noMatch", Text.shorten(oneLine(text), 60),
                close.isEmpty() ? "" : Messages.t(l, "q.didYouMean", String.join(", ", close)), range(l));
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

    private String missingMeeting(String code, Locale l) {
        List<String> held = new ArrayList<>();
        for (Meeting m : calendar.meetingsByCode().values()) {
            held.add(Messages.t(l, "q.heldMeeting", m.code(), m.city() == null ? "" : m.city() + ", ",
                    TimeFormat.day(m.firstDay(), l), TimeFormat.day(m.lastDay(), l)));
        }
        return Messages.t(l, "q.missingMeeting", code, held.isEmpty() ? Messages.t(l, "q.holdsNoMeeting")
                : Messages.t(l, "q.holdsMeetings", String.join(", ", held)), range(l));
    }

    private static String where(Meeting m, Locale l) {
        return Messages.t(l, "q.where", m.name(), (m.venue() == null ? "" : m.venue() + ", ")
                + (m.city() == null ? "" : m.city()) + (m.country() == null ? "" : ", " + m.country()),
                TimeFormat.day(m.firstDay(), l), TimeFormat.day(m.lastDay(), l));
    }

    /** "The calendar holds events from … to …". */
    String range(Locale l) {
        Optional<List<Event>> r = calendar.range();
        if (r.isEmpty()) {
            return Messages.t(l, "q.empty");
        }
        return Messages.t(l, "q.range", TimeFormat.day(r.get().get(0).date(), l),
                TimeFormat.day(r.get().get(1).date(), l));
    }

    /**
     * "Council meeting 209" in English as the question put it; in another language the noun comes from the bundle,
     * in that language's order, "la réunion 209 du Council", "la reunión 209 del Council".
     */
    private static String numbered(Question.About a, Locale l) {
        if (org.ccnsobot.i18n.Language.of(l) == org.ccnsobot.i18n.Language.EN) {
            String noun = !a.generic().isEmpty() ? String.join(" ", a.generic())
                    : Messages.t(l, a.committee() != null ? "q.noun.meeting" : "q.noun.event");
            return (a.committee() != null ? a.committee().acronym() + " " : "") + noun + " " + a.number();
        }
        // the noun of a numbered thing: a meeting, a session, a call; anything else is an event
        String kind = a.generic().stream().map(Answers::family).filter(f -> f != null).findFirst()
                .map(f -> f.startsWith("meeting") ? "meeting" : f.startsWith("session") ? "session"
                        : f.startsWith("call") ? "call" : "event")
                .orElse(a.committee() != null ? "meeting" : "event");
        return a.committee() != null ? Messages.t(l, "q.numbered." + kind + ".of", a.number(), a.committee().acronym())
                : Messages.t(l, "q.numbered." + kind, a.number());
    }

    /** The bundle family of a generic word of the question ("mtg" is a meeting), or null for a name (ccnso, icann). */
    private static String family(String word) {
        return switch (word) {
            case "meeting", "mtg", "meetng", "meting" -> "meeting";
            case "meetings" -> "meetings";
            case "session", "sessions", "event", "events", "call", "calls", "activity", "activities", "member",
                 "members" -> word;
            case "thing" -> "event";
            case "things" -> "events";
            default -> null;
        };
    }

    /** The subject as the question named it; in another language its generic words in that language, first. */
    private static String subject(Question.About a, Locale l) {
        List<String> parts = new ArrayList<>();
        boolean english = org.ccnsobot.i18n.Language.of(l) == org.ccnsobot.i18n.Language.EN;
        if (!english) {
            for (String g : a.generic()) {
                String f = family(g);
                parts.add(f == null ? g : Messages.t(l, "q.generic." + f));
            }
        }
        if (a.committee() != null) {
            parts.add(a.committee().acronym());
        }
        if (a.meeting() != null) {
            parts.add(a.meeting().code());
        }
        parts.addAll(a.words());
        if (english) {
            parts.addAll(a.generic());
        }
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
