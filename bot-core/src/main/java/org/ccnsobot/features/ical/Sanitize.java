package org.ccnsobot.features.ical;

import java.util.regex.Pattern;

/**
 * Removes from imported text what would act on a reader's terminal or reorder what they read: terminal escape
 * sequences whole (ESC[31m, ESC]0;title BEL), every other control character but line feed and tab, and the bidi
 * embeddings, overrides and isolates. Applied to every text an import stores, before it is stored.
 */
final class Sanitize {
    /** CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), and any other two-character ESC sequence. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B\r\n]*(?:\u0007|\u001B\\\\)?|\u001B[@-_]?|\u009B[0-?]*[ -/]*[@-~]");

    private Sanitize() {
    }

    static String text(String s) {
        if (s == null) {
            return null;
        }
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            clean = !removed(s.charAt(i));
        }
        if (clean) {
            return s;
        }
        String t = ESCAPES.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!removed(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean removed(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\t' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }

    /** A whole file before parsing: escape sequences and control characters out, line breaks and tabs kept. */
    static String file(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t';
        }
        if (clean) {
            return s;
        }
        String t = ESCAPES.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
