package org.ccnsobot.app.discordfake;

import java.time.Duration;

/**
 * The limits the fake enforces. A per-route bucket is a fixed window, as Discord's are: it opens with the first
 * request, admits {@code limit} requests, and resets {@code window} later. The global limit counts every request
 * outside the interaction endpoints (which Discord exempts) over the last second.
 *
 * @param globalPerSecond requests per second per bot, over all routes
 * @param dmOpenLimit     {@code POST /users/@me/channels} (opening a DM) per {@code dmOpenWindow}, per bot
 * @param messageLimit    {@code POST /channels/{id}/messages} per {@code messageWindow}, in each channel or DM
 */
public record Limits(int globalPerSecond, int dmOpenLimit, Duration dmOpenWindow, int messageLimit,
                     Duration messageWindow) {

    /**
     * Discord's published figures: 50 requests a second per bot, and 5 messages per 5 seconds in a channel. Discord
     * publishes no figure for opening DMs (its buckets are to be read from the headers), so that bucket admits 50 a
     * second: the global limit decides, and the bucket's headers are there for JDA to read.
     */
    public static final Limits PUBLISHED = new Limits(50, 50, Duration.ofSeconds(1), 5, Duration.ofSeconds(5));

    public Limits {
        if (globalPerSecond < 1 || dmOpenLimit < 1 || messageLimit < 1 || dmOpenWindow.isNegative()
                || dmOpenWindow.isZero() || messageWindow.isNegative() || messageWindow.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another global one. */
    public Limits withGlobal(int perSecond) {
        return new Limits(perSecond, dmOpenLimit, dmOpenWindow, messageLimit, messageWindow);
    }
}
