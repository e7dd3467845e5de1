package org.ccnsobot.kernel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text helpers shared by the search index, the question reader and command suggestions. */
public final class Text {
    private Text() {
    }

    /** Lower case, accents folded, apostrophes dropped ("what's" -> "whats"), other punctuation to spaces. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String folded = isAscii(s) ? s : fold(s);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** Where the table of {@link #FOLDED} starts and ends: Latin-1 and Latin Extended-A, the letters of fr and es. */
    private static final char FOLD_FIRST = '\u0080';
    private static final char FOLD_LAST = '\u017f';
    /**
     * Each of those characters as NFKD without its marks leaves it ("é" is "e", "ñ" is "n"), worked out once with the
     * same Normalizer as the slow path, so a French or Spanish question costs a table look-up per letter instead of a
     * normalisation and a regular expression.
     */
    private static final String[] FOLDED = new String[FOLD_LAST - FOLD_FIRST + 1];

    static {
        for (char c = FOLD_FIRST; c <= FOLD_LAST; c++) {
            FOLDED[c - FOLD_FIRST] = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD))
                    .replaceAll("");
        }
    }

    /** Accents off: by the table where every character is in it, else by the Normalizer (combining marks, other scripts). */
    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < FOLD_FIRST) {
                sb.append(c);
            } else if (c <= FOLD_LAST) {
                sb.append(FOLDED[c - FOLD_FIRST]);
            } else {
                return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The words of a text, normalised. */
    public static List<String> words(String s) {
        String n = normalize(s);
        if (n.isEmpty()) {
            return List.of();
        }
        return List.of(n.split(" "));
    }

    /** Letters and digits only, lower case: "TLD-OPS" and "tld ops" both become "tldops". */
    public static String squash(String s) {
        return normalize(s).replace(" ", "");
    }

    /**
     * Levenshtein distance with adjacent transpositions, or {@code max + 1} as soon as it must exceed {@code max}:
     * the bound keeps fuzzy lookups cheap.
     */
    public static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        if (a.equals(b)) {
            return 0;
        }
        // three rows, reused per thread: fuzzy look-ups call this thousands of times per question
        int[][] rows = ROWS.get();
        if (rows[0].length < lb + 1) {
            rows[0] = new int[lb + 1];
            rows[1] = new int[lb + 1];
            rows[2] = new int[lb + 1];
        }
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[][] {new int[32],
        new int[32], new int[32]});

    /** How many typos a word of this length may carry and still match. */
    public static int tolerance(int length) {
        if (length >= 8) {
            return 2;
        }
        if (length >= 4) {
            return 1;
        }
        return 0;
    }

    /** The candidates closest to {@code word}, best first, within the typo tolerance (at least 2 for suggestions). */
    public static List<String> closest(String word, List<String> candidates, int limit) {
        String w = normalize(word);
        int max = Math.max(2, tolerance(w.length()));
        List<String> out = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String c : candidates) {
            String n = normalize(c);
            int d = distance(w, n, max);
            if (d > max && !(w.length() >= 2 && n.startsWith(w))) {
                continue;
            }
            if (d > max) {
                d = max;
            }
            int pos = 0;
            while (pos < dist.size() && dist.get(pos) <= d) {
                pos++;
            }
            out.add(pos, c);
            dist.add(pos, d);
        }
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Shortens text for one line, at a word boundary. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    public static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A value quoted back in a one-line refusal: at most 40 characters, cut hard. */
    public static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "\u2026";
    }

    /** A command argument without the straight or curly quotes around it. */
    public static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("\u201c") && t.endsWith("\u201d"))) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
