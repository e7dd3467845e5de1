package org.ccnsobot.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every text the bot sends in a language: {@code messages_<code>.properties} beside this class (UTF-8), English read
 * when the class loads and every other language on its first use (a start needs only the fallback; a French
 * member's first answer reads French once), as ICU MessageFormat patterns, so plurals follow each language's own rules
 * ("in 1 minute", "dans 5 minutes"; Arabic's zero/one/two/few/many/other). A key a translation lacks falls back
 * to English; a key English lacks is a programming error and throws. Only the patterns with plurals need ICU at
 * run time, and they compile on first use (see {@link Entry}).
 */
public final class Messages {
    private static final Messages BUNDLES = load();

    private final Map<Language, Map<String, Entry>> entries;
    private final long loadNanos;

    private Messages(Map<Language, Map<String, Entry>> entries, long loadNanos) {
        this.entries = entries;
        this.loadNanos = loadNanos;
    }

    /** {@code language}'s entries, read and split on first use. */
    private Map<String, Entry> of(Language language) {
        return entries.computeIfAbsent(language, Messages::compile);
    }

    private static Map<String, Entry> compile(Language language) {
        Map<String, Entry> compiled = new HashMap<>();
        for (Map.Entry<String, String> e : read("messages_" + language.code() + ".properties").entrySet()) {
            compiled.put(e.getKey(), Entry.of(e.getValue(), language.locale()));
        }
        return Map.copyOf(compiled);
    }

    /** The bundles of this process, read at start. */
    public static Messages get() {
        return BUNDLES;
    }

    /** Shorthand for {@code get().text(locale, key, args)}. */
    public static String t(Locale locale, String key, Object... args) {
        return BUNDLES.text(locale, key, args);
    }

    /** How long reading and compiling the bundles a start reads (English) took. */
    public long loadNanos() {
        return loadNanos;
    }

    /**
     * Reads and compiles English afresh, the other languages on their first use (the bench times this; the process
     * keeps {@link #get}).
     */
    public static Messages load() {
        long t0 = System.nanoTime();
        Map<Language, Map<String, Entry>> all = new java.util.concurrent.ConcurrentHashMap<>();
        all.put(Language.EN, compile(Language.EN));
        return new Messages(all, System.nanoTime() - t0);
    }

    /** How long reading and compiling {@code language} takes in this process now (for the bench). */
    public static long timeToRead(Language language) {
        long t0 = System.nanoTime();
        compile(language);
        return System.nanoTime() - t0;
    }

    /** The bundles as written, by language (keys sorted), for the completeness check. */
    public static Map<Language, Map<String, String>> raw() {
        Map<Language, Map<String, String>> out = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            out.put(l, read("messages_" + l.code() + ".properties"));
        }
        return out;
    }

    private static Map<String, String> read(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + name);
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The text of {@code key} in {@code locale}'s language, English when that language lacks it. */
    public String text(Locale locale, String key, Object... args) {
        Language lang = Language.of(locale);
        Entry e = of(lang).get(key);
        if (e == null) {
            e = of(Language.EN).get(key);
            if (e == null) {
                throw new IllegalArgumentException("no message '" + key + "' in messages_en.properties");
            }
        }
        return e.format(args);
    }

    /** The pattern of {@code key} as written in English, empty when English has no such key. */
    public java.util.Optional<String> englishPattern(String key) {
        Entry e = entries.get(Language.EN).get(key);
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(e.pattern);
    }

    /** Whether {@code key} exists in English (every key does in a complete build). */
    public boolean has(String key) {
        return of(Language.EN).containsKey(key);
    }

    /**
     * One pattern. Most are plain text with {@code {0}}-style arguments: those are split once at start and filled in
     * by hand, without ICU (so start-up and every answer skip ICU's formatter). Patterns with plurals, selects,
     * number formats or quoted braces, and any call that passes a number to a plain argument (ICU would format it
     * with the language's digit grouping), go through ICU's MessageFormat, compiled on first use. It is not safe
     * for concurrent use, so it formats under its own lock, which costs nothing measurable at a chat bot's rates.
     * BundleCompletenessTest checks that both ways give the same text for every entry.
     */
    static final class Entry {
        private final String pattern;
        private final Locale locale;
        private final String[] parts;   // literal text around the arguments; null for an ICU-only pattern
        private final int[] args;       // the argument index between parts[i] and parts[i + 1]
        private volatile MessageFormat icu;

        private Entry(String pattern, Locale locale, String[] parts, int[] args) {
            this.pattern = pattern;
            this.locale = locale;
            this.parts = parts;
            this.args = args;
        }

        static Entry of(String pattern, Locale locale) {
            List<String> parts = new ArrayList<>();
            List<Integer> args = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            int i = 0;
            int n = pattern.length();
            while (i < n) {
                char c = pattern.charAt(i);
                if (c == '\'') {
                    char next = i + 1 < n ? pattern.charAt(i + 1) : 0;
                    if (next == '\'') {
                        lit.append('\'');
                        i += 2;
                        continue;
                    }
                    if (next == '{' || next == '}' || next == '#' || next == '|') {
                        return new Entry(pattern, locale, null, null);   // ICU's quoting: leave it to ICU
                    }
                    lit.append(c);
                    i++;
                } else if (c == '{') {
                    int close = pattern.indexOf('}', i);
                    String body = close < 0 ? "" : pattern.substring(i + 1, close);
                    if (body.isEmpty() || body.length() > 2 || !body.chars().allMatch(Character::isDigit)) {
                        return new Entry(pattern, locale, null, null);   // plural, select, a format type
                    }
                    parts.add(lit.toString());
                    lit.setLength(0);
                    args.add(Integer.parseInt(body));
                    i = close + 1;
                } else if (c == '}') {
                    return new Entry(pattern, locale, null, null);       // unbalanced: ICU says what is wrong
                } else {
                    lit.append(c);
                    i++;
                }
            }
            parts.add(lit.toString());
            return new Entry(pattern, locale, parts.toArray(new String[0]),
                    args.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Whether this entry is filled in by hand (no ICU). */
        boolean plain() {
            return parts != null;
        }

        String format(Object[] values) {
            if (parts != null) {
                if (args.length == 0) {
                    return parts[0];
                }
                boolean numbers = false;
                for (int a : args) {
                    numbers |= a < values.length && values[a] instanceof Number;
                }
                if (!numbers) {
                    StringBuilder sb = new StringBuilder(pattern.length() + 32).append(parts[0]);
                    for (int k = 0; k < args.length; k++) {
                        int a = args[k];
                        sb.append(a < values.length ? String.valueOf(values[a]) : "{" + a + "}").append(parts[k + 1]);
                    }
                    return sb.toString();
                }
            }
            return icu(values);
        }

        /** The same text through ICU, whatever the pattern (the bundle test compares the two). */
        String icu(Object[] values) {
            MessageFormat f = icu;
            if (f == null) {
                f = new MessageFormat(pattern, locale);
                icu = f;
            }
            synchronized (f) {
                return f.format(values);
            }
        }
    }

    /** The languages read so far. */
    java.util.Set<Language> read() {
        return java.util.Set.copyOf(entries.keySet());
    }

    /** The entry of {@code key} in {@code language} itself (no fallback), for the bundle test. */
    Entry entry(Language language, String key) {
        return of(language).get(key);
    }
}
