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
    /** "…and N more" counts up to here ("16+ more"): counting every match of a common word costs more than it tells. */
    static final int COUNT_CAP = 20;

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

    /** The words of a question sorted out against the index: known (with their forms), unknown, generic. */
    private record Terms(Map<String, List<String>> known, List<String> unknown, Map<String, List<String>> soft,
                         Map<String, List<String>> weak) {
    }

    private Terms terms(Question.About a, SearchIndex index) {
        List<String> unknown = new ArrayList<>();
        Map<String, List<String>> known = new LinkedHashMap<>();
        for (String w : a.words()) {
            List<String> alts = index.expand(w);
            if (alts.isEmpty() && w.length() > 3 && w.endsWith("s")) {
                alts = index.expand(w.substring(0, w.length() - 1));
            }
            if (alts.isEmpty()) {
                alts = compound(w, index);
            }
            if (alts.isEmpty()) {
                unknown.add(w);
            } else {
                known.put(w, alts);
            }
        }
        Map<String, List<String>> soft = new LinkedHashMap<>();
        Map<String, List<String>> weak = new LinkedHashMap<>();
        for (String g : a.generic()) {
            List<String> alts = index.expand(g);
            if (!alts.isEmpty()) {
                (Reader.weak(g) ? weak : soft).put(g, alts);
            }
        }
        return new Terms(known, unknown, soft, weak);
    }

    /** Two of the index's words run together ("kskrollover", "techday"), as a phrase; empty when none. */
    private static List<String> compound(String w, SearchIndex index) {
        for (int i = 2; i <= w.length() - 2; i++) {
            String a = w.substring(0, i);
            String b = w.substring(i);
            if (index.has(a) && index.has(b)) {
                return List.of(a + " " + b);
            }
        }
        return List.of();
    }

    Found find(Question.About a, Question.Span span, ZoneId zone, Instant now) {
        SearchIndex index = calendar.index();
        Terms t = terms(a, index);
        List<Attempt> all = attempts(a, t, index);
        if (span != null) {
            for (Attempt at : all) {
                List<Event> events = inSpan(at.clauses(), span, zone);
                if (!events.isEmpty()) {
                    return new Found(events, 0, at.dropped(), at.droppedNumber(), t.unknown(), List.of(), at.terms());
                }
            }
        } else {
            // Attempts that keep every word come first; among them an upcoming match beats a past one, so "the next
            // council meeting" is not the last one titled so.
            List<Attempt> strict = all.stream().filter(at -> at.dropped().equals(t.unknown()) && !at.droppedNumber())
                    .toList();
            List<Attempt> loose = all.stream().filter(at -> !strict.contains(at)).toList();
            for (List<Attempt> tier : List.of(strict, loose)) {
                for (Attempt at : tier) {
                    List<Event> events = calendar.search().ahead(at.clauses(), now, 1 + Answers.ALSO);
                    if (!events.isEmpty()) {
                        int ahead = events.size() < 1 + Answers.ALSO ? events.size()
                                : Math.max(events.size(), calendar.search().countAhead(at.clauses(), now, COUNT_CAP));
                        return new Found(events, ahead, at.dropped(), at.droppedNumber(), t.unknown(), List.of(),
                                at.terms());
                    }
                }
                // Nothing ahead: the latest past match of the tier's attempts on names, else on descriptions too
                for (boolean deep : new boolean[] {false, true}) {
                    Event latest = null;
                    Attempt from = null;
                    for (Attempt at : tier) {
                        if (deep(at) != deep) {
                            continue;
                        }
                        for (Event e : calendar.search().before(at.clauses(), now, 1)) {
                            if (latest == null || e.sortKey().isAfter(latest.sortKey())) {
                                latest = e;
                                from = at;
                            }
                        }
                    }
                    if (latest != null) {
                        return new Found(List.of(latest), 0, from.dropped(), from.droppedNumber(), t.unknown(),
                                List.of(), from.terms());
                    }
                }
            }
        }
        List<String> close = new ArrayList<>();
        for (String u : t.unknown()) {
            for (String c : index.closest(u, 2)) {
                if (!close.contains(c)) {
                    close.add(c);
                }
            }
        }
        return new Found(List.of(), 0, List.of(), false, t.unknown(), close.size() > 3 ? close.subList(0, 3) : close,
                List.of());
    }

    /** The nearest match after (or before) a moment, read the way {@link #find} reads the subject. */
    Optional<Event> nearest(Question.About a, Instant at, boolean after) {
        SearchIndex index = calendar.index();
        Terms t = terms(a, index);
        List<Attempt> attempts = attempts(a, t, index);
        if (attempts.isEmpty()) {
            if (after) {
                return calendar.upcoming(at, 1).stream().findFirst();
            }
            List<Event> before = calendar.between(at.minus(Duration.ofDays(366)), at);
            return before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1));
        }
        Event best = null;
        for (Attempt attempt : attempts.stream().sorted(java.util.Comparator.comparing(Retrieval::deep)).toList()) {
            if (best != null && deep(attempt)) {
                break;
            }
            List<Event> e = after ? calendar.search().ahead(attempt.clauses(), at, 1)
                    : calendar.search().before(attempt.clauses(), at, 1);
            for (Event x : e) {
                if (best == null || (after ? x.sortKey().isBefore(best.sortKey()) : x.sortKey().isAfter(best.sortKey()))) {
                    best = x;
                }
            }
            if (best != null && !attempt.dropped().equals(t.unknown())) {
                break; // a looser attempt found it: stop before looser ones still
            }
        }
        return Optional.ofNullable(best);
    }

    private List<Attempt> attempts(Question.About a, Terms t, SearchIndex index) {
        Map<String, List<String>> known = t.known();
        List<String> unknown = t.unknown();
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
        List<Attempt> out = new ArrayList<>();
        // A word the calendar lacks sinks the question, unless it only names a kind ("the fragmentation webinar")
        // or a committee or meeting still says what is meant.
        if (!unknown.isEmpty() && base.isEmpty() && (known.isEmpty() || !unknown.stream().allMatch(Reader::kind))) {
            return out;
        }
        List<Clause> number = a.number() == null ? List.of()
                : List.of(new Clause(List.of(a.number()), Set.of(Field.TITLE)));
        List<String> words = new ArrayList<>(known.keySet());
        // "session", "event", "ccnso" narrow nothing on their own; "meeting", "members" do
        Map<String, List<String>> generic = new LinkedHashMap<>(t.soft());
        for (boolean withNumber : a.number() == null ? new boolean[] {false} : new boolean[] {true, false}) {
            List<Clause> head = new ArrayList<>(base);
            if (withNumber) {
                head.addAll(number);
            }
            List<String> terms = new ArrayList<>(baseTerms);
            terms.addAll(words);
            boolean dropNumber = a.number() != null && !withNumber;
            if (a.committee() != null) {
                // "council meeting" is a kind of the Council's sessions; "council session" is any of them
                List<String> phrases = new ArrayList<>();
                for (String f : forms(t.soft().keySet(), index)) {
                    phrases.add(Text.squash(a.committee().acronym()) + " " + f);
                }
                List<String> forms = forms(a.generic(), index);
                if (!phrases.isEmpty()) {
                    List<Clause> c = new ArrayList<>(head);
                    c.add(new Clause(phrases, Set.of(Field.TITLE, Field.KIND)));
                    c.addAll(clauses(known, EventSearch.NAMING));
                    out.add(new Attempt(c, unknown, dropNumber, terms));
                }
                if (!forms.isEmpty() && a.committeeWord() != null
                        && !Text.squash(a.committeeWord()).equals(Text.squash(a.committee().acronym()))) {
                    // the committee as the title says it: "the policy gap session" is titled "Policy Gap session"
                    List<String> titled = new ArrayList<>();
                    for (String f : forms) {
                        titled.add(a.committeeWord() + " " + f);
                    }
                    List<Clause> c = new ArrayList<>(head);
                    c.add(new Clause(titled, Set.of(Field.TITLE)));
                    c.addAll(clauses(known, EventSearch.NAMING));
                    out.add(new Attempt(c, unknown, dropNumber, terms));
                }
                out.add(new Attempt(concat(head, clauses(known, EventSearch.NAMING), List.of()), unknown, dropNumber,
                        terms));
                out.add(new Attempt(concat(head, clauses(known, EventSearch.ALL), List.of()), unknown, dropNumber,
                        terms));
                continue;
            }
            List<String> withGeneric = new ArrayList<>(terms);
            withGeneric.addAll(generic.keySet());
            out.add(new Attempt(concat(head, clauses(known, EventSearch.NAMING), clauses(generic, EventSearch.NAMING)),
                    unknown, dropNumber, withGeneric));
            out.add(new Attempt(concat(head, clauses(known, EventSearch.ALL), clauses(generic, EventSearch.ALL)),
                    unknown, dropNumber, withGeneric));
            if (!generic.isEmpty() && !known.isEmpty()) {
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
            }
        }
        out.removeIf(at -> at.clauses().isEmpty());
        // the same clauses twice would only ask the database twice
        List<Attempt> distinct = new ArrayList<>();
        for (Attempt at : out) {
            if (distinct.stream().noneMatch(d -> d.clauses().equals(at.clauses()))) {
                distinct.add(at);
            }
        }
        return distinct;
    }

    /** The index's exact forms of generic words ("meeting", "meetings"), no prefixes. */
    private static List<String> forms(java.util.Collection<String> generic, SearchIndex index) {
        List<String> forms = new ArrayList<>();
        for (String g : generic) {
            for (String f : index.expand(g)) {
                if (!f.endsWith("*") && !forms.contains(f)) {
                    forms.add(f);
                }
            }
        }
        return forms;
    }

    /** Whether an attempt reads descriptions too (a weaker sign than a name or title). */
    private static boolean deep(Attempt at) {
        return at.clauses().stream().anyMatch(c -> c.fields().contains(Field.DESCRIPTION));
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

    /** Events not over at {@code now}, soonest first: sessions of today still ahead and ongoing ones included. */
    List<Event> notOver(Instant now, int limit) {
        return calendar.ahead(now, limit);
    }
}
