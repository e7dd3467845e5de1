package org.ccnsobot.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ccnsobot.bot.BotMetrics;
import org.ccnsobot.config.AdminConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: 200 with {@code {"status":"ok",...}} when the database answers and every configured
 * platform is connected, else 503 with the problems named. {@code GET /metrics}: the bot's meters in Prometheus
 * text format. Anything else is 404, and any method but GET or HEAD 405. One small thread pool: a scraper is the
 * only expected client.
 */
public final class AdminServer implements AutoCloseable {
    /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections. */
    public static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK's server writes headers and body as two segments; with Nagle's algorithm on, the body waits for
        // the client's delayed ACK (~40 ms a scrape). Read once, when the first HttpServer is made in the process
        // (Main sets it too, before any listener).
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BotMetrics metrics;
    private final PrometheusMeterRegistry prometheus;

    private AdminServer(HttpServer server, ExecutorService executor, BotMetrics metrics,
                        PrometheusMeterRegistry prometheus) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.prometheus = prometheus;
    }

    /** Listens on {@code config}'s address (port 0: any free one, see {@link #port}) for {@code metrics}' bot. */
    public static AdminServer start(AdminConfig config, BotMetrics metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        });
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.registry().add(prometheus);
        AdminServer admin = new AdminServer(server, executor, metrics, prometheus);
        server.createContext("/", admin::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Admin listener on http://{}:{} (/healthz, /metrics)", config.bind(), admin.port());
        return admin;
    }

    /** The port listened on (the chosen one when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            switch (path) {
                case "/healthz" -> health(exchange);
                case "/metrics" -> {
                    metrics.refresh();
                    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
                }
                default -> send(exchange, 404, "text/plain; charset=utf-8", "not found: try /healthz or /metrics\n");
            }
        } catch (RuntimeException e) {
            // a failing scrape must never take the listener down; the scraper sees a 500 and the log has why
            LOG.warn("Admin request {} failed: {}", exchange.getRequestURI(), e.toString());
            try {
                send(exchange, 500, "text/plain; charset=utf-8", "internal error: " + e.getMessage() + "\n");
            } catch (IOException | RuntimeException ignored) {
                // the headers were already sent: nothing more to say
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        List<String> problems = metrics.problems();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", problems.isEmpty() ? "ok" : "unhealthy");
        body.put("database", problems.stream().anyMatch(p -> p.startsWith("database:")) ? "failing" : "ok");
        ObjectNode platforms = body.putObject("platforms");
        metrics.platformStates().forEach((id, up) -> platforms.put(id, up ? "connected" : "disconnected"));
        problems.forEach(body.putArray("problems")::add);
        send(exchange, problems.isEmpty() ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        metrics.registry().remove(prometheus);
        prometheus.close();
    }
}
