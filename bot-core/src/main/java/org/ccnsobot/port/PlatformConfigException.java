package org.ccnsobot.port;

/**
 * A problem in a platform's config section, worded for the operator: the message names the key as
 * {@code id.key} ({@code discord.guildId}) and says what is wrong. Core's config loader reports it as written.
 */
public class PlatformConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlatformConfigException(String message) {
        super(message);
    }

    public PlatformConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
