package org.ccnsobot.outbox;

import java.util.Locale;

/** Where a job is: waiting, claimed by a sender, delivered, dropped on purpose, or failed for good. */
public enum JobState {
    PENDING, SENDING, SENT, DROPPED, FAILED;

    /** The value stored in the {@code state} column (the name in lower case). */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }

    /** Whether the job will not change any more. */
    public boolean settled() {
        return this == SENT || this == DROPPED || this == FAILED;
    }
}
