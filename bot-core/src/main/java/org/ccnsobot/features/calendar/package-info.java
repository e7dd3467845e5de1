/**
 * Calendar views: the meetings, events and committees as stored (CalendarService with its caches, the SQLite
 * CalendarStore), the seed calendar files, full-text search over the events (EventSearch, on SQLite FTS5 kept by
 * the triggers of migration V6, and SearchIndex, its vocabulary with typo expansion), and the members' views of
 * it: next, today, week, schedule and event, rendered as neutral messages (EventMessages, TimeFormat). The files'
 * translations of committee names and descriptions and event titles (RawText, a text or a map of language to text)
 * are stored beside the English and shown in the reader's language; Seeder.refreshTranslations takes them into a
 * database seeded before. Public API:
 * CalendarService, CalendarStore, EventSearch, SearchIndex, Views, EventMessages, TimeFormat, CalendarFiles, Seeder.
 */
package org.ccnsobot.features.calendar;
