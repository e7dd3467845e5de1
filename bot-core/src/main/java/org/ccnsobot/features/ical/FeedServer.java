package org.ccnsobot.features.ical;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.features.calendar.CalendarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribable iCalendar feeds over plain HTTP with the JDK's server: {@code /calendar.ics},
 * {@code /meetings/ICANN79.ics}, {@code /committees/GRC.ics}, {@code /events/<id>.ics}. Read-only, GET and HEAD
 * only; it binds where the config says (127.0.0.1 by default), and TLS belongs to a reverse proxy in front of it.
 * Each answer carries an ETag of its content (DTSTAMP aside) and a Last-Modified, and a client that sends either
 * back for unchanged content gets 304 without a body. A member's personal feed is {@code /personal/<token>.ics}:
 * the token is a secret, so it is never logged, and an unknown one is the same plain 404 as any unknown feed.
 */
public final class FeedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
    private static final Pattern PATH = Pattern.compile("/(?:(calendar)|(meetings|committees|events)/([^/]{1,80}))\\.ics");
    private static final Pattern PERSONAL = Pattern.compile("/personal/([A-Za-z0-9_-]{1,128})\\.ics");

    /** The personal feeds: what a token opens (the member's own selection), if it is a live token. */
    @FunctionalInterface
    public interface Personal {
        /** No personal feeds: every token is unknown. */
        Personal NONE = token -> Optional.empty();

        Optional<Feeds.Selection> open(String token);
    }

    private final org.ccnsobot.port.support.http.HttpListener server;

    private FeedServer(org.ccnsobot.port.support.http.HttpListener server) {
        this.server = server;
    }

    /** Starts serving; port 0 picks a free port (see {@link #port()}). */
    public static FeedServer start(String bind, int port, CalendarService calendar, Clock clock) throws IOException {
        return start(bind, port, calendar, clock, FeedsConfig.DEFAULT_REFRESH);
    }

    /** As above, telling subscribers to look again every {@code refresh} (X-PUBLISHED-TTL, REFRESH-INTERVAL). */
    public static FeedServer start(String bind, int port, CalendarService calendar, Clock clock, Duration refresh)
            throws IOException {
        return start(bind, port, calendar, clock, refresh, Personal.NONE);
    }

    /** As above, serving members' personal feeds from {@code personal} too. */
    public static FeedServer start(String bind, int port, CalendarService calendar, Clock clock, Duration refresh,
                                   Personal personal) throws IOException {
        Feeds feeds = new Feeds(calendar);
        Validators validators = new Validators();
        // the bot's own listener, not the JDK's: a path that is not a valid URI gets a plain 400, not the JDK's
        // HTML page naming URISyntaxException, and idle subscribers cannot hold its workers
        org.ccnsobot.port.support.http.HttpListener server = org.ccnsobot.port.support.http.HttpListener.start(new InetSocketAddress(bind, port),
                "feeds", null, exchange -> {
            try (exchange) {
                try {
                    handle(exchange, feeds, personal, clock, validators, refresh);
                } catch (RuntimeException e) {
                    LOG.error("Feed request {} failed", loggable(exchange.getRequestURI().getRawPath()), e);
                    try {
                        send(exchange, 500, "text/plain; charset=utf-8", "the feed cannot be made just now\n", false);
                    } catch (IOException | RuntimeException again) {
                        // the answer may have started already; the log has the cause
                    }
                }
            }
        }, org.ccnsobot.port.support.http.HttpListener.Limits.DEFAULT);
        LOG.info("Serving iCalendar feeds on http://{}:{}/calendar.ics", bind, server.port());
        return new FeedServer(server);
    }

    public int port() {
        return server.port();
    }

    /** A path as the log may show it: a personal feed's token is a secret, so it is left out. */
    static String loggable(String rawPath) {
        return rawPath != null && rawPath.startsWith("/personal/") ? "/personal/(token).ics" : rawPath;
    }

    private static void handle(HttpExchange ex, Feeds feeds, Personal personal, Clock clock, Validators validators,
                               Duration refresh) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n", false);
            return;
        }
        String path = ex.getRequestURI().getRawPath();
        if (path.startsWith("/personal/")) {
            Matcher p = PERSONAL.matcher(path);
            Optional<Feeds.Selection> mine = p.matches() ? personal.open(p.group(1)) : Optional.empty();
            if (mine.isEmpty()) {
                send(ex, 404, "text/plain; charset=utf-8", "no such feed\n", method.equals("HEAD"));
                return;
            }
            // one member's own: no shared cache may keep it
            answer(ex, mine.get(), "private, max-age=300", false, clock, validators, refresh);
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            send(ex, 404, "text/plain; charset=utf-8",
                    "feeds: /calendar.ics, /meetings/<code>.ics, /committees/<acronym>.ics, /events/<id>.ics\n",
                    method.equals("HEAD"));
            return;
        }
        Optional<Feeds.Selection> sel;
        String kind = m.group(1) != null ? "calendar" : m.group(2);
        if (m.group(1) != null) {
            sel = Optional.of(feeds.all());
        } else {
            String key;
            try {
                key = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain; charset=utf-8", "bad request: the path is not well-formed\n",
                        method.equals("HEAD"));
                return;
            }
            sel = switch (m.group(2)) {
                case "meetings" -> feeds.meeting(key);
                case "committees" -> feeds.committee(key);
                default -> feeds.event(key);
            };
        }
        if (sel.isEmpty()) {
            send(ex, 404, "text/plain; charset=utf-8", "no such feed\n", method.equals("HEAD"));
            return;
        }
        answer(ex, sel.get(), "max-age=300", kind.equals("events"), clock, validators, refresh);
    }

    /** A feed's answer: the body with its validators, or 304 when the client already holds it. */
    private static void answer(HttpExchange ex, Feeds.Selection sel, String cacheControl, boolean attachment,
                               Clock clock, Validators validators, Duration refresh) throws IOException {
        String method = ex.getRequestMethod();
        String body = sel.export(clock.instant(), refresh);
        Validators.Seen seen = validators.seen(body, clock.instant());
        ex.getResponseHeaders().set("Cache-Control", cacheControl);
        ex.getResponseHeaders().set("ETag", seen.etag());
        ex.getResponseHeaders().set("Last-Modified", seen.lastModifiedHeader());
        if (attachment) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\""
                    + sel.events().get(0).id().replaceAll("[^A-Za-z0-9._-]", "_") + ".ics\"");
        }
        if (seen.matches(ex.getRequestHeaders().getFirst("If-None-Match"),
                ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        send(ex, 200, "text/calendar; charset=utf-8", body, method.equals("HEAD"));
    }

    private static void send(HttpExchange ex, int status, String type, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (head) {
            // what a GET would send, so clients can size it; the JDK sends no body for -1
            ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
