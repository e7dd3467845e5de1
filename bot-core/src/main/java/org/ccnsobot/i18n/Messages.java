package org.ccnsobot.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every text the bot sends in a language: {@code messages_<code>.properties} beside this class (UTF-8), read once
 * when the class loads and compiled to ICU MessageFormat patterns, so plurals follow each language's own rules
 * ("in 1 minute", "dans 5 minutes"; Arabic's zero/one/two/few/many/other). A key a translation lacks falls back
 * to English; a key English lacks is a programming error and throws.
 */
public final class Messages {
    private static final Messages BUNDLES = load();

    private final Map<Language, Map<String, Entry>> entries;
    private final long loadNanos;

    private Messages(Map<Language, Map<String, Entry>> entries, long loadNanos) {
        this.entries = entries;
        this.loadNanos = loadNanos;
    }

    /** The bundles of this process, read at start. */
    public static Messages get() {
        return BUNDLES;
    }

    /** Shorthand for {@code get().text(locale, key, args)}. */
    public static String t(Locale locale, String key, Object... args) {
        return BUNDLES.text(locale, key, args);
    }

    /** How long reading and compiling the bundles took at start. */
    public long loadNanos() {
        return loadNanos;
    }

    /** Reads and compiles every bundle afresh (the bench times this; the process keeps {@link #get}). */
    public static Messages load() {
        long t0 = System.nanoTime();
        Map<Language, Map<String, Entry>> all = new EnumMap<>(Language.class);
        for (Map.Entry<Language, Map<String, String>> b : raw().entrySet()) {
            Map<String, Entry> compiled = new HashMap<>();
            for (Map.Entry<String, String> e : b.getValue().entrySet()) {
                compiled.put(e.getKey(), Entry.of(e.getValue(), b.getKey().locale()));
            }
            all.put(b.getKey(), Map.copyOf(compiled));
        }
        return new Messages(all, System.nanoTime() - t0);
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
        Entry e = entries.get(lang).get(key);
        if (e == null) {
            e = entries.get(Language.EN).get(key);
            if (e == null) {
                throw new IllegalArgumentException("no message '" + key + "' in messages_en.properties");
            }
        }
        return e.format(args);
    }

    /** Whether {@code key} exists in English (every key does in a complete build). */
    public boolean has(String key) {
        return entries.get(Language.EN).containsKey(key);
    }

    /**
     * One compiled pattern. A pattern without arguments is formatted once here (quotes resolved) and handed out as
     * is; ICU's MessageFormat is not safe for concurrent use, so the others format under their own lock, which
     * costs nothing measurable at a chat bot's rates.
     */
    private record Entry(MessageFormat format, String literal) {
        static Entry of(String pattern, Locale locale) {
            MessageFormat f = new MessageFormat(pattern, locale);
            boolean none = f.getArgumentNames().isEmpty();
            return new Entry(none ? null : f, none ? f.format(new Object[0]) : null);
        }

        String format(Object[] args) {
            if (literal != null) {
                return literal;
            }
            synchronized (format) {
                return format.format(args);
            }
        }
    }
}
