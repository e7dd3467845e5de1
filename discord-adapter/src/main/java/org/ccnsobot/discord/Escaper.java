package org.ccnsobot.discord;

import java.util.regex.Pattern;
import org.ccnsobot.port.support.Pings;

/**
 * Defuses pings in text the bot did not compose (event titles, staff and user text). allowed_mentions already keeps
 * Discord from pinging; the port's {@link Pings#defuse} also keeps "@everyone" from rendering as a mention, and
 * here the same zero-width space goes into Discord's own mention tokens ({@code <@123>}, {@code <@&456>}).
 */
final class Escaper {
    private static final Pattern TOKEN = Pattern.compile("<@([!&]?\\d)");

    private Escaper() {
    }

    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return TOKEN.matcher(Pings.defuse(org.ccnsobot.port.support.Controls.neutralise(s))).replaceAll("<@" + Pings.DEFUSER + "$1");
    }
}
