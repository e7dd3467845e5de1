package org.ccnsobot.kernel;

/** A user error: its message is one line, shown to the user as it is. Nothing was changed. */
public class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
