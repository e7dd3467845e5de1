package org.ccnsobot.features.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;
import org.ccnsobot.kernel.Stopwords;
import org.ccnsobot.kernel.Text;

/**
 * The words of the calendar's full-text index (read once from SQLite's FTS5 vocabulary, again only after a write)
 * and what a typed word stands for among them: itself, words within a small Damerau–Levenshtein distance (the
 * threshold grows with the word's length; transpositions count one), and, from three letters, words it begins.
 * The events themselves stay in the database: {@link #search} hands the expanded words to {@link EventSearch}.
 */
public final class SearchIndex {
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

    private final EventSearch search;
    private final Map<String, Integer> terms;
    private final String[] sorted;
    private final Map<Integer, List<String>> byLength = new HashMap<>();

    SearchIndex(EventSearch search, Map<String, Integer> terms) {
        this.search = search;
        this.terms = Map.copyOf(terms);
        this.sorted = terms.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        for (String w : sorted) {
            // Numbers ("202", "2024") match only exactly: a typo in a number is another number.
            if (w.chars().noneMatch(Character::isDigit)) {
                byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
            }
        }
    }

    /** How many distinct words the index holds. */
    public int size() {
        return terms.size();
    }

    /** Whether the index holds exactly this (folded) word. */
    public boolean has(String word) {
        return terms.containsKey(word);
    }

    /** How many events hold this exact word. */
    public int events(String word) {
        return terms.getOrDefault(word, 0);
    }

    /**
     * The index's words {@code word} may stand for, exact first: the word itself, then words within the typo
     * tolerance, then (from three letters) a prefix term ending in {@code *}. Empty when the calendar holds nothing
     * like it. Words of one or two letters match only exactly.
     */
    public List<String> expand(String word) {
        List<String> out = new ArrayList<>();
        if (terms.containsKey(word)) {
            out.add(word);
        }
        int tol = Text.tolerance(word.length());
        if (tol > 0 && word.chars().noneMatch(Character::isDigit)) {
            List<String> typos = new ArrayList<>();
            for (int len = word.length() - tol; len <= word.length() + tol; len++) {
                for (String w : byLength.getOrDefault(len, List.of())) {
                    if (!w.equals(word) && Text.distance(word, w, tol) <= tol) {
                        typos.add(w);
                    }
                }
            }
            // With an exact match, only one-typo neighbours are kept: "meeting" should not also mean "meetings"
            // and "greeting".
            for (String t : typos) {
                if (out.isEmpty() || Text.distance(word, t, 1) <= 1) {
                    out.add(t);
                }
            }
        }
        if (tol == 0 && word.length() == 3 && out.isEmpty()) {
            // three letters allow no typo, but a swap of two neighbours is still the same word ("dya", "tehc")
            for (String w : byLength.getOrDefault(3, List.of())) {
                if (Text.distance(word, w, 1) <= 1 && sameLetters(word, w)) {
                    out.add(w);
                }
            }
        }
        if (word.length() >= 3 && hasLongerWithPrefix(word)) {
            out.add(word + "*");
        }
        return out.size() > 24 ? List.copyOf(out.subList(0, 24)) : out;
    }

    /** Index words within two edits of {@code word}, closest first (for "did you mean"). */
    public List<String> closest(String word, int limit) {
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= 2 && out.size() < limit; d++) {
            for (int len = word.length() - d; len <= word.length() + d; len++) {
                for (String w : byLength.getOrDefault(len, List.of())) {
                    if (out.size() < limit && !out.contains(w) && Text.distance(word, w, d) == d && w.length() > 2) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }

    private boolean hasLongerWithPrefix(String word) {
        int i = Arrays.binarySearch(sorted, word);
        i = i < 0 ? -i - 1 : i + 1;
        return i < sorted.length && sorted[i].startsWith(word);
    }

    /**
     * Events holding (a form of) every given word, in any field, earliest first; words that are stop words are
     * ignored. Empty when some word matches nothing. Used for suggestions (ids, autocomplete).
     */
    public List<Hit> search(List<String> words) {
        List<EventSearch.Clause> clauses = new ArrayList<>();
        for (String w : words) {
            if (w.isEmpty() || Stopwords.isStopword(w)) {
                continue;
            }
            List<String> alts = expand(w);
            if (alts.isEmpty()) {
                return List.of();
            }
            clauses.add(new EventSearch.Clause(alts, EventSearch.ALL));
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (Event e : search.between(clauses, FIRST, LAST, 50)) {
            out.add(new Hit(e, 1.0, clauses.size(), clauses.size()));
        }
        return out;
    }

    /** One event found, with its score and how many of the query's words it matched. */
    public record Hit(Event event, double score, int matchedWords, int queryWords) {
    }
}
