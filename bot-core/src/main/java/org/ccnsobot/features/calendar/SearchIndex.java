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

    private static final int MAX_PREFIX_WORDS = 6;

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
     * The index's words {@code word} may stand for: the word itself with its plural or singular when the index holds
     * it; otherwise the words within the typo tolerance and (from three letters) the commonest words it begins.
     * Empty when the calendar holds nothing like it. Words of one or two letters match only exactly.
     */
    public List<String> expand(String word) {
        List<String> out = new ArrayList<>();
        if (terms.containsKey(word)) {
            out.add(word);
            // an exact word stands for itself and its plural or singular only: "meeting" is not "meetings'" typo
            for (String form : List.of(word + "s", word + "es", word.endsWith("s") ? word.substring(0, word.length() - 1) : "")) {
                if (!form.isEmpty() && !form.equals(word) && terms.containsKey(form)) {
                    out.add(form);
                }
            }
            return out;
        }
        int tol = Text.tolerance(word.length());
        if (tol > 0 && word.chars().noneMatch(Character::isDigit)) {
            for (int len = word.length() - tol; len <= word.length() + tol; len++) {
                for (String w : byLength.getOrDefault(len, List.of())) {
                    if (Text.distance(word, w, tol) <= tol) {
                        out.add(w);
                    }
                }
            }
        }
        if (tol == 0 && word.length() == 3) {
            // three letters allow no typo, but a swap of two neighbours is still the same word ("dya", "tehc")
            for (String w : byLength.getOrDefault(3, List.of())) {
                if (Text.distance(word, w, 1) <= 1 && sameLetters(word, w)) {
                    out.add(w);
                }
            }
        }
        if (word.length() >= 3) {
            // a word begun ("frag"): the index's words it begins, the commonest first
            out.addAll(startingWith(word, MAX_PREFIX_WORDS));
        }
        return out.size() > 16 ? List.copyOf(out.subList(0, 16)) : out;
    }

    private List<String> startingWith(String word, int limit) {
        int i = Arrays.binarySearch(sorted, word);
        i = i < 0 ? -i - 1 : i + 1;
        List<String> found = new ArrayList<>();
        for (; i < sorted.length && sorted[i].startsWith(word) && found.size() < 64; i++) {
            found.add(sorted[i]);
        }
        found.sort(java.util.Comparator.comparingInt((String w) -> -terms.get(w)));
        return found.size() > limit ? found.subList(0, limit) : found;
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
