/**
 * Personal feeds: {@code feed} gives a member a private iCalendar address on the bot's feed server holding what they
 * subscribe to, each event with a VALARM at each of its reminder offsets, so their own calendar app reminds them too;
 * {@code feed reset} replaces the address. The tokens are random (256 bits) and stored only as SHA-256 hashes.
 */
package org.ccnsobot.features.personalfeed;
