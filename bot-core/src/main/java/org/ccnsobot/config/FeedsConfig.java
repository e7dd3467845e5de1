package org.ccnsobot.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The optional iCalendar feed server: where it listens, the address members reach it at (behind a proxy) for the
 * links the bot shows, and {@code refresh}, how often calendar apps are asked to look again (X-PUBLISHED-TTL and
 * REFRESH-INTERVAL; default 1h). Absent from the config means no server.
 */
public record FeedsConfig(String bind, int port, String publicUrl, Duration refresh) {
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);

    public FeedsConfig {
        Objects.requireNonNull(refresh, "refresh");
    }

    /** With the default refresh hint (1h). */
    public FeedsConfig(String bind, int port, String publicUrl) {
        this(bind, port, publicUrl, DEFAULT_REFRESH);
    }

    /** The base members see: the public URL when set, else http://bind:port. */
    public String base() {
        String b = publicUrl != null ? publicUrl : "http://" + bind + ":" + port;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /**
     * One event's own feed, {@code <base>/events/<id>.ics}, as the feed server serves it: the id percent-encoded
     * (a space as {@code %20}, since the server decodes a {@code +} as a space too).
     */
    public String eventUrl(String eventId) {
        return base() + "/events/"
                + java.net.URLEncoder.encode(eventId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + ".ics";
    }
}
