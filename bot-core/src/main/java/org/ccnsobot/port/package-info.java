/**
 * The port between the bot's core and the chat platforms. Core speaks only these types; each adapter module
 * (Discord, Slack, console, ...) implements {@link org.ccnsobot.port.ChatPlatform} and is found at start-up
 * through {@link org.ccnsobot.port.PlatformProvider} and {@link java.util.ServiceLoader}.
 */
package org.ccnsobot.port;
