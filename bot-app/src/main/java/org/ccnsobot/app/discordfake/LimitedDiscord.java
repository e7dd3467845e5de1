package org.ccnsobot.app.discordfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord on 127.0.0.1 with its rate limits enforced ({@link Limits}): REST through the JDK's HttpServer, the
 * gateway through Java-WebSocket. It answers what the Discord adapter needs to start (the bot user, the server with
 * its announcement channel, the slash-command overwrite) and to send DMs (open the DM channel, post the message,
 * a repeated nonce answered with the message already made, as {@code enforce_nonce} does). Every REST answer says
 * {@code Via: 1.1 google}, as Discord's do: JDA reads a 429 without it as a Cloudflare ban.
 */
public final class LimitedDiscord implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAYLOAD_JSON = Pattern.compile("name=\"payload_json\".*?\\r\\n\\r\\n(.*?)\\r\\n--",
            Pattern.DOTALL);

    private final HttpServer http;
    // enough threads that a simulated network delay does not queue requests behind each other
    private final ExecutorService threads = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "limited-discord");
        t.setDaemon(true);
        return t;
    });
    private final Gateway gateway;
    private final RateLimiter limiter;
    private final long halfTripMillis;
    private final AtomicLong ids = new AtomicLong(600_000_000_000_000_000L);
    /** user id → DM channel id, and back; guarded by {@code this}. */
    private final Map<String, String> dmOf = new HashMap<>();
    private final Map<String, String> userOf = new HashMap<>();
    /** channel id → messages that landed there (after nonce de-duplication); guarded by {@code this}. */
    private final Map<String, Integer> landed = new LinkedHashMap<>();
    private final Map<String, ObjectNode> byNonce = new HashMap<>();
    private int opens;
    private int repeatedNonces;

    /** A fake on the real clock, answering as fast as it can. */
    public LimitedDiscord(Limits limits) throws IOException, InterruptedException {
        this(limits, Duration.ZERO, System::nanoTime);
    }

    /**
     * A fake on the real clock that takes {@code roundTrip} to answer each REST request (half on the way in, before
     * the limits count it, half on the way out), standing in for the network between a bot and Discord.
     */
    public LimitedDiscord(Limits limits, Duration roundTrip) throws IOException, InterruptedException {
        this(limits, roundTrip, System::nanoTime);
    }

    LimitedDiscord(Limits limits, LongSupplier nanos) throws IOException, InterruptedException {
        this(limits, Duration.ZERO, nanos);
    }

    private LimitedDiscord(Limits limits, Duration roundTrip, LongSupplier nanos) throws IOException, InterruptedException {
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("a round trip cannot be negative: " + roundTrip);
        }
        halfTripMillis = roundTrip.toMillis() / 2;
        limiter = new RateLimiter(limits, nanos);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::serve);
        http.setExecutor(threads);
        http.start();
        gateway = new Gateway();
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS) || gateway.getPort() <= 0) {
            close();
            throw new IOException("the fake Discord gateway did not start on 127.0.0.1");
        }
    }

    public String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** The bot token the fake accepts (made up: it never leaves this machine). */
    public String token() {
        return Entities.TOKEN;
    }

    public String guildId() {
        return Entities.GUILD;
    }

    public String announcementChannel() {
        return Entities.ANNOUNCE;
    }

    /** DM channels opened (admitted {@code POST /users/@me/channels}). */
    public synchronized int opens() {
        return opens;
    }

    /** How many messages landed in each user's DM; users never written to are absent. */
    public synchronized Map<String, Integer> dmsByUser() {
        Map<String, Integer> out = new LinkedHashMap<>();
        landed.forEach((channel, n) -> {
            String user = userOf.get(channel);
            if (user != null) {
                out.put(user, n);
            }
        });
        return out;
    }

    /** Posts whose nonce had already made a message, answered with that message instead of a second one. */
    public synchronized int repeatedNonces() {
        return repeatedNonces;
    }

    /** Requests that went through (every route, every status but 429). */
    public int admitted() {
        return limiter.admitted();
    }

    /** 429s for a route's bucket (a DM open, or a sixth message in five seconds in one channel). */
    public int routeRefused() {
        return limiter.routeRefused();
    }

    /** 429s for the bot's global limit ({@code "global": true}). */
    public int globalRefused() {
        return limiter.globalRefused();
    }

    /** The most requests that went through within any one second. */
    public int peakPerSecond() {
        return limiter.peakPerSecond();
    }

    // ---------------------------------------------------------------------------------------------------- REST

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10", "");
            byte[] raw = ex.getRequestBody().readAllBytes();
            travel();
            if (!("Bot " + Entities.TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());
                return;
            }
            String[] p = path.substring(1).split("/");
            String key = method + " " + path.replaceAll("\\d{15,20}", "{id}");
            RateLimiter.Route route = switch (key) {
                case "POST /users/@me/channels" -> RateLimiter.Route.DM_OPEN;
                case "POST /channels/{id}/messages" -> RateLimiter.Route.MESSAGE;
                default -> RateLimiter.Route.OTHER;
            };
            RateLimiter.Decision decision = limiter.check(route, route == RateLimiter.Route.MESSAGE ? p[1] : "");
            if (decision instanceof RateLimiter.Decision.Refused refused) {
                respond(ex, 429, refused.body(), refused.headers());
                return;
            }
            JsonNode body = body(ex.getRequestHeaders().getFirst("Content-Type"), raw);
            Answer answer = switch (key) {
                case "GET /users/@me" -> Answer.ok(Entities.botUser());
                case "GET /oauth2/applications/@me" -> Answer.ok(Entities.application());
                case "PUT /applications/{id}/guilds/{id}/commands" -> Answer.ok(commands(body));
                case "POST /users/@me/channels" -> openDm(body.path("recipient_id").asText());
                case "POST /channels/{id}/messages" -> post(p[1], body);
                default -> Answer.error(404, 0, "404: Not Found (" + key + ")");
            };
            respond(ex, answer.status(), answer.body().toString(), decision.headers());
        } catch (RuntimeException e) {
            respond(ex, 500, "{\"message\":\"the fake failed: " + e.getClass().getSimpleName() + "\",\"code\":0}",
                    Map.of());
        }
    }

    private static JsonNode body(String contentType, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return Entities.NODES.nullNode();
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("multipart/")) {
            Matcher m = PAYLOAD_JSON.matcher(text);
            return m.find() ? JSON.readTree(m.group(1)) : Entities.NODES.nullNode();
        }
        return JSON.readTree(text);
    }

    private JsonNode commands(JsonNode body) {
        ArrayNode out = Entities.NODES.arrayNode();
        for (JsonNode c : body) {
            ObjectNode copy = ((ObjectNode) c).deepCopy();
            copy.put("id", next()).put("application_id", Entities.BOT).put("guild_id", Entities.GUILD)
                    .put("version", next());
            if (!copy.has("type")) {
                copy.put("type", 1);
            }
            out.add(copy);
        }
        return out;
    }

    private synchronized Answer openDm(String userId) {
        if (!userId.matches("\\d{15,20}")) {
            return Answer.error(400, 50035, "Invalid Form Body: recipient_id is not a snowflake");
        }
        opens++;
        String channel = dmOf.computeIfAbsent(userId, u -> next());
        userOf.put(channel, userId);
        return Answer.ok(Entities.dmChannel(channel, userId));
    }

    private synchronized Answer post(String channelId, JsonNode body) {
        if (!userOf.containsKey(channelId) && !Entities.ANNOUNCE.equals(channelId)) {
            return Answer.error(404, 10003, "Unknown Channel");
        }
        JsonNode nonce = body.path("nonce");
        String nonceKey = nonce.isMissingNode() || nonce.isNull() || !body.path("enforce_nonce").asBoolean(false)
                ? null : channelId + "/" + nonce.asText();
        if (nonceKey != null && byNonce.containsKey(nonceKey)) {
            repeatedNonces++;
            return Answer.ok(byNonce.get(nonceKey));
        }
        ObjectNode m = Entities.message(next(), channelId, body);
        landed.merge(channelId, 1, Integer::sum);
        if (nonceKey != null) {
            byNonce.put(nonceKey, m);
        }
        return Answer.ok(m);
    }

    /** A status and Discord's JSON for it. */
    private record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, int code, String message) {
            return new Answer(status, Entities.NODES.objectNode().put("code", code).put("message", message));
        }
    }

    private String next() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Half the simulated round trip; a bench fake, so waiting here stands in for the network. */
    private void travel() {
        if (halfTripMillis > 0) {
            try {
                Thread.sleep(halfTripMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void respond(HttpExchange ex, int status, String json, Map<String, String> headers)
            throws IOException {
        travel();
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Via", "1.1 google");
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.stop(0);
            threads.shutdownNow();
        }
    }
}
