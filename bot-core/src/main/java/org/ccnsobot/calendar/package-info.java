/**
 * The calendar: loading and validating calendar files ({@code config/calendar/*.yaml}), seeding the store, and
 * the cached read side that commands query.
 */
package org.ccnsobot.calendar;
