/**
 * Staff announcements (draft, preview, confirm, schedule, edit and delete everywhere they were posted) and the weekly
 * digest. (A committee's followers are told of its updates by the reminders themselves.) Every message goes out through the
 * reminder ledger ({@link org.ccnsobot.reminder.ReminderService.RowKind}), so each is claimed, sent and marked once,
 * survives restarts and crashes, and is never posted twice.
 */
package org.ccnsobot.announce;
