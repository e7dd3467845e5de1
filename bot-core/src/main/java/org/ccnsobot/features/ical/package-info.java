/**
 * iCalendar: import (files and URLs, re-imports by UID), export, the feeds server, and the commands import and
 * ics. Reads and writes RFC 5545 with ical4j.
 */
package org.ccnsobot.features.ical;
