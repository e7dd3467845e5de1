package org.ccnsobot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Discord on 127.0.0.1: REST through the JDK's HttpServer and the gateway through Java-WebSocket, with just
 * enough of the API for JDA 6 to log in, receive a guild, interactions and messages, and post, DM and manage
 * scheduled events. Every REST call and gateway frame from the bot is recorded; tests wait for them with
 * {@link #await} (a condition wait with a deadline, never a fixed sleep). Faults (429, 5xx) can be queued.
 */
final class FakeDiscord implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String TOKEN = "fake.bot-token.for-tests";
    static final String GUILD = "100000000000000001";
    static final String BOT = "200000000000000001";
    static final String ANNOUNCE = "300000000000000001";
    static final String STAFF_CHANNEL = "300000000000000002";
    static final String GENERAL = "300000000000000003";
    static final String NO_EMBEDS = "300000000000000004";
    static final String MEMBER = "400000000000000001";
    static final String STAFFER = "400000000000000002";
    static final String CLOSED_DMS = "400000000000000003";
    static final String STAFF_ROLE = "500000000000000001";
    static final String MEMBER_ROLE = "500000000000000002";
    static final String BOT_ROLE = "500000000000000003";

    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long READ_HISTORY = 1L << 16;
    static final long USE_COMMANDS = 1L << 31;
    static final long MANAGE_EVENTS = 1L << 33;
    static final long CREATE_EVENTS = 1L << 44;

    /** One request the bot made: REST ({@code method} is the HTTP verb) or a gateway frame ({@code method} "WS"). */
    record Request(String method, String path, String query, JsonNode body, String auditReason) {
        Request(String method, String path, String query, JsonNode body) {
            this(method, path, query, body, null);
        }

        boolean is(String m, String pathRegex) {
            return method.equals(m) && path.matches(pathRegex);
        }
    }

    /** A fault status meaning: drop the connection mid-response. */
    static final int DROP = -1;

    record Fault(String method, Pattern path, int status, String body, Map<String, String> headers, boolean storeAnyway) {
    }

    private final HttpServer http;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fake-discord-rest");
        t.setDaemon(true);
        return t;
    });
    private final Gateway gateway;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, ObjectNode> byNonce = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> posted = new LinkedHashMap<>();
    private final Map<String, ObjectNode> scheduledEvents = new LinkedHashMap<>();
    private final Map<String, String> dmChannels = new LinkedHashMap<>();
    private final Set<String> closedDms = new HashSet<>(Set.of(CLOSED_DMS));
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong ids = new AtomicLong();
    private volatile JsonNode registeredCommands = NODES.arrayNode();
    /** The Discord client language interactions carry ({@code locale}); a test may set another. */
    volatile String userLocale = "en-GB";

    FakeDiscord() throws IOException, InterruptedException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::serve);
        http.setExecutor(httpThreads);
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.setDaemon(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake gateway did not start");
        }
    }

    String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** The adapter's config section pointing at this fake. */
    ObjectNode section() {
        ObjectNode s = NODES.objectNode();
        s.put("token", TOKEN);
        s.put("guildId", GUILD);
        s.put("announcementChannel", ANNOUNCE);
        s.put("staffChannel", STAFF_CHANNEL);
        s.put("restBaseUrl", restUrl());
        s.put("gatewayUrl", gatewayUrl());
        return s;
    }

    // ---------------------------------------------------------------------------------------------- recording

    private void record(Request r) {
        synchronized (requests) {
            requests.add(r);
            requests.notifyAll();
        }
    }

    List<Request> requests(String method, String pathRegex) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.is(method, pathRegex)).toList();
        }
    }

    List<Request> requests(Predicate<Request> p) {
        synchronized (requests) {
            return requests.stream().filter(p).toList();
        }
    }

    /** Waits until {@code count} requests match, and returns them all. */
    List<Request> await(String method, String pathRegex, int count) throws InterruptedException {
        return await(r -> r.is(method, pathRegex), count);
    }

    Request await(String method, String pathRegex) throws InterruptedException {
        List<Request> found = await(method, pathRegex, 1);
        return found.get(found.size() - 1);
    }

    List<Request> await(Predicate<Request> p, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (requests) {
            while (true) {
                List<Request> found = requests.stream().filter(p).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + count + " matching requests; saw:\n"
                            + String.join("\n", requests.stream().map(r -> r.method() + " " + r.path()).toList()));
                }
                requests.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Messages that actually landed in a channel (after nonce de-duplication). */
    List<ObjectNode> posted(String channelId) {
        synchronized (posted) {
            return List.copyOf(posted.getOrDefault(channelId, List.of()));
        }
    }

    /** Discord keeps a nonce for a few minutes only: after this, a repeated nonce posts a second message. */
    void nonceWindowPasses() {
        synchronized (posted) {
            byNonce.clear();
        }
    }

    String dmChannelOf(String userId) {
        synchronized (dmChannels) {
            return dmChannels.get(userId);
        }
    }

    /** Discord no longer knows the member's DM channel: posts to it are Unknown Channel, and opening makes a new one. */
    void forgetDmChannel(String userId) {
        synchronized (dmChannels) {
            dmChannels.remove(userId);
        }
    }

    Map<String, ObjectNode> scheduledEvents() {
        synchronized (scheduledEvents) {
            return new LinkedHashMap<>(scheduledEvents);
        }
    }

    JsonNode registeredCommands() {
        return registeredCommands;
    }

    // -------------------------------------------------------------------------------------------- fault control

    /** The next request matching answers with {@code status} once; {@code storeAnyway} applies it first (a lost response). */
    void failNext(String method, String pathRegex, int status, String body, Map<String, String> headers, boolean storeAnyway) {
        synchronized (faults) {
            faults.add(new Fault(method, Pattern.compile(pathRegex), status, body, headers, storeAnyway));
        }
    }

    /** The next request matching is read, then the connection drops before a whole response is written. */
    void dropNext(String method, String pathRegex) {
        failNext(method, pathRegex, DROP, "", Map.of(), false);
    }

    void rateLimitNext(String method, String pathRegex) {
        failNext(method, pathRegex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}",
                Map.of("Retry-After", "1", "X-RateLimit-Bucket", "fake-bucket", "X-RateLimit-Scope", "user",
                        "Via", "1.1 google"), false);
    }

    private Fault takeFault(String method, String path) {
        synchronized (faults) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.method().equals(method) && f.path().matcher(path).matches()) {
                    it.remove();
                    return f;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------- REST

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath().replaceFirst("^/api/v10", "");
            String query = ex.getRequestURI().getRawQuery();
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            JsonNode body = parseBody(ex.getRequestHeaders().getFirst("Content-Type"), raw);
            String reason = ex.getRequestHeaders().getFirst("X-Audit-Log-Reason");
            record(new Request(method, path, query, body,
                    reason == null ? null : java.net.URLDecoder.decode(reason, StandardCharsets.UTF_8)));

            boolean needsAuth = !path.startsWith("/interactions/") && !path.startsWith("/webhooks/");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (needsAuth && !("Bot " + TOKEN).equals(auth)) {
                respond(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());
                return;
            }
            Fault fault = takeFault(method, path);
            if (fault != null && !fault.storeAnyway()) {
                respond(ex, fault.status(), fault.body(), fault.headers());
                return;
            }
            Answer answer = route(method, path, body);
            if (fault != null) {
                respond(ex, fault.status(), fault.body(), fault.headers());
            } else {
                respond(ex, answer.status(), answer.body() == null ? null : answer.body().toString(), Map.of());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            respond(ex, 500, "{\"message\":\"fake failed: " + e + "\",\"code\":0}", Map.of());
        }
    }

    private static JsonNode parseBody(String contentType, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return NODES.nullNode();
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("multipart/")) {
            Matcher m = Pattern.compile("name=\"payload_json\".*?\\r\\n\\r\\n(.*?)\\r\\n--", Pattern.DOTALL).matcher(text);
            return m.find() ? JSON.readTree(m.group(1)) : NODES.nullNode();
        }
        return JSON.readTree(text);
    }

    private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        if (status == DROP) {
            ex.sendResponseHeaders(200, 64);
            ex.getResponseBody().write('{');
            ex.getResponseBody().flush();
            throw new IOException("fake dropped the connection");
        }
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (body == null) {
            ex.sendResponseHeaders(status == 200 ? 204 : status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer none() {
            return new Answer(204, null);
        }

        static Answer error(int status, int code, String message) {
            return new Answer(status, NODES.objectNode().put("code", code).put("message", message));
        }
    }

    private Answer route(String method, String path, JsonNode body) {
        String[] p = path.substring(1).split("/");
        String key = method + " " + path.replaceAll("\\d{15,20}", "{id}");
        if (key.equals("GET /users/@me")) {
            return Answer.ok(botUser());
        }
        if (key.equals("GET /oauth2/applications/@me")) {
            return Answer.ok(NODES.objectNode().put("id", BOT).put("name", "ccnso-bot").put("description", "")
                    .put("bot_public", false).put("bot_require_code_grant", false).put("flags", 0));
        }
        if (key.equals("PUT /applications/{id}/guilds/{id}/commands")) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode c : body) {
                ObjectNode copy = ((ObjectNode) c).deepCopy();
                copy.put("id", next()).put("application_id", BOT).put("guild_id", GUILD).put("version", next());
                if (!copy.has("type")) {
                    copy.put("type", 1);
                }
                out.add(copy);
            }
            registeredCommands = out;
            return Answer.ok(out);
        }
        if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
            String invalid = body.path("type").asInt() == 9 ? invalidModal(body.path("data")) : null;
            return invalid == null ? Answer.none() : Answer.error(400, 50035, "Invalid Form Body: " + invalid);
        }
        if (method.equals("PATCH") && path.matches("/webhooks/\\d+/[^/]+/messages/@original")) {
            return Answer.ok(message(null, body, true));
        }
        if (method.equals("DELETE") && path.matches("/webhooks/\\d+/[^/]+/messages/@original")) {
            return Answer.none();
        }
        if (method.equals("POST") && path.matches("/webhooks/\\d+/[^/]+")) {
            return Answer.ok(message(null, body, true));
        }
        if (key.equals("POST /users/@me/channels")) {
            String user = body.path("recipient_id").asText();
            String channel;
            synchronized (dmChannels) {
                channel = dmChannels.computeIfAbsent(user, u -> next());
            }
            ObjectNode c = NODES.objectNode().put("id", channel).put("type", 1).putNull("last_message_id");
            c.putArray("recipients").add(user(user, "member-" + user.substring(user.length() - 2)));
            return Answer.ok(c);
        }
        if (key.equals("POST /channels/{id}/messages")) {
            return postMessage(p[1], body);
        }
        if (key.equals("GET /channels/{id}/messages")) {
            synchronized (posted) {
                // newest first, as Discord lists a channel's messages
                ArrayNode list = NODES.arrayNode();
                List<ObjectNode> in = posted.getOrDefault(p[1], List.of());
                for (int i = in.size() - 1; i >= 0 && list.size() < 100; i--) {
                    list.add(in.get(i).deepCopy());
                }
                return Answer.ok(list);
            }
        }
        if (key.equals("PATCH /channels/{id}/messages/{id}") || key.equals("DELETE /channels/{id}/messages/{id}")) {
            return changeMessage(method, p[1], p[3], body);
        }
        if (key.equals("GET /guilds/{id}/scheduled-events")) {
            ArrayNode out = NODES.arrayNode();
            scheduledEvents().values().forEach(out::add);
            return Answer.ok(out);
        }
        if (key.equals("POST /guilds/{id}/scheduled-events")) {
            ObjectNode e = ((ObjectNode) body).deepCopy();
            e.put("id", next()).put("guild_id", GUILD).put("creator_id", BOT).put("status", 1).put("user_count", 0);
            e.set("creator", botUser());
            synchronized (scheduledEvents) {
                scheduledEvents.put(e.get("id").asText(), e);
            }
            scheduledEventDispatch("GUILD_SCHEDULED_EVENT_CREATE", e);
            return Answer.ok(e);
        }
        if (key.equals("GET /guilds/{id}/scheduled-events/{id}") || key.equals("PATCH /guilds/{id}/scheduled-events/{id}")
                || key.equals("DELETE /guilds/{id}/scheduled-events/{id}")) {
            ObjectNode changed;
            String dispatch;
            synchronized (scheduledEvents) {
                ObjectNode e = scheduledEvents.get(p[3]);
                if (e == null) {
                    return Answer.error(404, 10070, "Unknown Guild Scheduled Event");
                }
                if (method.equals("GET")) {
                    return Answer.ok(e.deepCopy());
                }
                if (method.equals("PATCH")) {
                    e.setAll((ObjectNode) body);
                    dispatch = "GUILD_SCHEDULED_EVENT_UPDATE";
                } else {
                    scheduledEvents.remove(p[3]);
                    dispatch = "GUILD_SCHEDULED_EVENT_DELETE";
                }
                changed = e.deepCopy();
            }
            // outside the lock: the gateway takes its own, and its GUILD_CREATE reads this map
            scheduledEventDispatch(dispatch, changed);
            return method.equals("PATCH") ? Answer.ok(changed) : Answer.none();
        }
        return Answer.error(404, 0, "404: Not Found (" + key + ")");
    }

    private Answer postMessage(String channelId, JsonNode body) {
        String dmUser;
        synchronized (dmChannels) {
            dmUser = dmChannels.entrySet().stream().filter(e -> e.getValue().equals(channelId))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        if (dmUser != null && closedDms.contains(dmUser)) {
            return Answer.error(403, 50007, "Cannot send messages to this user");
        }
        if (dmUser == null && !Set.of(ANNOUNCE, STAFF_CHANNEL, GENERAL, NO_EMBEDS).contains(channelId)) {
            return Answer.error(404, 10003, "Unknown Channel");
        }
        String nonce = body.path("nonce").isMissingNode() || body.path("nonce").isNull() ? null : body.get("nonce").asText();
        boolean enforce = body.path("enforce_nonce").asBoolean(false);
        synchronized (posted) {
            // Discord's enforce_nonce: a repeated nonce returns the message already created instead of a new one.
            if (enforce && nonce != null && byNonce.containsKey(channelId + "/" + nonce)) {
                return Answer.ok(byNonce.get(channelId + "/" + nonce));
            }
            ObjectNode m = message(channelId, body, false);
            posted.computeIfAbsent(channelId, c -> new ArrayList<>()).add(m);
            if (enforce && nonce != null) {
                byNonce.put(channelId + "/" + nonce, m);
            }
            return Answer.ok(m);
        }
    }

    /** Edits (content, embeds, allowed_mentions) or deletes a posted message; an unknown one is Discord's 10008. */
    private Answer changeMessage(String method, String channelId, String messageId, JsonNode body) {
        synchronized (posted) {
            List<ObjectNode> messages = posted.getOrDefault(channelId, List.of());
            ObjectNode m = messages.stream().filter(x -> x.path("id").asText().equals(messageId)).findFirst().orElse(null);
            if (m == null) {
                return Answer.error(404, 10008, "Unknown Message");
            }
            if (method.equals("DELETE")) {
                messages.remove(m);
                return Answer.none();
            }
            m.put("content", body.path("content").asText(""));
            m.put("edited_timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
            ArrayNode embeds = m.putArray("embeds");
            body.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
            return Answer.ok(m.deepCopy());
        }
    }

    private ObjectNode message(String channelId, JsonNode body, boolean webhook) {
        ObjectNode m = NODES.objectNode();
        m.put("id", next()).put("type", 0).put("channel_id", channelId == null ? GENERAL : channelId);
        m.set("author", botUser());
        m.put("content", body.path("content").asText(""));
        m.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString()).putNull("edited_timestamp");
        m.put("tts", false).put("mention_everyone", false).put("pinned", false);
        m.put("flags", body.path("flags").asInt(0));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("components");
        ArrayNode embeds = m.putArray("embeds");
        body.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        if (body.has("nonce")) {
            m.set("nonce", body.get("nonce"));
        }
        if (webhook) {
            m.put("webhook_id", BOT).put("application_id", BOT);
        }
        return m;
    }

    /**
     * A fresh snowflake from the current time: JDA reads an interaction's age from its id and refuses to answer one
     * that looks older than 15 minutes.
     */
    String next() {
        long stamp = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(ids.updateAndGet(prev -> Math.max(prev + 1, stamp)));
    }

    // ----------------------------------------------------------------------------------------------- entities

    static ObjectNode user(String id, String name) {
        ObjectNode u = NODES.objectNode();
        u.put("id", id).put("username", name).put("discriminator", "0").putNull("global_name").putNull("avatar");
        u.put("bot", false).put("public_flags", 0);
        return u;
    }

    static ObjectNode botUser() {
        ObjectNode u = user(BOT, "ccnso-bot");
        u.put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return u;
    }

    static ObjectNode member(ObjectNode user, List<String> roles) {
        ObjectNode m = NODES.objectNode();
        if (user != null) {
            m.set("user", user);
        }
        ArrayNode r = m.putArray("roles");
        roles.forEach(r::add);
        m.put("joined_at", "2024-01-01T00:00:00+00:00").put("deaf", false).put("mute", false).put("flags", 0)
                .putNull("nick").put("pending", false);
        return m;
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode r = NODES.objectNode();
        r.put("id", id).put("name", name).put("color", 0).put("hoist", false).put("position", position)
                .put("permissions", Long.toString(permissions)).put("managed", false).put("mentionable", false)
                .put("flags", 0);
        return r;
    }

    private static ObjectNode textChannel(String id, String name, int position) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id).put("type", 0).put("guild_id", GUILD).put("name", name).put("position", position)
                .putNull("parent_id").putNull("topic").put("nsfw", false).put("rate_limit_per_user", 0)
                .putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    private ObjectNode guild() {
        ObjectNode g = NODES.objectNode();
        g.put("id", GUILD).put("name", "ccNSO").put("owner_id", STAFFER).put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("preferred_locale", "en-US")
                .put("member_count", 4).put("large", false).put("unavailable", false)
                .put("joined_at", "2024-01-01T00:00:00+00:00").put("system_channel_flags", 0)
                .put("premium_progress_bar_enabled", false).putNull("icon").putNull("description");
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD, "@everyone", VIEW_CHANNEL | SEND_MESSAGES | READ_HISTORY | USE_COMMANDS, 0));
        roles.add(role(MEMBER_ROLE, "ccNSO member", 0, 1));
        roles.add(role(STAFF_ROLE, "ccNSO staff", 0, 2));
        roles.add(role(BOT_ROLE, "ccnso-bot", EMBED_LINKS | MANAGE_EVENTS | CREATE_EVENTS, 3));
        ArrayNode channels = g.putArray("channels");
        channels.add(textChannel(ANNOUNCE, "announcements", 0));
        channels.add(textChannel(STAFF_CHANNEL, "staff", 1));
        channels.add(textChannel(GENERAL, "general", 2));
        ObjectNode noEmbeds = textChannel(NO_EMBEDS, "no-embeds", 3);
        noEmbeds.withArray("permission_overwrites").addObject().put("id", BOT_ROLE).put("type", 0)
                .put("allow", "0").put("deny", Long.toString(EMBED_LINKS));
        channels.add(noEmbeds);
        g.putArray("threads");
        ArrayNode listed = g.putArray("guild_scheduled_events");
        scheduledEvents().values().forEach(e -> listed.add(e.deepCopy()));
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("members").add(member(botUser(), List.of(BOT_ROLE)));
        return g;
    }

    // ---------------------------------------------------------------------------------------- gateway control

    /** Pushes a slash command; returns the interaction token that the answer's webhook paths carry. */
    String slash(String command, ArrayNode options, String userId, List<String> roles) throws InterruptedException {
        return interaction(2, command, options, userId, roles);
    }

    /** A member clicks a button with {@code customId} on a message the bot posted; returns the interaction token. */
    String button(String customId, String userId, List<String> roles) {
        String id = next();
        String token = "tok-" + id;
        ObjectNode d = NODES.objectNode();
        d.put("id", id).put("application_id", BOT).put("type", 3).put("token", token).put("version", 1)
                .put("guild_id", GUILD).put("channel_id", GENERAL).put("locale", userLocale).put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS)).put("context", 0);
        d.putObject("authorizing_integration_owners").put("0", GUILD);
        d.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        d.set("channel", textChannel(GENERAL, "general", 2));
        ObjectNode member = member(user(userId, "member-" + userId.substring(userId.length() - 2)), roles);
        member.put("permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES));
        d.set("member", member);
        d.putArray("entitlements");
        d.set("message", message(GENERAL, NODES.objectNode().put("content", "an event card"), false));
        d.putObject("data").put("custom_id", customId).put("component_type", 2);
        gateway.dispatch("INTERACTION_CREATE", d);
        return token;
    }

    /**
     * A member submits a modal the bot opened ({@code customId}) with these values by text input id, as Discord sends
     * it for a modal of labelled text inputs: {@code data.components[]} of type 18 (label), each with its
     * {@code component} of type 4 carrying {@code custom_id} and {@code value}. Returns the interaction token.
     */
    String modalSubmit(String customId, String userId, List<String> roles, Map<String, String> values) {
        String id = next();
        String token = "tok-" + id;
        ObjectNode d = NODES.objectNode();
        d.put("id", id).put("application_id", BOT).put("type", 5).put("token", token).put("version", 1)
                .put("guild_id", GUILD).put("channel_id", GENERAL).put("locale", userLocale).put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS)).put("context", 0);
        d.putObject("authorizing_integration_owners").put("0", GUILD);
        d.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        d.set("channel", textChannel(GENERAL, "general", 2));
        ObjectNode member = member(user(userId, "member-" + userId.substring(userId.length() - 2)), roles);
        member.put("permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES));
        d.set("member", member);
        d.putArray("entitlements");
        ObjectNode data = d.putObject("data").put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int n = 1;
        for (Map.Entry<String, String> e : values.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", n++);
            label.putObject("component").put("type", 4).put("id", n++).put("custom_id", e.getKey())
                    .put("value", e.getValue());
        }
        gateway.dispatch("INTERACTION_CREATE", d);
        return token;
    }

    /** Why Discord would refuse this modal (its documented bounds), or null when it would show it. */
    static String invalidModal(JsonNode data) {
        String id = data.path("custom_id").asText("");
        String title = data.path("title").asText("");
        JsonNode components = data.path("components");
        if (id.isEmpty() || id.length() > 100) {
            return "custom_id must be 1 to 100 characters";
        }
        if (title.isEmpty() || title.length() > 45) {
            return "title must be 1 to 45 characters";
        }
        if (!components.isArray() || components.size() < 1 || components.size() > 5) {
            return "a modal has 1 to 5 components";
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode c : components) {
            JsonNode input = c.path("component");
            if (c.path("type").asInt() != 18 || input.path("type").asInt() != 4) {
                return "each component must be a label (18) around a text input (4)";
            }
            String label = c.path("label").asText("");
            String inputId = input.path("custom_id").asText("");
            int max = input.path("max_length").asInt(4000);
            if (label.isEmpty() || label.length() > 45) {
                return "label must be 1 to 45 characters: " + label;
            }
            if (inputId.isEmpty() || inputId.length() > 100 || !ids.add(inputId)) {
                return "text input custom_id must be 1 to 100 characters and unique: " + inputId;
            }
            if (max < 1 || max > 4000 || input.path("value").asText("").length() > max
                    || input.path("placeholder").asText("").length() > 100) {
                return "text input " + inputId + " is out of bounds";
            }
            int style = input.path("style").asInt();
            if (style != 1 && style != 2) {
                return "text input " + inputId + " has style " + style;
            }
        }
        return null;
    }

    String interaction(int type, String command, ArrayNode options, String userId, List<String> roles)
            throws InterruptedException {
        String id = next();
        String token = "tok-" + id;
        ObjectNode d = NODES.objectNode();
        d.put("id", id).put("application_id", BOT).put("type", type).put("token", token).put("version", 1)
                .put("guild_id", GUILD).put("channel_id", GENERAL).put("locale", userLocale).put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS)).put("context", 0);
        d.putObject("authorizing_integration_owners").put("0", GUILD);
        d.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        d.set("channel", textChannel(GENERAL, "general", 2));
        ObjectNode member = member(user(userId, "member-" + userId.substring(userId.length() - 2)), roles);
        member.put("permissions", Long.toString(VIEW_CHANNEL | SEND_MESSAGES));
        d.set("member", member);
        d.putArray("entitlements");
        ObjectNode data = d.putObject("data");
        String commandId = "0";
        for (JsonNode c : registeredCommands) {
            if (c.path("name").asText().equals(command)) {
                commandId = c.path("id").asText();
            }
        }
        data.put("id", commandId.equals("0") ? next() : commandId).put("name", command).put("type", 1)
                .put("guild_id", GUILD);
        data.set("options", options == null ? NODES.arrayNode() : options);
        gateway.dispatch("INTERACTION_CREATE", d);
        return token;
    }

    static ArrayNode options(Object... nameTypeValue) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            ObjectNode o = out.addObject().put("name", (String) nameTypeValue[i]).put("type", (Integer) nameTypeValue[i + 1]);
            Object v = nameTypeValue[i + 2];
            if (v instanceof Long l) {
                o.put("value", l);
            } else if (v instanceof java.math.BigInteger big) {
                o.put("value", big);
            } else if (v instanceof Integer n) {
                o.put("value", n);
            } else if (v instanceof Boolean b) {
                o.put("value", b);
            } else {
                o.put("value", String.valueOf(v));
            }
        }
        return out;
    }

    /** A member writes in a guild channel. */
    void guildMessage(String userId, List<String> roles, String channelId, String content) {
        ObjectNode d = NODES.objectNode();
        d.put("id", next()).put("type", 0).put("channel_id", channelId).put("guild_id", GUILD)
                .put("content", content).put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", 0);
        d.set("author", user(userId, "member-" + userId.substring(userId.length() - 2)));
        d.set("member", member(null, roles));
        ArrayNode mentions = d.putArray("mentions");
        if (content.contains("<@" + BOT + ">")) {
            mentions.add(botUser());
        }
        d.putArray("mention_roles");
        d.putArray("attachments");
        d.putArray("embeds");
        d.putArray("components");
        gateway.dispatch("MESSAGE_CREATE", d);
    }

    /** A member writes to the bot in DMs; returns the DM channel id. */
    String directMessage(String userId, String content) {
        String channel;
        synchronized (dmChannels) {
            channel = dmChannels.computeIfAbsent(userId, u -> next());
        }
        ObjectNode d = NODES.objectNode();
        d.put("id", next()).put("type", 0).put("channel_id", channel).put("content", content)
                .put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", 0);
        d.set("author", user(userId, "member-" + userId.substring(userId.length() - 2)));
        d.putArray("mentions");
        d.putArray("mention_roles");
        d.putArray("attachments");
        d.putArray("embeds");
        d.putArray("components");
        gateway.dispatch("MESSAGE_CREATE", d);
        return channel;
    }

    /** A member of staff adds an event to the server's list by hand (no calendar marker); returns its id. */
    String handMadeEvent(String name, Instant start) {
        ObjectNode e = NODES.objectNode().put("id", next()).put("guild_id", GUILD).put("name", name)
                .put("description", "made in the Discord client").put("creator_id", STAFFER).put("status", 1)
                .put("user_count", 3).put("privacy_level", 2).put("entity_type", 3).putNull("channel_id")
                .putNull("entity_id").putNull("image").put("scheduled_start_time", start.toString())
                .put("scheduled_end_time", start.plusSeconds(3600).toString());
        e.putObject("entity_metadata").put("location", "Online");
        synchronized (scheduledEvents) {
            scheduledEvents.put(e.get("id").asText(), e);
        }
        scheduledEventDispatch("GUILD_SCHEDULED_EVENT_CREATE", e);
        return e.get("id").asText();
    }

    /** Discord's GUILD_SCHEDULED_EVENTS intent: without it the gateway sends no scheduled-event dispatches. */
    static final long SCHEDULED_EVENTS_INTENT = 1L << 16;

    /** The intents the bot identified with. */
    long intents() {
        return gateway.intents;
    }

    /** Sends a scheduled-event dispatch, as Discord does only to a session identified with the intent for them. */
    private void scheduledEventDispatch(String type, ObjectNode event) {
        if ((gateway.intents & SCHEDULED_EVENTS_INTENT) != 0) {
            gateway.dispatch(type, event.deepCopy());
        }
    }

    /**
     * A member clicks "Interested" ({@code interested}) or "Not interested" on the server's scheduled event
     * {@code scheduledEventId}.
     */
    void interest(String userId, String scheduledEventId, boolean interested) {
        ObjectNode d = NODES.objectNode().put("guild_scheduled_event_id", scheduledEventId).put("user_id", userId)
                .put("guild_id", GUILD);
        synchronized (scheduledEvents) {
            ObjectNode e = scheduledEvents.get(scheduledEventId);
            if (e != null) {
                e.put("user_count", Math.max(0, e.path("user_count").asInt() + (interested ? 1 : -1)));
            }
        }
        if ((gateway.intents & SCHEDULED_EVENTS_INTENT) != 0) {
            gateway.dispatch(interested ? "GUILD_SCHEDULED_EVENT_USER_ADD" : "GUILD_SCHEDULED_EVENT_USER_REMOVE", d);
        }
    }

    /** Asks the bot to reconnect (op 7), as Discord does before moving a session. */
    void requestReconnect() {
        gateway.send(NODES.objectNode().put("op", 7).putNull("d"));
    }

    /** Closes the gateway connection from the server side with a resumable close code. */
    void dropConnection() {
        gateway.drop();
    }

    int identifies() {
        return requests(r -> r.method().equals("WS") && r.path().equals("op:2")).size();
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.stop(1000);
        } finally {
            http.stop(0);
            httpThreads.shutdownNow();
        }
    }

    // ----------------------------------------------------------------------------------------------- gateway

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        private volatile WebSocket current;
        volatile long intents;
        private int seq;
        private final String sessionId = "session-" + Long.toHexString(System.nanoTime());

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            current = conn;
            record(new Request("WS", "open", handshake.getResourceDescriptor(), NODES.nullNode()));
            conn.send(NODES.objectNode().put("op", 10).putNull("s").putNull("t")
                    .set("d", NODES.objectNode().put("heartbeat_interval", 41250)).toString());
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode frame;
            try {
                frame = JSON.readTree(message);
            } catch (IOException e) {
                return;
            }
            int op = frame.path("op").asInt();
            switch (op) {
                case 1 -> conn.send("{\"op\":11}");
                case 2 -> identify(conn, frame.path("d"));
                case 6 -> resume(conn, frame.path("d"));
                default -> {
                }
            }
            // Recorded after answering, so a test that waits for a RESUME pushes its next event after RESUMED.
            record(new Request("WS", "op:" + op, null, frame.path("d")));
        }

        private synchronized void identify(WebSocket conn, JsonNode d) {
            if (!TOKEN.equals(d.path("token").asText())) {
                conn.close(4004, "Authentication failed.");
                return;
            }
            seq = 0;
            intents = d.path("intents").asLong();
            ObjectNode ready = NODES.objectNode();
            ready.put("v", 10).put("session_id", sessionId).put("resume_gateway_url", gatewayUrl());
            ready.set("user", botUser());
            ready.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
            ready.putObject("application").put("id", BOT).put("flags", 0);
            ready.putArray("private_channels");
            ready.putArray("relationships");
            ready.putArray("presences");
            ready.putObject("user_settings");
            dispatchTo(conn, "READY", ready);
            dispatchTo(conn, "GUILD_CREATE", guild());
        }

        private synchronized void resume(WebSocket conn, JsonNode d) {
            if (!sessionId.equals(d.path("session_id").asText()) || !TOKEN.equals(d.path("token").asText())) {
                conn.send(NODES.objectNode().put("op", 9).put("d", false).toString());
                return;
            }
            dispatchTo(conn, "RESUMED", NODES.objectNode());
        }

        synchronized void dispatch(String type, JsonNode d) {
            dispatchTo(current, type, d);
        }

        private synchronized void dispatchTo(WebSocket conn, String type, JsonNode d) {
            ObjectNode frame = NODES.objectNode().put("op", 0).put("t", type).put("s", ++seq);
            frame.set("d", d);
            conn.send(frame.toString());
        }

        void send(JsonNode frame) {
            current.send(frame.toString());
        }

        void drop() {
            current.close(4000, "fake gateway dropped the connection");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            record(new Request("WS", "close", code + " " + reason, NODES.nullNode()));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.countDown();
            }
        }
    }
}
