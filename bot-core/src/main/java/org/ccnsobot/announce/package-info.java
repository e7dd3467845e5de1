/**
 * Staff announcements (draft, preview, confirm, schedule, edit and delete everywhere they were posted), the weekly
 * digest, and notices to a committee's followers when staff post an update. Every message goes out through the
 * reminder ledger ({@link org.ccnsobot.reminder.ReminderService.RowKind}), so each is claimed, sent and marked once,
 * survives restarts and crashes, and is never posted twice.
 */
package org.ccnsobot.announce;
