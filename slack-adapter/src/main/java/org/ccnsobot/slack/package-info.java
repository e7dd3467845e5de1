/** The Slack adapter: implements the chat port for Slack. */
package org.ccnsobot.slack;
