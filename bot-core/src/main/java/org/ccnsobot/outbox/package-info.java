/**
 * The durable outbox: everything the bot sends on its own (reminders, change and update notices, announcements,
 * the weekly digest, staff alerts, and any kind a later feature adds) is one row of the {@code outbox} table.
 *
 * <p>This package owns the table and its states ({@link org.ccnsobot.outbox.JobState}), the scheduler thread that
 * sleeps until the next due job, the dispatcher (claim a batch, throttle per platform, send with the job's
 * idempotency key, settle, retry with back-off and jitter on the injected clock), crash recovery (jobs found in
 * {@code sending} ask the platform's {@code findDelivered}, else are resent with the same key), the
 * one-sender-per-database {@link org.ccnsobot.outbox.LedgerLock}, staff alerts for jobs that failed for good, and
 * the {@link org.ccnsobot.outbox.PlatformRegistry} of running platforms and their channels.
 *
 * <p>It knows no feature: a feature registers a {@link org.ccnsobot.outbox.JobKind} with a typed payload (how the
 * payload is written and read, how a job is worded at send time or dropped), and, if its work becomes jobs only
 * when due, a {@link org.ccnsobot.outbox.JobSource}. Adding a kind needs no migration.
 */
package org.ccnsobot.outbox;
