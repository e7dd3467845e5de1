package org.ccnsobot.outbox;

/** The reminder scheduler was not started because another process sends from the same ledger; the message says which. */
public class LedgerBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    public LedgerBusyException(String message) {
        super(message);
    }
}
