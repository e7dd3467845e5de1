package org.ccnsobot.features.sources;

import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.i18n.Phrase;

/**
 * One line the watcher says of a look ("3 added, 1 updated, …", "unchanged", "failed: …"): a bundle key and its
 * arguments, worded when it is shown, so {@code sources} and {@code sync} answer in the asker's language. Reasons
 * that come from the fetch or the iCalendar reader are {@link Phrase} arguments, worded in the same language.
 * {@link #english} is for the log.
 */
record Line(String key, List<Object> args) {
    Line {
        args = List.copyOf(args);
    }

    static Line of(String key, Object... args) {
        return new Line(key, List.of(args));
    }

    String in(Locale locale) {
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object a = args.get(i);
            shown[i] = a instanceof Line inner ? inner.in(locale) : a instanceof Phrase p ? p.in(locale) : a;
        }
        return Messages.t(locale, key, shown);
    }

    String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
