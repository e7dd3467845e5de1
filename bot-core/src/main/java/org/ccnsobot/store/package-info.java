/**
 * SQLite storage: the database file (WAL, foreign keys, durable commits), schema migrations by
 * {@code PRAGMA user_version}, and the calendar store. All SQL is parameterised.
 */
package org.ccnsobot.store;
