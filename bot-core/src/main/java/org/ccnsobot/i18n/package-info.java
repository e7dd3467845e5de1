/**
 * The bot's languages: the message bundles (ICU MessageFormat, one UTF-8 properties file per language), the
 * languages a member may choose, dates and times in a language's own words, and bidi isolation for right-to-left
 * text. Everything here depends on the JDK and ICU4J only, so the kernel and every feature may use it.
 */
package org.ccnsobot.i18n;
