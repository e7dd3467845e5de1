/**
 * Subscriptions: members follow everything, a committee or an event (subscribe, unsubscribe, subscriptions);
 * the reminders and the committee updates read who follows what. Public API: Subscriptions, SubscriptionCommands.
 */
package org.ccnsobot.features.subscriptions;
