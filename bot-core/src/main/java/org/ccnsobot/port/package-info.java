/**
 * The port between the bot's core and the chat platforms. Core speaks only these types; each adapter module
 * (Discord, Slack, console, ...) implements {@link org.ccnsobot.port.ChatPlatform} and is found at start-up
 * through {@link org.ccnsobot.port.PlatformProvider} and {@link java.util.ServiceLoader}. The port depends on the
 * JDK alone: a platform's config section reaches its provider as {@link org.ccnsobot.port.PlatformSettings} (plain
 * maps, lists and values), problems in it go back as {@link org.ccnsobot.port.PlatformConfigException}, and
 * {@link org.ccnsobot.port.Secret} holds tokens. What adapters share lives in {@code org.ccnsobot.port.support}.
 */
package org.ccnsobot.port;
