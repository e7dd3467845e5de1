package org.ccnsobot.port;

import java.util.Objects;

/** Where core wants a message to go, in the platform's own ids. */
public sealed interface Destination {

    String platform();

    /** A channel (an announcement channel, the staff channel). */
    record Channel(String platform, String channelId) implements Destination {
        public Channel {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(channelId, "channelId");
        }
    }

    /** A user's direct messages. */
    record DirectMessage(String platform, String userId) implements Destination {
        public DirectMessage {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** How staff read it in a listing or an alert: "discord #123" or "slack DM U1". */
    default String describe() {
        return this instanceof Channel c ? platform() + " #" + c.channelId()
                : platform() + " DM " + ((DirectMessage) this).userId();
    }

    /** A stable text key, used by the reminder ledger. */
    default String key() {
        if (this instanceof Channel c) {
            return c.platform() + ":channel:" + c.channelId();
        }
        DirectMessage d = (DirectMessage) this;
        return d.platform() + ":dm:" + d.userId();
    }
}
