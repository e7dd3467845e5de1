/**
 * Languages: the language each member reads the bot in, shown and set with the language command and kept beside
 * their zone (user_prefs.language, V11).
 */
package org.ccnsobot.features.language;
