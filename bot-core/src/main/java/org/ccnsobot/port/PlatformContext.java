package org.ccnsobot.port;

import java.time.Clock;

/** What core hands an adapter when it is built. */
public record PlatformContext(Clock clock) {
}
