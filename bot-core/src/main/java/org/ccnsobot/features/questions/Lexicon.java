package org.ccnsobot.features.questions;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.ccnsobot.kernel.Stopwords;
import org.ccnsobot.kernel.Text;

/**
 * A language's words for the question reader (words-fr.txt, words-es.txt beside this class, with weekday and month
 * names from ICU's locale data): it puts a French or Spanish question into the English words the {@link Reader}
 * knows ("qu'y a-t-il samedi à l'ICANN79" becomes "what's on saturday at icann79"), so every English rule, the
 * committee and meeting matching and the typo tolerance apply unchanged. Words it does not know are kept as they
 * are: committee acronyms and event titles are mostly English in every language. Typos of its own words are read
 * within the English reader's tolerance ({@link Text#tolerance}).
 */
final class Lexicon {
    /** "l'IGLC", "qu'y": French elision, a sign of French in a question of few words. */
    private static final Pattern ELISION = Pattern.compile("(?i)\\b(l|d|qu|j|c|s|n|m)['\u2019]\\p{L}");
    /** "14/02", "14.02.2024": day first, as French and Spanish write dates. */
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})(?:[/.](\\d{4}))?\\b");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,6})(er|re|e|eme|ieme|o|a|ro|ra|do|da|to|ta|vo|va)");
    /** Words of English questions: how much of a question is English, when deciding its language. */
    private static final Set<String> ENGLISH = Set.of("when", "whens", "what", "whats", "where", "wheres", "is", "are",
            "the", "on", "at", "in", "of", "next", "meeting", "meet", "does", "do", "will", "there", "any", "anything",
            "this", "week", "month", "today", "tomorrow", "day", "how", "which", "tell", "me", "about", "show",
            "happening", "sessions", "upcoming", "schedule", "between", "and", "to", "from", "for", "with", "held",
            "meetings", "events", "was", "be", "has", "have", "can", "again", "coming", "first", "last");
    /** Source words that are English words too: they say nothing about a question's language. */
    private static final Set<String> NOT_MARKERS = Set.of("a", "on", "me", "no", "date", "final", "session", "sessions",
            "programme", "agenda", "roles", "second", "e", "t", "y", "n", "o", "en", "mes", "son", "fin", "info",
            "lieu", "ce", "es", "pass", "event", "events", "bien",
            // English words, or English typos ("internet fragmentation sesion"), as much as French or Spanish ones
            "reunion", "reunions", "sesion", "sesiones", "programa", "evento", "eventos");
    private static final Transliterator FOLD = Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC");

    private record Phrase(List<String> from, List<String> to) {
    }

    private final Language language;
    /** Phrases by their first word ("#" for a number), longest first. */
    private final Map<String, List<Phrase>> phrases = new HashMap<>();
    /** Every word of the phrases and names: what a typo is read against. */
    private final Set<String> vocabulary = new HashSet<>();
    /** The vocabulary's words of four letters or more by their first letter: a typo keeps its first or second. */
    private final Map<Character, List<String>> typoTargets = new HashMap<>();
    private final Set<String> markers = new HashSet<>();
    /** Month names, full and abbreviated ("fevr", "ene"): abbreviations only right after a day's number. */
    private final Map<String, String> monthNames = new HashMap<>();

    private static final class Holder {
        static final Lexicon FR = new Lexicon(Language.FR);
        static final Lexicon ES = new Lexicon(Language.ES);
    }

    static Lexicon of(Language language) {
        return switch (language) {
            case FR -> Holder.FR;
            case ES -> Holder.ES;
            case EN -> throw new IllegalArgumentException("English needs no lexicon");
        };
    }

    private Lexicon(Language language) {
        this.language = language;
        String file = "words-" + language.name().toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = Lexicon.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf(" =");
                if (eq < 0) {
                    throw new IllegalStateException(file + " line " + n + ": expected 'words = english words'");
                }
                add(numbers(fold(line.substring(0, eq).replace("#", NUMBER))),
                        numbers(Text.words(line.substring(eq + 2).replace("#", NUMBER))), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names();
        for (String v : vocabulary) {
            if (v.length() >= 4 && !v.equals("#") && !TimeWords.digits(v.substring(0, 1))) {
                typoTargets.computeIfAbsent(v.charAt(0), k -> new ArrayList<>()).add(v);
            }
        }
        typoTargets.values().forEach(list -> list.sort(null)); // the same typo reads the same way on every run
        for (List<Phrase> list : phrases.values()) {
            list.sort((a, b) -> b.from().size() - a.from().size());
        }
    }

    /** '#' does not survive folding (it is punctuation): it is carried through as a word and put back after. */
    private static final String NUMBER = " qqnumberqq ";

    private static List<String> numbers(List<String> words) {
        return words.stream().map(w -> w.equals(NUMBER.strip()) ? "#" : w).toList();
    }

    private void add(List<String> from, List<String> to, boolean mark) {
        if (from.isEmpty()) {
            return;
        }
        phrases.computeIfAbsent(from.get(0), k -> new ArrayList<>()).add(new Phrase(from, to));
        vocabulary.addAll(from);
        if (mark) {
            for (String w : from) {
                if (w.length() >= 2 && !NOT_MARKERS.contains(w) && !Stopwords.isStopword(w) && !to.contains(w)
                        && !w.equals("#")) {
                    markers.add(w);
                }
            }
        }
    }

    /** Weekdays and months from ICU's data for the language, folded; "jeudi prochain" is "next thursday". */
    private void names() {
        DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(language.locale().getLanguage()));
        String[] weekdays = symbols.getWeekdays(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
        for (DayOfWeek d : DayOfWeek.values()) {
            // ICU counts from Sunday = 1
            String name = foldName(weekdays[d.getValue() % 7 + 1]);
            String en = d.name().toLowerCase(Locale.ROOT);
            add(List.of(name), List.of(en), true);
            for (String after : language == Language.FR ? List.of("prochain", "prochaine")
                    : List.of("proximo", "proxima", "que viene")) {
                List<String> from = new ArrayList<>(List.of(name));
                from.addAll(Text.words(after));
                add(from, List.of("next", en), false);
            }
            List<String> last = language == Language.FR ? List.of(name, "dernier") : List.of(name, "pasado");
            add(last, List.of("last", en), false);
        }
        String[] wide = symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
        String[] abbreviated = symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.ABBREVIATED);
        for (Month m : Month.values()) {
            String en = m.name().toLowerCase(Locale.ROOT);
            String full = foldName(wide[m.ordinal()]);
            add(List.of(full), List.of(en), true);
            monthNames.put(full, en);
            monthNames.put(foldName(abbreviated[m.ordinal()]), en);
        }
        if (language == Language.ES) {
            monthNames.put("setiembre", "september"); // as Peru and Uruguay write it
        }
    }

    /** A name from ICU's data as questions are read: "févr." is "fevr". */
    private static String foldName(String s) {
        synchronized (FOLD) {
            return String.join(" ", Text.words(FOLD.transliterate(s)));
        }
    }

    /** A question's words as the lexicon reads them: accents off, apostrophes and hyphens split words. */
    static List<String> fold(String text) {
        if (text.indexOf('\'') < 0 && text.indexOf('\u2019') < 0) {
            return Text.words(text); // most questions: no elision to undo
        }
        return Text.words(unElided(text));
    }

    /**
     * "l'appel du GRC" as "  appel du GRC": an elided article (l', d' at the start of a word) dropped, every other
     * apostrophe a space. By hand: the regular expression it replaces stood out in profiles of French questions.
     */
    static String unElided(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\'' || out[i] == '\u2019') {
                out[i] = ' ';
                char a = i > 0 ? text.charAt(i - 1) : ' ';
                // an article starts a word as the regular expression's \b read it: no letter, digit or _ before it
                char b = i > 1 ? text.charAt(i - 2) : ' ';
                if ((a == 'l' || a == 'L' || a == 'd' || a == 'D') && b != '_' && !Character.isLetterOrDigit(b)) {
                    out[i - 1] = ' ';
                }
            }
        }
        return new String(out);
    }

    /**
     * The language a question is in: French or Spanish when it holds more of their words than English ones,
     * English otherwise (so an English question is read exactly as before).
     */
    static Language detect(String text) {
        return detect(text, fold(text));
    }

    /** As {@link #detect(String)}, on the words {@link #fold} gave. */
    static Language detect(String text, List<String> words) {
        return detect(text, words, null);
    }

    /**
     * As {@link #detect(String, List)}; a French or Spanish {@code preferred} (the member's language) wins where the
     * words leave it open: no marker of any language ("grc samedi" has one, "grc" none), or as many French as
     * Spanish ones. English markers still make a question English.
     */
    static Language detect(String text, List<String> words, Language preferred) {
        int fr = text.indexOf('\'') >= 0 || text.indexOf('\u2019') >= 0 ? (ELISION.matcher(text).find() ? 1 : 0) : 0;
        int es = 0;
        int en = 0;
        Set<String> frMarkers = Holder.FR.markers;
        Set<String> esMarkers = Holder.ES.markers;
        for (String w : words) {
            if (frMarkers.contains(w)) {
                fr++;
            }
            if (esMarkers.contains(w)) {
                es++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        boolean other = preferred == Language.FR || preferred == Language.ES;
        if (other && en == 0 && fr == es) {
            return preferred;
        }
        if (fr == 0 && es == 0 || en > Math.max(fr, es)) {
            return Language.EN;
        }
        if (fr != es) {
            return fr > es ? Language.FR : Language.ES;
        }
        if (other) {
            return preferred;
        }
        if (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0 || text.indexOf('ñ') >= 0 || text.indexOf('Ñ') >= 0) {
            return Language.ES;
        }
        return Language.FR;
    }

    /**
     * The question in the reader's English words. {@code known} says whether the calendar holds a word: such a word
     * is never read as a typo of one of the lexicon's.
     */
    List<String> english(String text, Predicate<String> known) {
        String dated = dayFirst(text);
        return english(text, dated == text ? fold(text) : fold(dated), known);
    }

    /** As {@link #english(String, Predicate)}, on the words {@link #fold} gave. */
    List<String> english(String text, List<String> folded, Predicate<String> known) {
        List<String> w = new ArrayList<>(folded);
        for (int i = 0; i < w.size(); i++) {
            w.set(i, canonical(w, i, known));
        }
        List<String> out = new ArrayList<>(w.size() + 2);
        List<Boolean> kept = new ArrayList<>(w.size() + 2);
        int i = 0;
        while (i < w.size()) {
            String t = w.get(i);
            Phrase p = longest(w, i);
            if (p != null && p.from().size() > 1) {
                emit(p, w, i, out, kept);
                i += p.from().size();
                continue;
            }
            // spelled-out letters ("D A S C", "I G L C") are an acronym, not words
            if (t.length() == 1 && Character.isLetter(t.charAt(0)) && (i > 0 && w.get(i - 1).length() == 1
                    || i + 1 < w.size() && w.get(i + 1).length() == 1)) {
                out.add(t);
                kept.add(true);
                i++;
                continue;
            }
            if (p != null) {
                emit(p, w, i, out, kept);
            } else {
                java.util.regex.Matcher m = ORDINAL.matcher(t);
                out.add(m.matches() ? m.group(1) + "th" : t);
                kept.add(!m.matches());
            }
            i++;
        }
        kindAfterName(out, kept);
        if (text.indexOf('?') >= 0 && yesNoByTone(out)) {
            out.add(0, "any"); // "une réunion du Conseil en février ?": asked as a yes or no
        }
        return out;
    }

    /** "14/02/2024" as "14 february 2024"; a month past 12 leaves the numbers as they are. */
    static String dayFirst(String text) {
        if (text.indexOf('/') < 0 && text.indexOf('.') < 0) {
            return text;
        }
        java.util.regex.Matcher m = DAY_MONTH.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            String replacement = month < 1 || month > 12 ? m.group()
                    : m.group(1) + " " + Month.of(month).name().toLowerCase(Locale.ROOT)
                    + (m.group(3) == null ? "" : " " + m.group(3));
            m.appendReplacement(sb, replacement);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A question with no question word, asked about a time with a question mark: "des ateliers en mars ?". */
    private static boolean yesNoByTone(List<String> out) {
        boolean time = false;
        for (String t : out) {
            switch (t) {
                case "when", "where", "what", "whats", "which", "is", "are", "will", "any", "anything", "next", "tell",
                        "schedule", "programme", "agenda", "about", "do" -> {
                    return false;
                }
                case "today", "tomorrow", "tonight", "week", "month", "weekend", "year" -> time = true;
                default -> time |= TimeWords.month(t) != null || TimeWords.weekday(t) != null;
            }
        }
        return time;
    }

    private static final List<List<String>> KINDS = List.of(List.of("standing", "committee"),
            List.of("working", "group"), List.of("working", "groups"), List.of("committee"), List.of("committees"),
            List.of("group"));

    /**
     * "le comité TLD OPS", "el grupo de trabajo ccPDP4": French and Spanish name the kind first; the English reader
     * takes it after the name ("TLD OPS committee"), so the kind moves behind the words kept as written.
     */
    private static void kindAfterName(List<String> out, List<Boolean> kept) {
        for (int i = 0; i < out.size(); i++) {
            for (List<String> kind : KINDS) {
                int end = i + kind.size();
                if (end < out.size() && out.subList(i, end).equals(kind) && !kept.get(i) && kept.get(end)) {
                    int j = end;
                    while (j < out.size() && kept.get(j)) {
                        j++;
                    }
                    List<String> name = new ArrayList<>(out.subList(end, j));
                    for (int k = 0; k < name.size(); k++) {
                        out.set(i + k, name.get(k));
                        kept.set(i + k, true);
                    }
                    for (int k = 0; k < kind.size(); k++) {
                        out.set(i + name.size() + k, kind.get(k));
                        kept.set(i + name.size() + k, false);
                    }
                    i = j - 1;
                    break;
                }
            }
        }
    }

    private void emit(Phrase p, List<String> w, int at, List<String> out, List<Boolean> kept) {
        int number = at;
        for (int k = 0; k < p.from().size(); k++) {
            if (p.from().get(k).equals("#")) {
                number = at + k;
            }
        }
        for (String t : p.to()) {
            if (t.equals("#")) {
                java.util.regex.Matcher m = ORDINAL.matcher(w.get(number));
                out.add(m.matches() ? m.group(1) : w.get(number));
            } else {
                out.add(t);
            }
            kept.add(false);
        }
    }

    private Phrase longest(List<String> w, int i) {
        String t = w.get(i);
        Phrase best = first(phrases.get(t), w, i);
        if (Character.isDigit(t.charAt(0))) {
            Phrase n = first(phrases.get("#"), w, i);
            if (n != null && (best == null || n.from().size() > best.from().size())) {
                best = n;
            }
        }
        return best;
    }

    private static Phrase first(List<Phrase> candidates, List<String> w, int i) {
        if (candidates != null) {
            for (Phrase p : candidates) {
                if (matches(p.from(), w, i)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean matches(List<String> from, List<String> w, int i) {
        if (i + from.size() > w.size()) {
            return false;
        }
        for (int k = 0; k < from.size(); k++) {
            String f = from.get(k);
            String t = w.get(i + k);
            if (f.equals("#") ? !Character.isDigit(t.charAt(0)) : !f.equals(t)) {
                return false;
            }
        }
        return true;
    }

    /** A word as the lexicon knows it: itself, a month after a day's number ("5 mrs", "20 févr."), or a typo's word. */
    private String canonical(List<String> w, int i, Predicate<String> known) {
        String t = w.get(i);
        if (Character.isDigit(t.charAt(0))) {
            return t;
        }
        if (afterDayNumber(w, i)) {
            String month = monthNames.get(t);
            if (month != null) {
                return month;
            }
            if (t.length() >= 3) {
                for (Map.Entry<String, String> e : monthNames.entrySet()) {
                    if (Math.abs(e.getKey().length() - t.length()) <= 1 && Text.distance(t, e.getKey(), 1) <= 1) {
                        return e.getValue();
                    }
                }
            }
        }
        if (vocabulary.contains(t) || t.length() < 4 || TimeWords.month(t) != null || TimeWords.weekday(t) != null) {
            return t;
        }
        String best = closest(t, typoTargets.get(t.charAt(0)), null);
        if (t.charAt(1) != t.charAt(0)) {
            best = closest(t, typoTargets.get(t.charAt(1)), best); // "cnoseil": the first two letters swapped
        }
        // the calendar's own words are never typos (asked only when there is a typo to read: it costs more)
        return best == null || known.test(t) ? t : best;
    }

    private static String closest(String t, List<String> candidates, String found) {
        if (candidates == null) {
            return found;
        }
        int tol = Text.tolerance(t.length());
        String best = found;
        int bestDistance = found == null ? tol + 1 : Text.distance(t, found, tol);
        for (String v : candidates) {
            int max = Math.min(tol, Text.tolerance(v.length()));
            if (Math.abs(v.length() - t.length()) > max) {
                continue;
            }
            int d = Text.distance(t, v, max);
            if (d <= max && d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best;
    }

    /** "5 mars", "20 de feb": the word follows a day's number (Spanish puts "de" between). */
    private static boolean afterDayNumber(List<String> w, int i) {
        int j = i - 1;
        if (j >= 0 && w.get(j).equals("de")) {
            j--;
        }
        return j >= 0 && TimeWords.dayNumber(w.get(j)) != null || j >= 0 && w.get(j).equals("1er");
    }
}
