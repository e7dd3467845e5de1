/**
 * Calendar views: the meetings, events and committees as stored (CalendarService with its caches, the SQLite
 * CalendarStore), the seed calendar files, the search index, and the members' views of it: next, today, week,
 * schedule and event, rendered as neutral messages (EventMessages, TimeFormat). Public API: CalendarService,
 * CalendarStore, Views, EventMessages, TimeFormat, CalendarFiles, Seeder, SearchIndex.
 */
package org.ccnsobot.features.calendar;
