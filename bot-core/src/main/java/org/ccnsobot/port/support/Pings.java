package org.ccnsobot.port.support;

import java.util.regex.Pattern;

/**
 * Defuses broadcast words in text the bot did not compose (event titles, staff and member text). Each platform
 * also stops pings with its own mechanism (Discord's allowed_mentions, Slack's escaping); a zero-width space
 * after the {@code @} also keeps "@everyone", "@here" or "@channel" from even looking like an official ping.
 */
public final class Pings {
    /** U+200B ZERO WIDTH SPACE, the one character every adapter puts after a defused {@code @}. */
    public static final char DEFUSER = '\u200B';
    private static final Pattern BROADCAST = Pattern.compile("@(everyone|here|channel)", Pattern.CASE_INSENSITIVE);

    private Pings() {
    }

    /** {@code text} with {@link #DEFUSER} after the {@code @} of every broadcast word; null reads as "". */
    public static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return BROADCAST.matcher(text).replaceAll("@" + DEFUSER + "$1");
    }
}
