package org.ccnsobot.features.calendar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.Meeting;

import org.ccnsobot.kernel.Stopwords;
import org.ccnsobot.kernel.Text;
/**
 * An in-memory inverted index over events, built once from the store and rebuilt only after a write. A query
 * word matches index words exactly, by prefix, or within a small edit distance, so "councl" and "frag" still find
 * their events; scanning only the vocabulary (not the events) keeps a lookup in the microseconds.
 */
public final class SearchIndex {
    private static final float TITLE = 1.0f;
    private static final float COMMITTEE = 0.6f;
    private static final float KIND = 0.6f;
    private static final float COMMITTEE_NAME = 0.4f;
    private static final float PLACE = 0.5f;
    private static final float DESCRIPTION = 0.3f;
    private static final int MAX_HITS = 2000;
    private static final float MIN_RELATIVE_SCORE = 0.5f;

    private final List<Event> events;
    private final Map<String, Posting> postings;
    private final String[] vocabularySorted;
    private final Map<Integer, List<String>> vocabularyByLength;

    private SearchIndex(List<Event> events, Map<String, Posting> postings) {
        this.events = events;
        this.postings = postings;
        this.vocabularySorted = postings.keySet().toArray(new String[0]);
        Arrays.sort(vocabularySorted);
        this.vocabularyByLength = new HashMap<>();
        for (String w : vocabularySorted) {
            // Numbers ("202", "2024") match only exactly: a typo in a number is another number.
            if (w.chars().noneMatch(Character::isDigit)) {
                vocabularyByLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
            }
        }
    }

