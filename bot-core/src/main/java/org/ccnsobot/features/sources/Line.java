package org.ccnsobot.features.sources;

import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;

/**
 * One line the watcher says of a look ("3 added, 1 updated, …", "unchanged", "failed: …"): a bundle key and its
 * arguments, worded when it is shown, so {@code sources} and {@code sync} answer in the asker's language. Reasons
 * that come from the fetch or the iCalendar reader are arguments, as they were written. {@link #english} is for the
 * log and the staff channel's notices.
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
            shown[i] = args.get(i) instanceof Line inner ? inner.in(locale) : args.get(i);
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
