/**
 * The Discord adapter: the chat port implemented with JDA. {@link org.ccnsobot.discord.DiscordProvider} is the only
 * public type; everything else is package-private so core can reach Discord only through the port. Slash commands
 * are derived from core's command list, answers are rendered to embeds within Discord's limits, every message
 * states its own allowed_mentions, and upcoming meetings are mirrored as the guild's scheduled events.
 */
package org.ccnsobot.discord;