    public static SearchIndex build(List<Event> events, List<Committee> committees, List<Meeting> meetings) {
        Map<String, Committee> byAcronym = new HashMap<>();
        for (Committee c : committees) {
            byAcronym.put(c.acronym(), c);
        }
        Map<String, Meeting> byCode = new HashMap<>();
        for (Meeting m : meetings) {
            byCode.put(m.code(), m);
        }
        Map<String, Posting> postings = new HashMap<>();
        List<Event> list = List.copyOf(events);
        Map<String, Float> terms = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Event e = list.get(i);
            terms.clear();
            add(terms, Text.words(e.title()), TITLE);
            add(terms, Text.words(e.kind()), KIND);
            for (String acr : e.committees()) {
                add(terms, List.of(Text.squash(acr)), COMMITTEE);
                Committee c = byAcronym.get(acr);
                if (c != null) {
                    add(terms, Text.words(c.name()), COMMITTEE_NAME);
                    for (String alias : c.aliases()) {
                        add(terms, List.of(Text.squash(alias)), COMMITTEE);
                    }
                }
            }
            if (e.meetingCode() != null) {
                add(terms, List.of(Text.squash(e.meetingCode())), PLACE);
                Meeting m = byCode.get(e.meetingCode());
                if (m != null && m.city() != null) {
                    add(terms, Text.words(m.city()), PLACE);
                }
            }
            if (e.description() != null) {
                add(terms, Text.words(e.description()), DESCRIPTION);
            }
            for (Map.Entry<String, Float> t : terms.entrySet()) {
                postings.computeIfAbsent(t.getKey(), k -> new Posting()).add(i, t.getValue());
            }
        }
        return new SearchIndex(list, postings);
    }

    private static void add(Map<String, Float> terms, List<String> words, float weight) {
        for (String w : words) {
            if (w.length() < 2 || Stopwords.isStopword(w)) {
                continue;
            }
            terms.merge(w, weight, Math::max);
        }
    }

    public int size() {
        return events.size();
    }

    /**
     * Events matching the most query words, best first (ties broken by time). Query words should already be free of
     * stop words.
     */
    public List<Hit> search(List<String> words) {
        if (words.isEmpty() || events.isEmpty()) {
            return List.of();
        }
        Scratch scratch = SCRATCH.get().fit(events.size());
        float[] score = scratch.score;
        int[] matched = scratch.matched;
        int[] stamp = scratch.stamp;
        float[] wordBest = scratch.wordBest;
        IntList touched = scratch.touched;
        try {
            return search(words, score, matched, stamp, wordBest, touched);
        } finally {
            // Leave the scratch arrays clean for the next query: only touched slots were written.
            for (int i = 0; i < touched.size; i++) {
                int ev = touched.values[i];
                score[ev] = 0;
                matched[ev] = 0;
                stamp[ev] = 0;
                wordBest[ev] = 0;
            }
            touched.size = 0;
        }
    }

    private List<Hit> search(List<String> words, float[] score, int[] matched, int[] stamp, float[] wordBest,
                             IntList touched) {
        int qi = 0;
        for (String q : words) {
            qi++;
            Map<String, Float> expansions = expand(q);
            if (expansions.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Float> x : expansions.entrySet()) {
                Posting p = postings.get(x.getKey());
                double idf = Math.log(1.0 + (double) events.size() / p.size);
                for (int k = 0; k < p.size; k++) {
                    int ev = p.events[k];
                    float s = (float) (x.getValue() * p.weights[k] * idf);
                    if (stamp[ev] == 0) {
                        touched.add(ev);
                    }
                    if (stamp[ev] != qi) {
                        stamp[ev] = qi;
                        matched[ev]++;
                        wordBest[ev] = s;
                        score[ev] += s;
                    } else if (s > wordBest[ev]) {
                        // several expansions of one query word hit this event: count the word once, at its best
                        score[ev] += s - wordBest[ev];
                        wordBest[ev] = s;
                    }
                }
            }
        }
        if (touched.size == 0) {
            return List.of();
        }
        int best = 0;
        for (int t = 0; t < touched.size; t++) {
            best = Math.max(best, matched[touched.values[t]]);
        }
        // Most of what was asked must match: "quidditch final" should not find a session held on a final day.
        if (best * 2 <= words.size()) {
            return List.of();
        }
        float top = 0;
        for (int t = 0; t < touched.size; t++) {
            int ev = touched.values[t];
            if (matched[ev] == best) {
                top = Math.max(top, score[ev]);
            }
        }
        // Hits far below the best are noise next to it; dropping them here keeps the sort small on big calendars.
        float floor = top * MIN_RELATIVE_SCORE;
        List<Hit> hits = new ArrayList<>();
        for (int t = 0; t < touched.size; t++) {
            int ev = touched.values[t];
            if (matched[ev] == best && score[ev] >= floor) {
                hits.add(new Hit(events.get(ev), score[ev], matched[ev], words.size()));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(h -> h.event().sortKey()));
        return hits.size() > MAX_HITS ? List.copyOf(hits.subList(0, MAX_HITS)) : Collections.unmodifiableList(hits);
    }

    /** Index words a query word stands for, with how well each matches (1 exact, less for prefixes and typos). */
    Map<String, Float> expand(String q) {
        Map<String, Float> out = new HashMap<>();
        if (postings.containsKey(q)) {
            out.put(q, 1.0f);
        }
        int tol = Text.tolerance(q.length());
        if (tol > 0) {
            for (int len = q.length() - tol; len <= q.length() + tol; len++) {
                List<String> bucket = vocabularyByLength.get(len);
                if (bucket == null) {
                    continue;
                }
                for (String w : bucket) {
                    if (w.equals(q)) {
                        continue;
                    }
                    int d = Text.distance(q, w, tol);
                    if (d <= tol) {
                        out.merge(w, d == 1 ? 0.75f : 0.55f, Math::max);
                    }
                }
            }
        }
        if (q.length() >= 3) {
            int from = Arrays.binarySearch(vocabularySorted, q);
            from = from < 0 ? -from - 1 : from + 1;
            for (int i = from; i < vocabularySorted.length && vocabularySorted[i].startsWith(q); i++) {
                if (Character.isDigit(vocabularySorted[i].charAt(vocabularySorted[i].length() - 1))) {
                    continue;
                }
                out.merge(vocabularySorted[i], 0.7f, Math::max);
                if (i - from > 50) {
                    break;
                }
            }
        }
        return out;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread working arrays: a query on a big calendar would otherwise allocate megabytes each time. */
    private static final class Scratch {
        float[] score = new float[0];
        int[] matched = new int[0];
        int[] stamp = new int[0];
        float[] wordBest = new float[0];
        final IntList touched = new IntList();

        Scratch fit(int n) {
            if (score.length < n) {
                score = new float[n];
                matched = new int[n];
                stamp = new int[n];
                wordBest = new float[n];
            }
            return this;
        }
    }

    private static final class IntList {
        int[] values = new int[256];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /** One event found, with its score and how many of the query's words it matched. */
    public record Hit(Event event, double score, int matchedWords, int queryWords) {
    }

    private static final class Posting {
        int[] events = new int[4];
        float[] weights = new float[4];
        int size;

        void add(int event, float weight) {
            if (size == events.length) {
                events = Arrays.copyOf(events, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            events[size] = event;
            weights[size] = weight;
            size++;
        }
    }
}
