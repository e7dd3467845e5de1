package org.ccnsobot.config;

/**
 * The optional iCalendar feed server: where it listens, and the address members reach it at (behind a proxy) for
 * the links the bot shows. Absent from the config means no server.
 */
public record FeedsConfig(String bind, int port, String publicUrl) {

    /** The base members see: the public URL when set, else http://bind:port. */
    public String base() {
        String b = publicUrl != null ? publicUrl : "http://" + bind + ":" + port;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
