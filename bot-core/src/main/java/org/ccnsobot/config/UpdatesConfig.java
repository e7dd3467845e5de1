package org.ccnsobot.config;

import java.time.Duration;

/** Committee updates: after {@code staleAfter} an update is shown as possibly out of date. */
public record UpdatesConfig(Duration staleAfter) {

    public static UpdatesConfig defaults() {
        return new UpdatesConfig(Duration.ofDays(90));
    }
}
