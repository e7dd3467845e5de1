package org.ccnsobot.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the bot has bundles for. {@code offered} ones may be chosen with {@code language}; Arabic is
 * prepared (its bundle and plural rules exist) but its strings fall back to English until translators fill it,
 * so it is not offered yet.
 */
public enum Language {
    EN("en", "English", false, true),
    FR("fr", "français", false, true),
    ES("es", "español", false, true),
    AR("ar", "العربية", true, false);

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;
    private final boolean offered;
    private final Locale locale;

    Language(String code, String nativeName, boolean rightToLeft, boolean offered) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
        this.offered = offered;
        this.locale = Locale.forLanguageTag(code);
    }

    public String code() {
        return code;
    }

    /** The language's name in itself: "français", as a member looks for it in a list. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public boolean offered() {
        return offered;
    }

    public Locale locale() {
        return locale;
    }

    /** The languages a member may choose, in the order they are listed. */
    public static List<Language> choices() {
        return Arrays.stream(values()).filter(Language::offered).toList();
    }

    /**
     * The bundle language of a platform's or a member's tag: "fr", "fr-CA", "es-419", "es_ES", "en-US" (its
     * language part decides); empty for a language the bot has no bundle for.
     */
    public static Optional<Language> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String lang = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        for (Language l : values()) {
            if (l.code.equals(lang)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The bundle language of a locale, English for one the bot has no bundle for. */
    public static Language of(Locale locale) {
        if (locale == null) {
            return EN;
        }
        for (Language l : values()) {
            if (l.code.equals(locale.getLanguage())) {
                return l;
            }
        }
        return EN;
    }

    /** Only the offered ones: a member's choice, read strictly. */
    public static Optional<Language> choice(String tag) {
        return of(tag).filter(Language::offered);
    }
}
