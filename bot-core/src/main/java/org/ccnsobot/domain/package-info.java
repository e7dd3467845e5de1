/** The calendar's data: meetings, events, committees and their updates, as immutable records. */
package org.ccnsobot.domain;
