/** Fuzz tests (Jazzer) of the command parser and the iCalendar importer, with deterministic companions. */
package org.ccnsobot.fuzz;
