package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.Secret;
import org.ccnsobot.testing.RecordingHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, points 8 and 9: HTTP mode against connections that never finish, and Slack's redelivery of an event
 * whose first delivery never reached the bot. Real Bolt behind {@link org.ccnsobot.port.support.http.HttpListener} on 127.0.0.1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackHttpConnectionsTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private FakeSlack fake;
    private RecordingHandler core;
    private SlackPlatform platform;
    private HttpClient client;
    private URI endpoint;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSlack();
        core = SlackCore.handler();
        SlackSettings settings = new SlackSettings(new Secret("xoxb-test-bot"), null, new Secret(SECRET), "http", 0,
                "127.0.0.1", "C0ANNOUNCE", null, fake.apiUrl(), List.of(), null);
        platform = new SlackPlatform(settings, new PlatformContext(Clock.systemUTC()));
        platform.httpLimits(new org.ccnsobot.port.support.http.HttpListener.Limits(Duration.ofSeconds(1), Duration.ofSeconds(2), 256));
        platform.start(core);
        endpoint = URI.create("http://127.0.0.1:" + platform.boundPort() + SlackPlatform.PATH);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        platform.close();
        fake.close();
    }

    @Test
    void fiftyIdleAndFiftyTricklingConnectionsDoNotKeepASignedRequestFromItsAckWithinThreeSeconds() throws Exception {
        for (int i = 0; i < 50; i++) {
            sockets.add(new Socket("127.0.0.1", platform.boundPort()));
            Socket trickle = new Socket("127.0.0.1", platform.boundPort());
            OutputStream out = trickle.getOutputStream();
            out.write(("POST " + SlackPlatform.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 900\r\n\r\ncommand=")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(trickle);
        }

        String url = fake.responseUrl("slow-conns");
        HttpResponse<String> response = client.send(signed(slashBody("next", url)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(core.next().rawText()).isEqualTo("next");
    }

    @Test
    void anIdleAndATricklingConnectionAreClosedByTheServer() throws Exception {
        Socket idle = new Socket("127.0.0.1", platform.boundPort());
        Socket trickle = new Socket("127.0.0.1", platform.boundPort());
        sockets.add(idle);
        sockets.add(trickle);
        idle.setSoTimeout(10_000);
        trickle.setSoTimeout(10_000);
        trickle.getOutputStream().write("POST /slack/events HTTP/1.1\r\nX-".getBytes(StandardCharsets.US_ASCII));

        // read() returns at the server's close (-1), or throws after 10 s: the server never closed it
        assertThat(drain(idle.getInputStream())).as("idle connection closed by the server").isTrue();
        assertThat(drain(trickle.getInputStream())).as("trickling connection closed by the server").isTrue();
    }

    @Test
    void aRedeliveredEventWhoseFirstDeliveryNeverArrivedRunsOnce() throws Exception {
        String event = """
                {"token":"x","team_id":"T0CCNSO","api_app_id":"A0CCNSO","type":"event_callback","event_id":"Ev0LOST",
                 "event_time":1700000000,"authorizations":[{"team_id":"T0CCNSO","user_id":"UBOT","is_bot":true}],
                 "event":{"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> council","ts":"1700000900.000100",
                          "channel":"C0LOST","event_ts":"1700000900.000100"}}""";
        long ts = Instant.now().getEpochSecond();
        HttpRequest first = request(event, ts).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout").build();
        HttpRequest second = request(event, ts + 1).header("X-Slack-Retry-Num", "2").header("X-Slack-Retry-Reason", "http_timeout").build();

        assertThat(client.send(first, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(client.send(second, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        fake.await("chat.postMessage", c -> "C0LOST".equals(c.form().get("channel")));
        String marker = event.replace("Ev0LOST", "Ev0LOSTMARK").replace("C0LOST", "C0LOSTMARK");
        assertThat(client.send(request(marker, ts + 2).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        fake.await("chat.postMessage", c -> "C0LOSTMARK".equals(c.form().get("channel")));
        assertThat(core.invocations).filteredOn(i -> i.place().channelId().equals("C0LOST"))
                .extracting(Invocation::rawText).containsExactly("council");
    }

    private static boolean drain(InputStream in) throws Exception {
        try {
            while (in.read() >= 0) {
                // whatever the server answered before closing
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server's close
        }
    }

    private HttpRequest.Builder request(String json, long ts) throws Exception {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", SlackHttpModeEndToEndTest.sign(ts, json))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder signed(String form) throws Exception {
        long ts = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", SlackHttpModeEndToEndTest.sign(ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    }

    private static String slashBody(String text, String responseUrl) {
        String[][] form = {{"token", "x"}, {"team_id", "T0CCNSO"}, {"team_domain", "ccnso"}, {"channel_id", "C0SLOW"},
                {"channel_name", "general"}, {"user_id", "U0MEMBER"}, {"user_name", "alice"}, {"command", "/ccnso"},
                {"text", text}, {"api_app_id", "A0CCNSO"}, {"is_enterprise_install", "false"},
                {"response_url", responseUrl}, {"trigger_id", "1.2.3"}};
        StringBuilder sb = new StringBuilder();
        for (String[] kv : form) {
            sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(kv[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
