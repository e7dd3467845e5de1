package org.ccnsobot.port;

import java.util.Objects;

/** Where a request came from: a channel or a direct conversation. */
public record Place(String platform, String channelId, boolean direct) {

    public Place {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channelId, "channelId");
    }
}
