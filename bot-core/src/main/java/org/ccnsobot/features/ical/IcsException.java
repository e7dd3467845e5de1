package org.ccnsobot.features.ical;

import org.ccnsobot.i18n.Phrase;

/**
 * An iCalendar text that cannot be imported. {@code line} is the physical line (1-based) the problem is on, or 0
 * when it concerns the whole file; the message (English, for the log and the terminal) already names it, and
 * {@link #phrase} says the same in a reader's language. Nothing was written.
 */
public class IcsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final transient Phrase reason;

    /** A reason that has no translation yet (shown as written in every language). */
    public IcsException(int line, String reason) {
        this(line, Phrase.literal(reason));
    }

    public IcsException(int line, Phrase reason) {
        super(at(line, reason).english());
        this.line = line;
        this.reason = reason;
    }

    private static Phrase at(int line, Phrase reason) {
        // the line as text, so a long file's "line 1234" is not grouped as a number
        return line > 0 ? Phrase.of("ics.atLine", String.valueOf(line), reason) : reason;
    }

    public int line() {
        return line;
    }

    /** The reason without its line. */
    public Phrase reason() {
        return reason;
    }

    /** The whole message (its line, then the reason), to be worded in the reader's language. */
    public Phrase phrase() {
        return at(line, reason);
    }
}
