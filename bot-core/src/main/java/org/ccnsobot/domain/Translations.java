package org.ccnsobot.domain;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calendar text's translations: the text in other languages than English, by language code ("fr", "es"). The
 * English text stays in its own field (a committee's {@code name}, an event's {@code title}), so everything that
 * does not ask for a language (exports, feeds, imports, staff forms) keeps reading English, and a reader whose
 * language has no translation falls back to it.
 */
public record Translations(Map<String, String> byLanguage) {
    public static final Translations NONE = new Translations(Map.of());

    public Translations {
        // sorted, so the stored JSON is the same for the same translations and an unchanged re-seed writes nothing
        byLanguage = byLanguage == null || byLanguage.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
        for (Map.Entry<String, String> e : byLanguage.entrySet()) {
            if (e.getKey().equals("en") || e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("a translation needs a language other than en and a text: " + e);
            }
        }
    }

    public static Translations of(Map<String, String> byLanguage) {
        return byLanguage == null || byLanguage.isEmpty() ? NONE : new Translations(byLanguage);
    }

    /** Whether there are none (not named isEmpty: a JSON snapshot of an event would carry it as a property). */
    public boolean hasNone() {
        return byLanguage.isEmpty();
    }

    /** The text for a reader of {@code locale}: its translation when there is one, else {@code english}. */
    public String in(Locale locale, String english) {
        if (locale == null || byLanguage.isEmpty()) {
            return english;
        }
        String t = byLanguage.get(locale.getLanguage());
        return t != null ? t : english;
    }
}
