package org.ccnsobot.port.support;

import java.util.function.IntUnaryOperator;

/**
 * Cuts text to a platform's limit and marks the cut with "…". The cut prefers the last line break in the second
 * half of the room, and never falls between the two halves of a surrogate pair (an emoji).
 */
public final class Truncation {
    public static final String MARK = "…";

    private Truncation() {
    }

    /** {@code text} if it fits in {@code max} characters, else its start and "…", {@code max} characters at most. */
    public static String cut(String text, int max) {
        return cut(text, max, IntUnaryOperator.identity());
    }

    /**
     * As {@link #cut(String, int)}; {@code backOff} may move the chosen cut point earlier, for what the platform
     * must not see split (Slack's {@code &amp;} entities). It receives and returns an index into {@code text}.
     */
    public static String cut(String text, int max, IntUnaryOperator backOff) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        if (max < 1) {
            return "";
        }
        int room = max - MARK.length();
        int nl = text.lastIndexOf('\n', room);
        int end = nl > room / 2 ? nl : room;
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        end = Math.max(0, Math.min(end, backOff.applyAsInt(end)));
        return text.substring(0, end) + MARK;
    }
}
