/**
 * The bot's configuration: {@code ccnso-bot.yaml} read with Jackson, strictly (an unknown key or a wrong type is
 * refused naming the key), with secrets taken from environment variables and never from the file.
 */
package org.ccnsobot.config;
