package org.ccnsobot.config;

/**
 * The optional admin listener ({@code /healthz}, {@code /metrics}): where it listens. Absent from the config means
 * no listener. {@code bind} is 127.0.0.1 unless set, so it is reachable from the machine only; {@code port} 0
 * takes any free port, which the bot prints at start (for tests and one-off runs).
 */
public record AdminConfig(String bind, int port) {
    public static final String DEFAULT_BIND = "127.0.0.1";
}
