/**
 * Mirroring the calendar into platforms' own event lists (Discord's scheduled events): upcoming events are
 * created there at start, and kept in step as staff add, edit, move and cancel them.
 */
package org.ccnsobot.mirror;
