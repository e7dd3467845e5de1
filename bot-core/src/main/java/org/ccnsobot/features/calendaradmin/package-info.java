/**
 * Calendar administration for staff: event add, edit, move and cancel, with the rules a change must pass
 * (EventRules: weekday matches the date, end after start, known zone, room not double-booked, inside the meeting).
 */
package org.ccnsobot.features.calendaradmin;
