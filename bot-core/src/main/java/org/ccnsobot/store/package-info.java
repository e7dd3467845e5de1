/**
 * SQLite storage: the database file (WAL, foreign keys, durable commits, write transactions begun IMMEDIATE),
 * the check that an existing file is ours before anything is written to it, schema migrations by Flyway
 * (files made by the old user_version runner are baselined), the change log other processes' writes are
 * followed by ({@link org.ccnsobot.store.ChangeFeed}), and the calendar store. All SQL is parameterised.
 */
package org.ccnsobot.store;
