package org.ccnsobot.features.questions;

import java.util.Locale;

/**
 * The languages questions are read in. English is read as it always was; French and Spanish are first put into the
 * words the English reader knows by their {@link Lexicon}, so every class the English reader handles (committees,
 * meeting days, months and ranges, numbers, typos) works the same in them.
 */
enum Language {
    EN, FR, ES;

    /** The language of a locale's hint ("fr", "es-419", "en-GB"), or null when the reader has no such language. */
    static Language of(Locale hint) {
        if (hint == null) {
            return null;
        }
        return switch (hint.getLanguage()) {
            case "en" -> EN;
            case "fr" -> FR;
            case "es" -> ES;
            default -> null;
        };
    }

    Locale locale() {
        return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
    }
}
