package org.ccnsobot.outbox;

/**
 * One job kind's backlog: jobs waiting (pending or being sent), those of them more than {@link Outbox#LATE_AFTER}
 * past their due time, and those that failed for good (kept in the table for staff to see).
 */
public record Backlog(String kind, int pending, int late, int failed) {
}
