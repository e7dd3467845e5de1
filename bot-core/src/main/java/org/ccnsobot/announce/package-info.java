/**
 * Staff announcements (draft, preview, confirm, schedule, edit and delete everywhere they were posted) and the weekly
 * digest. (A committee's followers are told of its updates by the reminders themselves.) Both are kinds of
 * outbox job ({@link org.ccnsobot.outbox.JobKind}), so each message is claimed, sent and marked once,
 * survives restarts and crashes, and is never posted twice.
 */
package org.ccnsobot.announce;
