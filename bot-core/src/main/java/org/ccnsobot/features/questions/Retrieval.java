package org.ccnsobot.features.questions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.EventSearch;
import org.ccnsobot.features.calendar.EventSearch.Clause;
import org.ccnsobot.features.calendar.EventSearch.Field;
import org.ccnsobot.features.calendar.SearchIndex;
import org.ccnsobot.kernel.Text;

/**
 * Turns what a question is about into full-text clauses and tries them from the strictest to the loosest (title
 * words before descriptions; "meeting" and "session" only while they narrow; the number before dropping it), so
 * the first attempt that finds anything decides the answer.
 */
final class Retrieval {
    private static final Duration ZONE_SLACK = Duration.ofHours(15);
    private static final Duration LOOKBACK = Duration.ofHours(48);
    private static final int COUNT_CAP = 1000;

    private final CalendarService calendar;

    Retrieval(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * What was found: the events (ahead, or the latest past one, or a day's), how many match ahead in all, the
     * words dropped to find them, and for nothing found the words the calendar does not hold with close ones.
     */
    record Found(List<Event> events, int ahead, List<String> dropped, boolean droppedNumber, List<String> unknown,
                 List<String> suggestions, List<String> terms) {
    }

    private record Attempt(List<Clause> clauses, List<String> dropped, boolean droppedNumber, List<String> terms) {
    }

    Found find(Question.About a, Question.Span span, ZoneId zone, Instant now) {
        SearchIndex index = calendar.index();
        List<String> unknown = new ArrayList<>();
        Map<String, List<String>> known = new LinkedHashMap<>();
        for (String w : a.words()) {
            List<String> alts = index.expand(w);
            if (alts.isEmpty() && w.length() > 3 && w.endsWith("s")) {
                alts = index.expand(w.substring(0, w.length() - 1));
            }
            if (alts.isEmpty()) {
                unknown.add(w);
            } else {
                known.put(w, alts);
            }
        }
        Map<String, List<String>> generic = new LinkedHashMap<>();
        // A day's or a range's list keeps every kind of session: "sessions on sunday" means all of them.
        for (String g : span != null ? List.<String>of() : a.generic()) {
            List<String> alts = index.expand(g);
            if (!alts.isEmpty()) {
                generic.put(g, alts);
            }
        }
        for (Attempt at : attempts(a, known, generic, unknown, index)) {
            List<Event> events;
            int ahead = 0;
            if (span != null) {
                events = inSpan(at.clauses(), span, zone);
            } else {
                events = calendar.search().ahead(at.clauses(), now, 1 + Answers.ALSO);
                if (!events.isEmpty()) {
                    ahead = Math.max(events.size(), calendar.search().countAhead(at.clauses(), now, COUNT_CAP));
                } else {
                    events = calendar.search().before(at.clauses(), now, 1);
                }
            }
            if (!events.isEmpty()) {
                return new Found(events, ahead, at.dropped(), at.droppedNumber(), unknown, List.of(), at.terms());
            }
        }
        List<String> close = new ArrayList<>();
        for (String u : unknown) {
            for (String c : index.closest(u, 2)) {
                if (!close.contains(c)) {
                    close.add(c);
                }
            }
        }
        return new Found(List.of(), 0, List.of(), false, unknown, close.size() > 3 ? close.subList(0, 3) : close,
                List.of());
    }

    private List<Attempt> attempts(Question.About a, Map<String, List<String>> known,
                                   Map<String, List<String>> generic, List<String> unknown, SearchIndex index) {
        List<Clause> base = new ArrayList<>();
        List<String> baseTerms = new ArrayList<>();
        if (a.committee() != null) {
            base.add(new Clause(List.of(Text.squash(a.committee().acronym())), Set.of(Field.COMMITTEES)));
            baseTerms.add(a.committee().acronym());
        }
        if (a.meeting() != null) {
            base.add(new Clause(List.of(Text.squash(a.meeting().code())), Set.of(Field.PLACE)));
            baseTerms.add(a.meeting().code());
        }
        List<Clause> number = a.number() == null ? List.of()
                : List.of(new Clause(List.of(a.number()), Set.of(Field.TITLE)));
        List<String> words = new ArrayList<>(known.keySet());
        List<Attempt> out = new ArrayList<>();
        for (boolean withNumber : a.number() == null ? new boolean[] {false} : new boolean[] {true, false}) {
            List<Clause> head = new ArrayList<>(base);
            if (withNumber) {
                head.addAll(number);
            }
            List<String> terms = new ArrayList<>(baseTerms);
            terms.addAll(words);
            boolean dropNumber = a.number() != null && !withNumber;
            if (a.committee() != null && !generic.isEmpty()) {
                String acr = Text.squash(a.committee().acronym());
                List<String> phrases = new ArrayList<>();
                for (String g : generic.keySet()) {
                    phrases.add(acr + " " + singular(g));
                }
                List<Clause> c = new ArrayList<>(head);
                c.add(new Clause(phrases, Set.of(Field.TITLE, Field.KIND)));
                c.addAll(clauses(known, EventSearch.NAMING));
                out.add(new Attempt(c, unknown, dropNumber, terms));
            }
            List<String> withGeneric = new ArrayList<>(terms);
            withGeneric.addAll(generic.keySet());
            out.add(new Attempt(concat(head, clauses(known, EventSearch.NAMING), clauses(generic, EventSearch.NAMING)),
                    unknown, dropNumber, withGeneric));
            out.add(new Attempt(concat(head, clauses(known, EventSearch.ALL), clauses(generic, EventSearch.ALL)),
                    unknown, dropNumber, withGeneric));
            if (!generic.isEmpty()) {
                out.add(new Attempt(concat(head, clauses(known, EventSearch.NAMING), List.of()), unknown, dropNumber,
                        terms));
                out.add(new Attempt(concat(head, clauses(known, EventSearch.ALL), List.of()), unknown, dropNumber,
                        terms));
            }
        }
        if (!base.isEmpty() && !known.isEmpty()) {
            List<String> dropped = new ArrayList<>(unknown);
            dropped.addAll(known.keySet());
            out.add(new Attempt(base, dropped, a.number() != null, baseTerms));
        }
        if (base.isEmpty() && known.size() >= 2) {
            // Nothing has every word: leave one out, the commonest first, so the rarer words decide.
            List<String> byCount = new ArrayList<>(known.keySet());
            byCount.sort(java.util.Comparator.comparingInt((String k) -> -index.events(k)));
            for (String drop : byCount) {
                Map<String, List<String>> rest = new LinkedHashMap<>(known);
                rest.remove(drop);
                List<String> dropped = new ArrayList<>(unknown);
                dropped.add(drop);
                out.add(new Attempt(concat(number, clauses(rest, EventSearch.NAMING), List.of()), dropped, false,
                        new ArrayList<>(rest.keySet())));
                out.add(new Attempt(concat(number, clauses(rest, EventSearch.ALL), List.of()), dropped, false,
                        new ArrayList<>(rest.keySet())));
            }
        }
        if (base.isEmpty() && known.isEmpty() && !generic.isEmpty() && unknown.isEmpty()) {
            out.add(new Attempt(concat(List.of(), clauses(generic, EventSearch.NAMING), List.of()), List.of(), false,
                    new ArrayList<>(generic.keySet())));
        }
        out.removeIf(at -> at.clauses().isEmpty());
        return out;
    }

    private static List<Clause> concat(List<Clause> a, List<Clause> b, List<Clause> c) {
        List<Clause> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    private static List<Clause> clauses(Map<String, List<String>> words, Set<Field> fields) {
        List<Clause> out = new ArrayList<>();
        for (List<String> alts : words.values()) {
            out.add(new Clause(alts, fields));
        }
        return out;
    }

    private static String singular(String g) {
        return g.endsWith("s") ? g.substring(0, g.length() - 1) : g;
    }

    private List<Event> inSpan(List<Clause> clauses, Question.Span span, ZoneId zone) {
        Instant from = span.from().atStartOfDay(zone).toInstant();
        Instant to = span.to().atStartOfDay(zone).toInstant();
        List<Event> out = new ArrayList<>();
        for (Event e : calendar.search().between(clauses, from.minus(ZONE_SLACK), to.plus(ZONE_SLACK), 500)) {
            if (in(e, span, zone)) {
                out.add(e);
            }
        }
        return out;
    }

    static boolean in(Event e, Question.Span span, ZoneId zone) {
        LocalDate d = e.dateOnly() ? e.date() : LocalDate.ofInstant(e.start(), zone);
        return !d.isBefore(span.from()) && d.isBefore(span.to());
    }

    /** The first match after {@code at} (the subject's, or any event's when it has none). */
    Optional<Event> nextAfter(Question.About a, Instant at) {
        List<Clause> c = subjectClauses(a);
        List<Event> up = c == null ? calendar.upcoming(at, 1) : calendar.search().ahead(c, at, 1);
        return up.stream().findFirst();
    }

    Optional<Event> lastBefore(Question.About a, Instant at) {
        List<Clause> c = subjectClauses(a);
        if (c == null) {
            List<Event> before = calendar.between(at.minus(Duration.ofDays(366)), at);
            return before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1));
        }
        return calendar.search().before(c, at, 1).stream().findFirst();
    }

    private List<Clause> subjectClauses(Question.About a) {
        List<Clause> c = new ArrayList<>();
        if (a.committee() != null) {
            c.add(new Clause(List.of(Text.squash(a.committee().acronym())), Set.of(Field.COMMITTEES)));
        }
        if (a.meeting() != null) {
            c.add(new Clause(List.of(Text.squash(a.meeting().code())), Set.of(Field.PLACE)));
        }
        SearchIndex index = calendar.index();
        for (String w : a.words()) {
            List<String> alts = index.expand(w);
            if (!alts.isEmpty()) {
                c.add(new Clause(alts, EventSearch.ALL));
            }
        }
        return c.isEmpty() ? null : c;
    }

    /** Events not over at {@code now}, soonest first: sessions of today still ahead and ongoing ones included. */
    List<Event> notOver(Instant now, int limit) {
        List<Event> out = new ArrayList<>();
        for (Event e : calendar.between(now.minus(LOOKBACK), now)) {
            if (e.endKey().isAfter(now) && e.status() != EventStatus.CANCELLED) {
                out.add(e);
            }
        }
        for (Event e : calendar.upcoming(now, limit)) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        out.sort(java.util.Comparator.comparing(Event::sortKey).thenComparing(Event::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
