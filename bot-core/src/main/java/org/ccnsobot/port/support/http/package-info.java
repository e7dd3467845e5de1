/**
 * The bot's own small HTTP/1.1 listener for what faces the outside (Slack's HTTP mode, the iCalendar feeds): read
 * time-outs, a deadline per request, many workers, plain-text refusals of bad requests, handlers written against the
 * JDK's {@code HttpHandler}.
 */
package org.ccnsobot.port.support.http;
