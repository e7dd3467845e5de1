/**
 * Calendar views: the meetings, events and committees as stored (CalendarService with its caches, the SQLite
 * CalendarStore), the seed calendar files, full-text search over the events (EventSearch, on SQLite FTS5 kept by
 * the triggers of migration V6, and SearchIndex, its vocabulary with typo expansion), and the members' views of
 * it: next, today, week, schedule and event, rendered as neutral messages (EventMessages, TimeFormat). Public API:
 * CalendarService, CalendarStore, EventSearch, SearchIndex, Views, EventMessages, TimeFormat, CalendarFiles, Seeder.
 */
package org.ccnsobot.features.calendar;
