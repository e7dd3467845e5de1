package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 15: {@code run} as its own process, connected to a fake Slack Web API on 127.0.0.1 (HTTP mode),
 * stops in order on SIGTERM and exits 0.
 */
@DisabledOnOs(OS.WINDOWS)
class SigtermTest {
    @TempDir
    Path dir;
    private HttpServer slack;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (slack != null) {
            slack.stop(0);
        }
    }

    @Test
    void sigtermStopsTheRunningBotInOrderAndExitsZero() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        slack.createContext("/api/", ex -> {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            ex.getRequestBody().readAllBytes();
            String body = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://ccnso.slack.com/\",\"team\":\"ccNSO\",\"user\":\"bot\","
                        + "\"team_id\":\"T0CCNSO\",\"user_id\":\"UBOT\",\"bot_id\":\"B0BOT\"}";
                case "conversations.info" -> "{\"ok\":true,\"channel\":{\"id\":\"C0ANNOUNCE\",\"name\":\"news\","
                        + "\"is_channel\":true,\"is_member\":true}}";
                default -> "{\"ok\":true}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        slack.start();
        Path config = dir.resolve("ccnso-bot.yaml");
        Files.writeString(config, "database: " + dir.resolve("bot.db") + "\ncalendar: " + BotFixture.seedCalendar() + "\n"
                + "slack:\n  mode: http\n  botToken: ${SLACK_BOT_TOKEN}\n  signingSecret: ${SLACK_SIGNING_SECRET}\n"
                + "  port: 0\n  bindAddress: 127.0.0.1\n  announcementChannel: C0ANNOUNCE\n"
                + "  apiBaseUrl: http://127.0.0.1:" + slack.getAddress().getPort() + "/api/\n");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()).redirectErrorStream(true);
        pb.environment().put("SLACK_BOT_TOKEN", "xoxb-sigterm-test");
        pb.environment().put("SLACK_SIGNING_SECRET", "sigterm-test-secret");
        process = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                    if (line.startsWith("serving")) {
                        connected.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
            connected.completeExceptionally(new AssertionError("the bot never connected: " + new ArrayList<>(lines)));
        }, "sigterm-test-output");
        reader.setDaemon(true);
        reader.start();
        connected.get(60, TimeUnit.SECONDS);

        // SIGTERM as systemd sends it; Process.destroy() would also close our end of the output pipe
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        reader.join(5000);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.contains("stopping: settling the deliveries in flight"))
                .anyMatch(l -> l.equals("stopped"));
        assertThat(String.join("\n", lines)).doesNotContain("xoxb-sigterm-test", "sigterm-test-secret");
    }
}
