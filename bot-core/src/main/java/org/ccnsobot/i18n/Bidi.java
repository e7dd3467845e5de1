package org.ccnsobot.i18n;

import java.util.Locale;

/**
 * Bidi isolation for right-to-left answers: a time ("18:00 UTC"), an acronym ("GRC") or an id ("council-202")
 * inside Arabic text is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so the reader's bidi algorithm
 * lays it out on its own and neither reorders its digits and punctuation nor lets it pull the sentence around.
 * Left-to-right languages get the text unchanged (no invisible characters where they are not needed).
 */
public final class Bidi {
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';

    private Bidi() {
    }

    public static boolean rightToLeft(Locale locale) {
        return Language.of(locale).rightToLeft();
    }

    /** {@code text} isolated when {@code locale} is right-to-left, else as is. */
    public static String isolate(String text, Locale locale) {
        if (text == null || text.isEmpty() || !rightToLeft(locale)) {
            return text;
        }
        return FSI + text + PDI;
    }
}
