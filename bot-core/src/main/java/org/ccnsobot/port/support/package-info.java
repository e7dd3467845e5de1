/**
 * What every adapter needs and no platform does differently, so each adapter keeps only what is its platform's
 * own: paging long lists at entry boundaries ({@link org.ccnsobot.port.support.Paging}), cutting text to a
 * platform limit ({@link org.ccnsobot.port.support.Truncation}), defusing pings in text people wrote
 * ({@link org.ccnsobot.port.support.Pings}), the venue's wall-clock time ({@link org.ccnsobot.port.support.VenueTime}),
 * help text derived from core's command list ({@link org.ccnsobot.port.support.HelpText}) and the reference a
 * member is given when something fails ({@link org.ccnsobot.port.support.FaultReference}). Like the port, it
 * depends on the JDK alone.
 */
package org.ccnsobot.port.support;
