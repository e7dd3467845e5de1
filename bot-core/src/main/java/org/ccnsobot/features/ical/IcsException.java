package org.ccnsobot.features.ical;

/**
 * An iCalendar text that cannot be imported. {@code line} is the physical line (1-based) the problem is on, or 0
 * when it concerns the whole file; the message already names it. Nothing was written.
 */
public class IcsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public IcsException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
