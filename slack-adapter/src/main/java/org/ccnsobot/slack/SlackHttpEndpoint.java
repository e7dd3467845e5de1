package org.ccnsobot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode on the JDK's own server: Bolt's servlet adapters do not resolve here, and the request is small enough to
 * hand to {@link App#run} ourselves.
 *
 * <p>Before Bolt sees a request this endpoint closes the gaps in Bolt's RequestVerification: it refuses timestamps
 * too far in the future as well as in the past, compares signatures in constant time, and acks a signature already
 * seen without running it again. A redelivered event ({@code X-Slack-Retry-Num}) runs unless its event id was
 * already handled. Oversize and malformed bodies are refused before anything is parsed into a command, and
 * refusals are logged as a count per minute, so unauthenticated traffic cannot flood the log.
 */
final class SlackHttpEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_DRAIN_BYTES = 1024 * 1024;
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final App app;
    private final SlackRequestParser parser;
    private final byte[] signingKey;
    private final Clock clock;
    private final RefusalLog refusals;
    private final java.util.function.BiPredicate<String, Duration> durable;
    /** Signatures already served, kept as long as their timestamp would still be accepted. */
    private final Cache<String, Boolean> signatures = Caffeine.newBuilder()
            .expireAfterWrite(MAX_SKEW.multipliedBy(2)).maximumSize(100_000).build();

    SlackHttpEndpoint(App app, SlackRequestParser parser, String signingSecret, Clock clock) {
        this(app, parser, signingSecret, clock, (key, keep) -> true);
    }

    /** {@code durable} remembers served signatures in core's database, so a replay after a restart is refused too. */
    SlackHttpEndpoint(App app, SlackRequestParser parser, String signingSecret, Clock clock,
                      java.util.function.BiPredicate<String, Duration> durable) {
        this.durable = durable;
        this.app = app;
        this.parser = parser;
        this.signingKey = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.refusals = new RefusalLog(clock, LOG::warn);
    }

    /** Refused requests are logged as a count per minute; {@link RefusalLog#flushIfDue} logs a quiet minute's count. */
    RefusalLog refusals() {
        return refusals;
    }

    private static boolean isEvent(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, "method not allowed");
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length, 0) > MAX_BODY_BYTES) {
                tooLarge(exchange);
                return;
            }
            byte[] raw = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (raw == null) {
                tooLarge(exchange);
                return;
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
            String refusal = verify(timestamp, signature, raw);
            if (refusal != null) {
                refusals.refused(exchange.getRemoteAddress().getAddress().getHostAddress(), refusal);
                reply(exchange, 401, "invalid request");
                return;
            }
            String body;
            try {
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                reply(exchange, 400, "body is not UTF-8");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String malformed = malformed(contentType, body);
            if (malformed != null) {
                refusals.refused(exchange.getRemoteAddress().getAddress().getHostAddress(), "malformed: " + malformed);
                reply(exchange, 400, "malformed body");
                return;
            }
            String retry = exchange.getRequestHeaders().getFirst("X-Slack-Retry-Num");
            if (retry != null && !isEvent(contentType)) {
                // Slack retries only Events API deliveries; the header on anything else is not Slack's own retry
                LOG.info("a request other than an event carried X-Slack-Retry-Num {}; acked without running it", retry);
                reply(exchange, 200, "");
                return;
            }
            if (retry != null) {
                // The first delivery may never have reached the bot (a dropped connection, a restart): the event runs
                // unless its event_id was already handled, which the inbound side checks for every event.
                LOG.info("Slack redelivered an event (retry {}, reason {}); it runs unless its event id was handled",
                        retry, exchange.getRequestHeaders().getFirst("X-Slack-Retry-Reason"));
            }
            if (signatures.asMap().putIfAbsent(signature, Boolean.TRUE) != null
                    || !durable.test("slack:signature:" + signature, MAX_SKEW.multipliedBy(2))) {
                LOG.info("a request was replayed with a signature already served; acked without running it");
                reply(exchange, 200, "");
                return;
            }
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(query(exchange.getRequestURI().getRawQuery()))
                    .requestBody(body)
                    .headers(new RequestHeaders(headers(exchange)))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            if (request == null) {
                reply(exchange, 400, "unknown request");
                return;
            }
            Response response = app.run(request);
            write(exchange, response);
        } catch (IOException e) {
            // the client went away mid-request: one line, not a stack trace per dropped connection
            LOG.debug("an HTTP request ended early: {}", e.toString());
        } catch (Exception e) {
            LOG.error("HTTP request failed", e);
            try {
                reply(exchange, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                // the response may already be under way; the exchange is closed by try-with-resources
            }
        }
    }

    /** Null when the request is Slack's, otherwise why not (for the log only: the caller learns nothing). */
    String verify(String timestamp, String signature, byte[] raw) {
        if (timestamp == null || signature == null) {
            return "missing signature headers";
        }
        long ts = parseLong(timestamp, Long.MIN_VALUE);
        if (ts == Long.MIN_VALUE) {
            return "timestamp is not a number";
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > MAX_SKEW.toSeconds()) {
            return ts > now ? "timestamp is in the future" : "timestamp is stale";
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, raw))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return "signature does not match";
        }
        return null;
    }

    /** HMAC-SHA256 over the exact bytes received: any re-encoding of the body would change what was signed. */
    byte[] hmac(String timestamp, byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(raw);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What Slack sends is a form (commands, interactivity) or a JSON object (events): anything else is refused. */
    static String malformed(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("application/json")) {
                JsonNode node = JSON.readTree(body);
                return node != null && node.isObject() && node.hasNonNull("type") ? null : "JSON without a type";
            }
            if (type.startsWith("application/x-www-form-urlencoded")) {
                Map<String, List<String>> form = query(body);
                if (form.containsKey("payload")) {
                    JsonNode node = JSON.readTree(form.get("payload").get(0));
                    return node != null && node.isObject() && node.hasNonNull("type") ? null : "payload without a type";
                }
                if (form.containsKey("command") || form.containsKey("ssl_check")) {
                    return null;
                }
                return "form without command or payload";
            }
            return "unexpected content type '" + contentType + "'";
        } catch (IOException | IllegalArgumentException e) {
            return "cannot parse: " + e.getMessage();
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return out;
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> out = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    /** Null when the stream holds more than {@code max} bytes: the rest is never buffered. */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    /**
     * Refuses a big body. Up to {@link #MAX_DRAIN_BYTES} the rest is read and dropped first, so the client gets the
     * 413 rather than a connection reset; beyond that the connection is simply closed.
     */
    private static void tooLarge(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        long dropped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while (dropped <= MAX_DRAIN_BYTES && (n = in.read(buffer)) >= 0) {
            dropped += n;
        }
        if (dropped > MAX_DRAIN_BYTES) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        reply(exchange, 413, "body too large");
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("content-length")) {
                    v.forEach(value -> exchange.getResponseHeaders().add(k, value));
                }
            });
        }
        if (response.getContentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.getContentType());
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
