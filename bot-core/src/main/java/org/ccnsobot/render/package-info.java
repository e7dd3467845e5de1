/**
 * Turning calendar data into neutral messages: the plain-text fallback (console style, in the reader's zone and
 * the venue's) and the rich blocks that adapters render natively.
 */
package org.ccnsobot.render;
