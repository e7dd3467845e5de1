package org.ccnsobot.kernel;

import java.util.Optional;

/**
 * A user error: its message is one line, shown to the user as it is. Nothing was changed. {@link #option()} names
 * the option at fault when one is (a form shows the message beside that field).
 */
public class CommandException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String option;

    public CommandException(String message) {
        this(message, null);
    }

    public CommandException(String message, String option) {
        super(message);
        this.option = option;
    }

    /** The option this error is about, if it is about one. */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }

    /** This error, about {@code name} unless it already names an option. */
    public CommandException about(String name) {
        return option != null || getClass() != CommandException.class ? this : new CommandException(getMessage(), name);
    }
}
