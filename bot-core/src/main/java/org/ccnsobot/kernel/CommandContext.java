package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.ZoneId;
import org.ccnsobot.port.Invocation;

/** Who runs a command, where, when, and in which zone they read times. */
public record CommandContext(Invocation invocation, Instant now, ZoneId zone, boolean staff) {

    public String platform() {
        return invocation.actor().platform();
    }

    public String userId() {
        return invocation.actor().userId();
    }
}
