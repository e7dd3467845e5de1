/**
 * iCalendar in and out: the importer (files, URLs, re-imports by UID and SEQUENCE, bounded against hostile input),
 * the exporter (whole calendar, per meeting, per committee, one event) and the optional HTTP feed server.
 */
package org.ccnsobot.ical;
