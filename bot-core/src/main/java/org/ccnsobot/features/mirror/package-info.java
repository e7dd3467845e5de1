/**
 * Mirroring: upcoming events copied into platforms that list events (Discord scheduled events), following
 * edits, moves and cancellations.
 */
package org.ccnsobot.features.mirror;
