package org.ccnsobot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For {@code bench-fanout} only: Slack's Web API on 127.0.0.1 with Slack's published chat.postMessage limits enforced,
 * so the real adapter (Bolt's client) can be timed against them. One message per second in each channel (a burst of
 * 3 allowed, Slack's "short bursts"), and 300 per rolling minute across the workspace (the low end of "several
 * hundred per minute"). Over either, it answers 429 with {@code Retry-After: 1}, as Slack does, and counts it.
 */
final class LimitedSlackApi implements AutoCloseable {
    private static final long MINUTE = 60_000_000_000L;

    private final HttpServer server;
    private final Map<String, double[]> channelBuckets = new HashMap<>();
    private final ArrayDeque<Long> workspaceWindow = new ArrayDeque<>();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    LimitedSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "limited-slack");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    int posted() {
        return posted.get();
    }

    int refused() {
        return refused.get();
    }

    int historyReads() {
        return historyReads.get();
    }

    int opens() {
        return opens.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String channel = form.getOrDefault("channel", "");
        switch (method) {
            case "auth.test" -> answer(ex, 200, "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"bench\","
                    + "\"user\":\"bot\",\"team_id\":\"T0BENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
            case "conversations.info" -> answer(ex, 200, "{\"ok\":true,\"channel\":{\"id\":\"" + channel
                    + "\",\"name\":\"news\",\"is_channel\":true,\"is_member\":true,\"is_archived\":false}}");
            case "conversations.open" -> {
                opens.incrementAndGet();
                answer(ex, 200, "{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
            }
            case "conversations.history" -> {
                historyReads.incrementAndGet();
                answer(ex, 200, "{\"ok\":true,\"messages\":[],\"has_more\":false}");
            }
            case "chat.postMessage" -> {
                if (!admit(channel, System.nanoTime())) {
                    refused.incrementAndGet();
                    ex.getResponseHeaders().set("Retry-After", "1");
                    answer(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                } else {
                    posted.incrementAndGet();
                    String dm = channel.startsWith("U") ? "D" + channel : channel;
                    answer(ex, 200, "{\"ok\":true,\"channel\":\"" + dm + "\",\"ts\":\"1700000000."
                            + String.format("%06d", ids.incrementAndGet()) + "\"}");
                }
            }
            default -> answer(ex, 200, "{\"ok\":true}");
        }
    }

    private synchronized boolean admit(String channel, long now) {
        while (!workspaceWindow.isEmpty() && now - workspaceWindow.peekFirst() >= MINUTE) {
            workspaceWindow.pollFirst();
        }
        double[] bucket = channelBuckets.computeIfAbsent(channel, c -> new double[] {3, now});
        bucket[0] = Math.min(3, bucket[0] + (now - (long) bucket[1]) / 1e9);
        bucket[1] = now;
        if (bucket[0] < 1 || workspaceWindow.size() >= 300) {
            return false;
        }
        bucket[0] -= 1;
        workspaceWindow.addLast(now);
        return true;
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
