/**
 * Reminders: for every scheduled event, reminders at the configured offsets (per kind or per event), planned as
 * slots and released into the outbox when due, one job per destination (the announcement channel and each
 * subscriber's DMs); and the change notices of edits, moves and cancellations. Texts are computed at send time.
 * Public API: ReminderService (eventChanged), ReminderTexts.
 */
package org.ccnsobot.features.reminders;
