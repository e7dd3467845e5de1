/**
 * Reminders before meetings, change notices and committee-update notices: the reminders feature of the outbox.
 *
 * <p>Policy ({@link org.ccnsobot.reminder.ReminderPolicy}) turns an event into slots, one per offset, stored in
 * {@code reminder_slots}. When a slot falls due it is expanded, in one transaction, into outbox jobs, one per
 * destination (each platform's announcement channel and the DMs of the members subscribed at that moment). A change
 * members care about is found against the event's last snapshot and queued as one change notice per destination in
 * the transaction that moves the snapshot. Delivery itself (claims, idempotency keys, retries, crash recovery, the
 * one-sender lock, staff alerts) belongs to {@link org.ccnsobot.outbox}.
 */
package org.ccnsobot.reminder;
