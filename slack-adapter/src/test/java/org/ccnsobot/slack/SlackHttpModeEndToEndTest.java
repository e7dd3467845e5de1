package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.testing.RecordingHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ccnsobot.port.Secret;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.PlatformContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP mode: real Bolt behind the JDK HttpServer on 127.0.0.1, driven by signed requests as Slack sends them, with
 * the Web API and response_url on {@link FakeSlack}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackHttpModeEndToEndTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private FakeSlack fake;
    private RecordingHandler core;
    private SlackPlatform platform;
    private HttpClient client;
    private URI endpoint;
    private int commands;

    @BeforeAll
    void start() throws Exception {
        fake = new FakeSlack();
        core = SlackCore.handler();
        SlackSettings settings = new SlackSettings(new Secret("xoxb-test-bot"), null, new Secret(SECRET), "http", 0,
                "127.0.0.1", "C0ANNOUNCE", null, fake.apiUrl(), List.of(), null);
        platform = new SlackPlatform(settings, new PlatformContext(Clock.systemUTC()));
        platform.start(core);
        endpoint = URI.create("http://127.0.0.1:" + platform.boundPort() + SlackPlatform.PATH);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() throws Exception {
        platform.close();
        fake.close();
    }

    @BeforeEach
    void forget() {
        core.clear();
    }

    @Test
    void aCorrectlySignedCommandIsAckedAndAnswered() throws Exception {
        String url = fake.responseUrl("http-next-" + ++commands);
        String body = slashBody("next", url);
        HttpResponse<String> response = post(body, now(), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        Invocation seen = core.next();
        assertThat(seen.rawText()).isEqualTo("next");
        assertThat(seen.actor().userId()).isEqualTo("U0MEMBER");
        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        assertThat(answer.get("blocks").toString()).contains("<!date^"
                + SlackCore.COUNCIL_START.getEpochSecond() + "^{date_short_pretty} {time}|");
    }

    @Test
    void aFormSubmissionsRefusalIsTheResponseBodyBesideItsField() throws Exception {
        // issue 12, point 11: in HTTP mode the errors go back in the HTTP response to the signed view_submission
        core.staff = a -> true;
        try {
            String meta = SlackModals.metadata(new SlackModals.Meta("event-add", Map.of(), List.of("title", "date"),
                    "C0HTTP", false, null));
            com.fasterxml.jackson.databind.node.ObjectNode view = (com.fasterxml.jackson.databind.node.ObjectNode)
                    FakeSlack.JSON.readTree("""
                            {"id":"V12","type":"modal","callback_id":"ccnso_form","state":{"values":{
                              "title":{"value":{"type":"plain_text_input","value":"GRC session"}},
                              "date":{"value":{"type":"plain_text_input","value":"5 Marhc"}}}}}""");
            view.put("private_metadata", meta);
            com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode)
                    FakeSlack.JSON.readTree("""
                            {"type":"view_submission","user":{"id":"U0STAFF","username":"bart","team_id":"T0CCNSO"},
                             "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.12",
                             "team":{"id":"T0CCNSO","domain":"ccnso"}}""");
            payload.set("view", view);
            String body = "payload=" + URLEncoder.encode(FakeSlack.JSON.writeValueAsString(payload),
                    StandardCharsets.UTF_8);
            HttpResponse<String> response = post(body, now(), null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = FakeSlack.JSON.readTree(response.body());
            assertThat(answer.get("response_action").asText()).isEqualTo("errors");
            assertThat(answer.get("errors").get("date").asText()).isEqualTo("'5 Marhc' is not a date");
            Invocation seen = core.next();
            assertThat(seen.command()).isEqualTo("event-add");
            assertThat(seen.options()).isEqualTo(Map.of("title", "GRC session", "date", "5 Marhc"));
        } finally {
            core.staff = a -> a.roles().contains(SlackCore.STAFF_GROUP);
        }
    }

    @Test
    void urlVerificationChallengeIsAnswered() throws Exception {
        String body = "{\"token\":\"x\",\"challenge\":\"c0ffee\",\"type\":\"url_verification\"}";
        HttpResponse<String> response = post(body, now(), null, "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("c0ffee");
    }

    @Test
    void forgedTamperedStaleAndFutureRequestsAreRefused() throws Exception {
        String body = slashBody("next", fake.responseUrl("never")).replace("C0HTTP", "C0FORGED");
        long ts = now();
        String good = sign(ts, body);
        String wrong = sign(ts, body).substring(0, 10) + (good.charAt(10) == 'a' ? 'b' : 'a') + good.substring(11);

        assertThat(send(body, ts, wrong, null).statusCode()).as("wrong signature").isEqualTo(401);
        assertThat(send(body.replace("text=next", "text=announce+all"), ts, good, null).statusCode())
                .as("tampered body").isEqualTo(401);
        long stale = ts - 6 * 60;
        assertThat(send(body, stale, sign(stale, body), null).statusCode()).as("stale timestamp").isEqualTo(401);
        long future = ts + 6 * 60;
        assertThat(send(body, future, sign(future, body), null).statusCode()).as("future timestamp").isEqualTo(401);
        assertThat(send(body, ts, null, null).statusCode()).as("no signature").isEqualTo(401);
        assertThat(core.invocations).extracting(i -> i.place().channelId()).doesNotContain("C0FORGED");
        assertThat(fake.calls("/respond/never")).isEmpty();
    }

    @Test
    void aRetriedOrReplayedDeliveryIsHandledOnce() throws Exception {
        String url = fake.responseUrl("http-retry-" + ++commands);
        String body = slashBody("when council", url).replace("C0HTTP", "C0RETRY");
        long ts = now();
        assertThat(post(body, ts, null, null).statusCode()).isEqualTo(200);
        // the same request again, byte for byte: the same signature
        assertThat(post(body, ts, null, null).statusCode()).isEqualTo(200);
        // Slack's own retry, re-signed, with its retry header
        HttpRequest retry = request(body, ts + 1, sign(ts + 1, body), null).header("X-Slack-Retry-Num", "1")
                .header("X-Slack-Retry-Reason", "http_timeout").build();
        assertThat(client.send(retry, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        fake.await(url.substring(url.indexOf("/respond/")));
        // a marker request after the duplicates: once core has it, the duplicates were decided long before
        String marker = fake.responseUrl("http-marker-" + ++commands);
        assertThat(post(slashBody("next", marker).replace("C0HTTP", "C0MARK"), now(), null, null).statusCode())
                .isEqualTo(200);
        fake.await(marker.substring(marker.indexOf("/respond/")));
        assertThat(core.invocations).filteredOn(i -> i.place().channelId().equals("C0RETRY")).hasSize(1);
    }

    @Test
    void anEventThatSlackRetriesIsAnsweredOnce() throws Exception {
        String event = """
                {"token":"x","team_id":"T0CCNSO","api_app_id":"A0CCNSO","type":"event_callback","event_id":"Ev0HTTP",
                 "event_time":1700000000,"authorizations":[{"team_id":"T0CCNSO","user_id":"UBOT","is_bot":true}],
                 "event":{"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> council","ts":"1700000700.000100",
                          "channel":"C0EVENTS","event_ts":"1700000700.000100"}}""";
        long ts = now();
        assertThat(post(event, ts, null, "application/json").statusCode()).isEqualTo(200);
        HttpRequest retry = request(event, ts + 2, sign(ts + 2, event), "application/json")
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout").build();
        assertThat(client.send(retry, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        fake.await("chat.postMessage", c -> "C0EVENTS".equals(c.form().get("channel")));
        String marker = event.replace("Ev0HTTP", "Ev0HTTPMARK").replace("C0EVENTS", "C0EVMARK");
        assertThat(post(marker, now(), null, "application/json").statusCode()).isEqualTo(200);
        fake.await("chat.postMessage", c -> "C0EVMARK".equals(c.form().get("channel")));
        assertThat(fake.calls("chat.postMessage").stream().filter(c -> "C0EVENTS".equals(c.form().get("channel"))))
                .hasSize(1);
        // the mention's plain words, as core gets them from a Discord mention
        assertThat(core.invocations).filteredOn(i -> i.place().channelId().equals("C0EVENTS"))
                .extracting(Invocation::rawText).containsExactly("council");
    }

    @Test
    void oversizeAndMalformedBodiesGet4xxAndNeverReachCore() throws Exception {
        int before = core.invocations.size();
        String huge = slashBody("when " + "x".repeat(70 * 1024), fake.responseUrl("huge"));
        assertThat(post(huge, now(), null, null).statusCode()).as("oversize").isEqualTo(413);

        assertThat(post("payload=%7Bnot+json", now(), null, null).statusCode()).as("bad payload").isEqualTo(400);
        assertThat(post("payload=%ZZ", now(), null, null).statusCode()).as("bad escape").isEqualTo(400);
        assertThat(post("hello=world", now(), null, null).statusCode()).as("no command").isEqualTo(400);
        assertThat(post("[1,2,3]", now(), null, "application/json").statusCode()).as("not an object").isEqualTo(400);
        assertThat(post("{\"type\":", now(), null, "application/json").statusCode()).as("cut JSON").isEqualTo(400);
        assertThat(post("command=%2Fccnso", now(), null, "text/plain").statusCode()).as("content type").isEqualTo(400);
        byte[] notUtf8 = {'c', 'o', 'm', 'm', 'a', 'n', 'd', '=', (byte) 0xC3, (byte) 0x28};
        long ts = now();
        HttpRequest latin = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", sign(ts, notUtf8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8)).build();
        assertThat(client.send(latin, HttpResponse.BodyHandlers.ofString()).statusCode()).as("not UTF-8").isEqualTo(400);

        HttpRequest get = HttpRequest.newBuilder(endpoint).GET().build();
        assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(core.invocations).hasSize(before);
    }

    // ---- helpers ----

    private HttpResponse<String> post(String body, long ts, String signature, String contentType) throws Exception {
        return send(body, ts, signature == null ? sign(ts, body) : signature, contentType);
    }

    private HttpResponse<String> send(String body, long ts, String signature, String contentType) throws Exception {
        return client.send(request(body, ts, signature, contentType).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body, long ts, String signature, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        return b;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    static String sign(long ts, String body) throws Exception {
        return sign(ts, body.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(long ts, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String slashBody(String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "x");
        form.put("team_id", "T0CCNSO");
        form.put("team_domain", "ccnso");
        form.put("channel_id", "C0HTTP");
        form.put("channel_name", "general");
        form.put("user_id", "U0MEMBER");
        form.put("user_name", "alice");
        form.put("command", "/ccnso");
        form.put("text", text);
        form.put("api_app_id", "A0CCNSO");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1.2.3");
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
