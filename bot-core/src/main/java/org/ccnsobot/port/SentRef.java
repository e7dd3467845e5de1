package org.ccnsobot.port;

/** The platform's reference to a message it accepted. */
public record SentRef(String platform, String channelId, String messageId) {
}
