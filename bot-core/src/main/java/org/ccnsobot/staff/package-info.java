/**
 * Staff workflows: calendar management (event add, edit, move, cancel) with validation, committee updates,
 * iCalendar import and the .ics command, and the audit log commands and CSV export.
 */
package org.ccnsobot.staff;
