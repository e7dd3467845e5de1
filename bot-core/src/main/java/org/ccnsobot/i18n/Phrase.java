package org.ccnsobot.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Something the bot will say, kept as data until a reader is known: a bundle key and its arguments (text, numbers,
 * or other phrases, worded in the same language). Reasons are built where they happen (the iCalendar reader, a
 * fetch) and worded at the edge: in the staff member's language for a reply, the channel's for a post, English for
 * the log. A phrase with no key is text that has no translation (a library's own message, a path), shown as it is.
 * <p>
 * It is a plain record so an outbox payload can hold it as JSON: Jackson reads a nested phrase back as a map,
 * which the constructor turns into a phrase again.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        for (int i = 0; i < copy.size(); i++) {
            Object a = copy.get(i);
            if (a == null) {
                copy.set(i, "");
            } else if (a instanceof Map<?, ?> m && m.containsKey("args")) {
                Object k = m.get("key");
                Object inner = m.get("args");
                copy.set(i, new Phrase(k == null ? null : String.valueOf(k),
                        inner instanceof List<?> l ? new ArrayList<Object>(l) : List.of()));
            }
        }
        args = List.copyOf(copy);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, java.util.Arrays.asList(args));
    }

    /** Text shown as it is in every language. */
    public static Phrase literal(String text) {
        return new Phrase(null, List.of(text == null ? "" : text));
    }

    /** The words in {@code locale}'s language (English where a bundle lacks the key). */
    public String in(Locale locale) {
        if (key == null || key.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            args.forEach(a -> sb.append(a instanceof Phrase p ? p.in(locale) : String.valueOf(a)));
            return sb.toString();
        }
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = args.get(i) instanceof Phrase p ? p.in(locale) : args.get(i);
        }
        return Messages.t(locale, key, shown);
    }

    /** The words in English: for the log, and for callers that have no reader. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
