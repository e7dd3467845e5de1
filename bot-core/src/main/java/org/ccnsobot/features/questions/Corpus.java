package org.ccnsobot.features.questions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question corpus (corpus.tsv next to this class): questions as members ask them over the seed calendar, each
 * with its class, pinned clock, the asker's zone and what a right answer holds. {@link #score} asks them all and
 * scores each class. An expectation is one or more checks joined by {@code " & "}: {@code first:ID} (the first
 * event the answer names), {@code ids:ID,ID} (exactly the events it names), {@code has:ID}, {@code lacks:ID},
 * {@code starts:TEXT}, {@code says:TEXT}, {@code not:TEXT} (text checks ignore case), {@code lines<=N}. A
 * {@code starts:} or {@code says:} text may give variants as {@code A|B}, any of which is right: the French and
 * Spanish corpora (corpus-fr.tsv, corpus-es.tsv) accept an answer in English or in the member's language.
 */
public final class Corpus {
    private static final Pattern IDS = Pattern.compile("\\[([a-z0-9][a-z0-9._-]*)\\]|^Id: (\\S+)$", Pattern.MULTILINE);

    private Corpus() {
    }

    /** One question of the corpus. */
    public record Case(int line, String questionClass, Instant at, ZoneId zone, String question, String expected) {
    }

    /** Asks the bot a question as a member in {@code zone} at {@code at}, returning the reply's text. */
    @FunctionalInterface
    public interface Asker {
        String ask(String question, Instant at, ZoneId zone);
    }

    /** One question asked: the answer, and why it is wrong (null when right). */
    public record Outcome(Case question, String answer, String wrong) {
        public boolean right() {
            return wrong == null;
        }
    }

    /** A class's score. */
    public record ClassScore(String name, int right, int total) {
        public double percent() {
            return total == 0 ? 100.0 : 100.0 * right / total;
        }
    }

    /** Scores per class (in the corpus's order) and every outcome. */
    public record Report(List<ClassScore> classes, List<Outcome> outcomes) {
        public int total() {
            return outcomes.size();
        }

        public int right() {
            return (int) outcomes.stream().filter(Outcome::right).count();
        }

        /** The score per class as a table, and the total. */
        public String table() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %6s %8s%n", "class", "right",
                    "asked", "score"));
            for (ClassScore c : classes) {
                sb.append(String.format(Locale.ROOT, "%-16s %6d %6d %7.1f%%%n", c.name(), c.right(), c.total(),
                        c.percent()));
            }
            sb.append(String.format(Locale.ROOT, "%-16s %6d %6d %7.1f%%%n", "all", right(), total(),
                    total() == 0 ? 100.0 : 100.0 * right() / total()));
            return sb.toString();
        }
    }

    /** The languages with a corpus: English (corpus.tsv), French and Spanish. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "es");

    /** The English corpus shipped with the bot. */
    public static List<Case> load() {
        return load("en");
    }

    /** The corpus of a language shipped with the bot ({@link #LANGUAGES}). */
    public static List<Case> load(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no question corpus for '" + language + "'; there are " + LANGUAGES);
        }
        String file = language.equals("en") ? "corpus.tsv" : "corpus-" + language + ".tsv";
        try (InputStream in = Corpus.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tab-separated lines: class, instant, zone, question, expectation; '#' starts a comment line. */
    public static List<Case> parse(InputStream in) throws IOException {
        List<Case> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("corpus line " + n + ": expected 5 tab-separated fields, got "
                        + f.length);
            }
            out.add(new Case(n, f[0].strip(), Instant.parse(f[1].strip()), ZoneId.of(f[2].strip()), f[3].strip(),
                    f[4].strip()));
        }
        return out;
    }

    public static Report score(List<Case> cases, Asker asker) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            String answer = asker.ask(c.question(), c.at(), c.zone());
            String wrong = check(c.expected(), answer);
            outcomes.add(new Outcome(c, answer, wrong));
            int[] k = counts.computeIfAbsent(c.questionClass(), x -> new int[2]);
            k[1]++;
            if (wrong == null) {
                k[0]++;
            }
        }
        List<ClassScore> classes = new ArrayList<>();
        counts.forEach((name, k) -> classes.add(new ClassScore(name, k[0], k[1])));
        return new Report(classes, outcomes);
    }

    /** The event ids an answer names, in order. */
    static List<String> ids(String answer) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDS.matcher(answer);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return new ArrayList<>(out);
    }

    private static boolean anyOf(String variants, java.util.function.Predicate<String> test) {
        for (String v : variants.split("\\|")) {
            if (!v.isEmpty() && test.test(v)) {
                return true;
            }
        }
        return false;
    }

    /** Null when the answer meets the expectation, else what is wrong. */
    static String check(String expected, String answer) {
        List<String> ids = ids(answer);
        String lower = answer.toLowerCase(Locale.ROOT);
        for (String part : expected.split(" & ")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            if (p.startsWith("lines<=")) {
                int max = Integer.parseInt(p.substring(7));
                if (answer.lines().count() > max) {
                    return "more than " + max + " lines";
                }
                continue;
            }
            if (colon < 0) {
                throw new IllegalArgumentException("unknown check '" + p + "'");
            }
            String kind = p.substring(0, colon);
            String arg = p.substring(colon + 1).strip();
            String argLower = arg.toLowerCase(Locale.ROOT);
            String wrong = switch (kind) {
                case "first" -> ids.isEmpty() || !ids.get(0).equals(arg) ? "first event is "
                        + (ids.isEmpty() ? "none" : ids.get(0)) + ", not " + arg : null;
                case "ids" -> new LinkedHashSet<>(ids).equals(new LinkedHashSet<>(List.of(arg.split(","))))
                        || arg.equals("none") && ids.isEmpty() ? null : "names " + ids + ", not " + arg;
                case "has" -> ids.contains(arg) ? null : "does not name " + arg;
                case "lacks" -> ids.contains(arg) ? "names " + arg : null;
                case "starts" -> anyOf(argLower, lower::startsWith) ? null : "does not start with '" + arg + "'";
                case "says" -> anyOf(argLower, lower::contains) ? null : "does not say '" + arg + "'";
                case "not" -> lower.contains(argLower) ? "says '" + arg + "'" : null;
                default -> throw new IllegalArgumentException("unknown check '" + p + "'");
            };
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }
}
