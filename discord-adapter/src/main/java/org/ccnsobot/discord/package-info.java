/** The Discord adapter: implements the chat port for Discord. */
package org.ccnsobot.discord;
