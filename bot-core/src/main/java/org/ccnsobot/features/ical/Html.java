package org.ccnsobot.features.ical;

import java.util.Map;

/**
 * HTML entities that schedule exports leave in plain text ("Q&amp;A"). Only entities are decoded; tags are left
 * as they are, since a title with "<" in it is rare and stripping could eat real text.
 */
final class Html {
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0", "ndash", "\u2013", "mdash", "\u2014", "rsquo", "\u2019", "lsquo", "\u2018");

    private Html() {
    }

    static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                String rep = decode(name);
                if (rep != null) {
                    out.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String decode(String name) {
        String named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        try {
            int cp;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                cp = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                cp = Integer.parseInt(name.substring(1));
            } else {
                return null;
            }
            if (!Character.isValidCodePoint(cp) || Character.isISOControl(cp) && cp != '\n' && cp != '\t'
                    || cp >= 0xd800 && cp <= 0xdfff) {
                return null;
            }
            return new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
