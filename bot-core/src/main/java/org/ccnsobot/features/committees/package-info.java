/**
 * Committees and their updates: the committees list and one committee's page for members, and staff posting a
 * committee's status update (its followers are told by the reminders feature through the outbox).
 */
package org.ccnsobot.features.committees;
