package org.ccnsobot.port.support;

/**
 * Neutralises, on the way out, control characters and bidi controls that may already be stored (imports clean
 * what they store; older rows and other writers may not have): each becomes U+FFFD, so a reader's terminal or
 * client never acts on one and what was there stays visible. Line feeds and tabs are kept.
 */
public final class Controls {
    public static final char REPLACEMENT = '\uFFFD';

    private Controls() {
    }

    public static String neutralise(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !hostile(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(hostile(c) ? REPLACEMENT : c);
        }
        return sb.toString();
    }

    static boolean hostile(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\t' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }
}
