package org.ccnsobot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack on 127.0.0.1 inside the test JVM: the Web API as form posts to {@code /api/<method>}, response_url posts to
 * {@code /respond/<id>}, and a Socket Mode WebSocket server. Every request is recorded for assertions; waiting is
 * done on futures completed by the recording, never by sleeping.
 */
final class FakeSlack implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    /** One Web API call or response_url post as received. */
    record Call(String method, Map<String, String> form, String authorization, String body) {
        JsonNode json(String field) {
            try {
                return JSON.readTree(form.get(field));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A response_url post is JSON. */
        JsonNode bodyJson() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the fake answers. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer ok(String json) {
            return new Answer(200, Map.of(), json);
        }
    }

    private record Waiter(Predicate<Call> match, int count, CompletableFuture<List<Call>> future) {
    }

    private final HttpServer http;
    private final Socket ws;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Call, Answer>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeSlack() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        http.createContext("/", this::serve);
        http.start();
        ws = new Socket(new InetSocketAddress("127.0.0.1", 0));
        ws.setReuseAddr(true);
        ws.start();
        ws.started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/respond/" + id;
    }

    /** Replaces the default answer for one Web API method. */
    void answer(String method, Function<Call, Answer> answer) {
        if (answer == null) {
            scripted.remove(method);
        } else {
            scripted.put(method, answer);
        }
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until {@code count} calls of the method (matching the predicate) have arrived. */
    List<Call> await(String method, Predicate<Call> match, int count) throws Exception {
        Predicate<Call> p = c -> c.method().equals(method) && match.test(c);
        Waiter w = new Waiter(p, count, new CompletableFuture<>());
        waiters.add(w);
        check(w);
        return w.future().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    Call await(String method) throws Exception {
        return await(method, c -> true, 1).get(0);
    }

    Call await(String method, Predicate<Call> match) throws Exception {
        List<Call> found = await(method, match, 1);
        return found.get(found.size() - 1);
    }

    private void check(Waiter w) {
        List<Call> matching = calls.stream().filter(w.match()).toList();
        if (matching.size() >= w.count()) {
            w.future().complete(matching);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            String method = path.startsWith("/api/") ? path.substring(5) : path;
            Map<String, String> form = new LinkedHashMap<>();
            if (path.startsWith("/api/")) {
                form.putAll(formOf(body));
            }
            Call call = new Call(method, form, ex.getRequestHeaders().getFirst("Authorization"), body);
            Answer answer = path.startsWith("/api/") ? scripted.getOrDefault(method, this::defaults).apply(call)
                    : Answer.ok("ok");
            calls.add(call);
            answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.getResponseHeaders().set("Content-Type", answer.body().startsWith("{") ? "application/json" : "text/plain");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
            waiters.forEach(this::check);
        }
    }

    private Answer defaults(Call call) {
        return switch (call.method()) {
            case "auth.test" -> Answer.ok("{\"ok\":true,\"url\":\"https://ccnso.slack.com/\",\"team\":\"ccNSO\","
                    + "\"user\":\"ccnsobot\",\"team_id\":\"T0CCNSO\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
            case "apps.connections.open" -> Answer.ok("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + ws.getPort()
                    + "/link/?ticket=" + ids.incrementAndGet() + "\"}");
            // as Slack does: a post to a user id lands in the app's DM with them and answers that DM's id
            case "chat.postMessage" -> Answer.ok("{\"ok\":true,\"channel\":\"" + dmOf(call.form().get("channel"))
                    + "\",\"ts\":\"1700000000." + String.format("%06d", ids.incrementAndGet()) + "\"}");
            case "chat.postEphemeral" -> Answer.ok("{\"ok\":true,\"message_ts\":\"1700000001.000100\"}");
            case "conversations.open" -> Answer.ok("{\"ok\":true,\"channel\":{\"id\":\"D" + call.form().get("users")
                    + "\"}}");
            case "chat.update" -> Answer.ok("{\"ok\":true,\"channel\":\"" + call.form().get("channel") + "\",\"ts\":\""
                    + call.form().get("ts") + "\",\"text\":\"\"}");
            case "chat.delete" -> Answer.ok("{\"ok\":true,\"channel\":\"" + call.form().get("channel") + "\",\"ts\":\""
                    + call.form().get("ts") + "\"}");
            case "conversations.info" -> Answer.ok("{\"ok\":true,\"channel\":{\"id\":\"" + call.form().get("channel")
                    + "\",\"name\":\"news\",\"is_channel\":true,\"is_member\":true,\"is_archived\":false}}");
            case "conversations.history" -> Answer.ok("{\"ok\":true,\"messages\":[],\"has_more\":false}");
            case "usergroups.users.list" -> Answer.ok("{\"ok\":true,\"users\":[]}");
            case "views.publish" -> Answer.ok("{\"ok\":true,\"view\":{\"id\":\"V1\",\"type\":\"home\"}}");
            case "views.open" -> Answer.ok("{\"ok\":true,\"view\":{\"id\":\"VM" + ids.incrementAndGet()
                    + "\",\"type\":\"modal\"}}");
            // every member reads Slack in US English unless a test scripts another locale
            case "users.info" -> Answer.ok("{\"ok\":true,\"user\":{\"id\":\"" + call.form().get("user")
                    + "\",\"name\":\"member\"" + (asksLocale(call) ? ",\"locale\":\"en-US\"" : "") + "}}");
            default -> Answer.ok("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
    }

    /** Whether a users.info call asks for the locale (the client sends include_locale=1; Slack takes true too). */
    static boolean asksLocale(Call call) {
        String v = call.form().get("include_locale");
        return "1".equals(v) || "true".equals(v);
    }

    /** The DM channel id the fake gives a user: D + the user id (as conversations.open answers too). */
    static String dmOf(String channel) {
        return channel != null && channel.startsWith("U") ? "D" + channel : channel;
    }

    static Map<String, String> formOf(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    // ---- Socket Mode ----

    /** Completes when the n-th (1-based) Socket Mode connection has opened and received its hello. */
    CompletableFuture<WebSocket> connection(int n) {
        return ws.opened(n);
    }

    int connections() {
        return ws.openCount.get();
    }

    /** Pushes an envelope on the latest connection; the future completes with the app's ack frame. */
    CompletableFuture<JsonNode> push(String type, JsonNode payload) throws Exception {
        String id = "env-" + ids.incrementAndGet();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", id);
        envelope.put("type", type);
        envelope.put("accepts_response_payload", !type.equals("events_api"));
        envelope.set("payload", payload);
        envelope.put("retry_attempt", 0);
        envelope.put("retry_reason", "");
        CompletableFuture<JsonNode> ack = ws.acks.computeIfAbsent(id, k -> new CompletableFuture<>());
        ws.latest().send(JSON.writeValueAsString(envelope));
        return ack;
    }

    /** Asks the client to reconnect, as Slack does before it rotates a connection. */
    void disconnect() {
        ws.latest().send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
    }

    @Override
    public void close() throws Exception {
        ws.stop(1000);
        http.stop(0);
    }

    private static final class Socket extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final AtomicInteger openCount = new AtomicInteger();
        final Map<Integer, CompletableFuture<WebSocket>> opens = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
        final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

        Socket(InetSocketAddress address) {
            super(address);
        }

        CompletableFuture<WebSocket> opened(int n) {
            return opens.computeIfAbsent(n, k -> new CompletableFuture<>());
        }

        WebSocket latest() {
            List<WebSocket> open = new ArrayList<>(sockets);
            for (int i = open.size() - 1; i >= 0; i--) {
                if (open.get(i).isOpen()) {
                    return open.get(i);
                }
            }
            throw new IllegalStateException("no open Socket Mode connection");
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            sockets.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                    + "\"build_number\":1,\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0CCNSO\"}}");
            opened(openCount.incrementAndGet()).complete(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            sockets.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode node = JSON.readTree(message);
                if (node.hasNonNull("envelope_id")) {
                    acks.computeIfAbsent(node.get("envelope_id").asText(), k -> new CompletableFuture<>()).complete(node);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.completeExceptionally(ex);
            }
        }

        @Override
        public void onStart() {
            started.complete(null);
        }
    }
}
