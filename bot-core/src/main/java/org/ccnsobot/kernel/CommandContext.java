package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.ZoneId;
import org.ccnsobot.port.Invocation;

/**
 * Who runs a command, where, when, and in which zones: {@code zone} is the asker's, for reading what they typed
 * ("tomorrow", "at 10:00"); {@code shown} is the one the answer writes times in (the asker's own when the answer is
 * personal, UTC when the channel reads it).
 */
public record CommandContext(Invocation invocation, Instant now, ZoneId zone, boolean staff, ZoneId shown) {

    public CommandContext {
        shown = shown == null ? zone : shown;
    }

    public String platform() {
        return invocation.actor().platform();
    }

    public String userId() {
        return invocation.actor().userId();
    }
}
