package org.ccnsobot.kernel;

/**
 * A request turned away before its command ran (not staff): the member sees {@code getMessage()}, the audit log
 * records "refused: " and {@code reason()}.
 */
public final class Refusal extends CommandException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public Refusal(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
