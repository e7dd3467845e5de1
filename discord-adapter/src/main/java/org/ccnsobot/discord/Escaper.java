package org.ccnsobot.discord;

import java.util.regex.Pattern;

/**
 * Defuses pings in text the bot did not compose (event titles, staff and user text). allowed_mentions already keeps
 * Discord from pinging, but a zero-width space after the @ also keeps the text from rendering as a mention, so a
 * title like "@everyone" cannot look like an official ping either.
 */
final class Escaper {
    private static final char ZWSP = '\u200B';
    private static final Pattern MASS = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("<@([!&]?\\d)");

    private Escaper() {
    }

    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String out = MASS.matcher(s).replaceAll("@" + ZWSP + "$1");
        return TOKEN.matcher(out).replaceAll("<@" + ZWSP + "$1");
    }

    /** Cuts to {@code max} characters, preferring the last line break, and marks the cut. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int room = max - 1;
        int nl = s.lastIndexOf('\n', room);
        int end = nl > room / 2 ? nl : room;
        return s.substring(0, end) + "…";
    }
}
