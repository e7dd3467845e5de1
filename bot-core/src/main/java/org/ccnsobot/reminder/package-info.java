/**
 * Reminders before meetings that are never lost and never repeated.
 *
 * <p>Policy ({@link org.ccnsobot.reminder.ReminderPolicy}) turns an event into slots, one per offset, stored in
 * {@code reminder_slots}. When a slot falls due it is expanded, in one transaction, into ledger rows, one per
 * destination (each platform's announcement channel and the DMs of the members subscribed at that moment). Each
 * ledger row is claimed ({@code pending -> sending}, committed), sent with an idempotency key derived from the row,
 * and marked ({@code sent} plus the platform's reference, committed). Only one process sends from a ledger: the
 * {@link org.ccnsobot.reminder.LedgerLock} is an OS file lock, released even when the process is killed. Rows found
 * in {@code sending} at start are resolved by asking the platform ({@code findDelivered}); when it cannot tell, the
 * row is resent with the same key, which the platform dedupes.
 */
package org.ccnsobot.reminder;
