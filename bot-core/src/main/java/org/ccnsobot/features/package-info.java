/**
 * One package per feature, each holding its commands, services, outbox kinds and texts. A feature depends on the
 * kernel, the outbox, the store, the domain and the port, and on other features only through their public types.
 */
package org.ccnsobot.features;
