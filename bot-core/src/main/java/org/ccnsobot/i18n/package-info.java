/**
 * The bot's languages: the message bundles (ICU MessageFormat, one UTF-8 properties file per language), the
 * languages a member may choose, dates and times in a language's own words, bidi isolation for right-to-left
 * text, and {@link org.ccnsobot.i18n.Phrase}: something to say kept as a key and its arguments until its reader is
 * known (a reason built deep in the iCalendar reader or a fetch, worded at the edge; English in the log). Everything
 * here depends on the JDK and ICU4J only, so the kernel and every feature may use it.
 */
package org.ccnsobot.i18n;
