/**
 * The bot's configuration: {@code ccnso-bot.yaml} read with Jackson, strictly (an unknown key or a wrong type is
 * refused naming the key), with secrets taken from environment variables and never from the file. A platform's
 * section is handed to its provider as the port's JDK-only {@link org.ccnsobot.port.PlatformSettings}, with the
 * environment values already in place.
 */
package org.ccnsobot.config;
