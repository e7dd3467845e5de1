package org.ccnsobot.app.discordfake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake Discord of {@code bench-fanout} enforces Discord's limits as Discord states them, over real HTTP, on a
 * clock the test moves (no waiting for real seconds): per-route fixed-window buckets with the X-RateLimit headers,
 * the global limit, and 429 bodies with {@code retry_after} and {@code global}.
 */
class LimitedDiscordTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "400000000000000001";
    private static final String BOB = "400000000000000002";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final HttpClient client = HttpClient.newHttpClient();
    private LimitedDiscord fake;

    @BeforeEach
    void start() throws Exception {
        fake = new LimitedDiscord(Limits.PUBLISHED, nanos::get);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aSixthMessageInFiveSecondsInOneChannelIsRefusedWithTheBucketsHeadersAndRetryAfter() throws Exception {
        String dm = JSON.readTree(openDm(ALICE).body()).path("id").asText();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = post(dm, "n" + i);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
            assertThat(ok.headers().firstValue("X-RateLimit-Bucket")).hasValue("channel-messages");
            assertThat(ok.headers().firstValue("X-RateLimit-Reset-After")).hasValue("5.000");
            assertThat(ok.headers().firstValue("X-RateLimit-Reset")).isPresent();
            assertThat(ok.headers().firstValue("Via")).hasValue("1.1 google");
        }
        nanos.addAndGet(Duration.ofMillis(1500).toNanos());

        HttpResponse<String> refused = post(dm, "n5");
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("retry_after").asDouble()).isEqualTo(3.5);
        assertThat(body.path("global").asBoolean(true)).isFalse();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("4");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Scope")).hasValue("user");
        assertThat(refused.headers().firstValue("X-RateLimit-Global")).isEmpty();
        assertThat(refused.headers().firstValue("Via")).hasValue("1.1 google"); // else JDA reads a Cloudflare ban
        assertThat(fake.routeRefused()).isEqualTo(1);
        assertThat(fake.dmsByUser()).containsExactlyEntriesOf(Map.of(ALICE, 5));

        // another channel has its own bucket; this one opens again when its window ends
        String bobs = JSON.readTree(openDm(BOB).body()).path("id").asText();
        assertThat(post(bobs, "b0").statusCode()).isEqualTo(200);
        nanos.addAndGet(Duration.ofMillis(3500).toNanos());
        assertThat(post(dm, "n5").statusCode()).isEqualTo(200);
        assertThat(fake.dmsByUser()).containsEntry(ALICE, 6).containsEntry(BOB, 1);
    }

    @Test
    void past50RequestsInASecondTheBotIsRefusedGloballyUntilTheOldestIsASecondOld() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(get("users/@me").statusCode()).isEqualTo(200);
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
        }
        // 500 ms after the first: the 51st is over the limit, whatever its route
        HttpResponse<String> refused = openDm(ALICE);
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("global").asBoolean()).isTrue();
        assertThat(body.path("retry_after").asDouble()).isEqualTo(0.5);
        assertThat(refused.headers().firstValue("X-RateLimit-Global")).hasValue("true");
        assertThat(refused.headers().firstValue("X-RateLimit-Scope")).hasValue("global");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(fake.globalRefused()).isEqualTo(1);
        assertThat(fake.opens()).isZero();

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(openDm(ALICE).statusCode()).isEqualTo(200);
        assertThat(fake.peakPerSecond()).isEqualTo(50);
        assertThat(fake.admitted()).isEqualTo(51);
    }

    @Test
    void openingDmsIsOneBucketForTheBotWhateverTheUser() throws Exception {
        fake.close();
        fake = new LimitedDiscord(new Limits(50, 2, Duration.ofSeconds(1), 5, Duration.ofSeconds(5)), nanos::get);

        assertThat(openDm(ALICE).headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        assertThat(openDm(BOB).headers().firstValue("X-RateLimit-Bucket")).hasValue("dm-open");
        HttpResponse<String> refused = openDm("400000000000000003");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).path("global").asBoolean(true)).isFalse();
        assertThat(fake.opens()).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(openDm("400000000000000003").statusCode()).isEqualTo(200);
    }

    @Test
    void aRepeatedNonceWithEnforceNonceMakesNoSecondMessage() throws Exception {
        String dm = JSON.readTree(openDm(ALICE).body()).path("id").asText();
        String first = JSON.readTree(post(dm, "same").body()).path("id").asText();
        String again = JSON.readTree(post(dm, "same").body()).path("id").asText();

        assertThat(again).isEqualTo(first);
        assertThat(fake.dmsByUser()).containsExactlyEntriesOf(Map.of(ALICE, 1));
        assertThat(fake.repeatedNonces()).isEqualTo(1);
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + "users/@me"))
                .header("Authorization", "Bot not-the-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> openDm(String user) throws Exception {
        return send("POST", "users/@me/channels", "{\"recipient_id\":\"" + user + "\"}");
    }

    private HttpResponse<String> post(String channel, String nonce) throws Exception {
        return send("POST", "channels/" + channel + "/messages",
                "{\"content\":\"hello\",\"nonce\":\"" + nonce + "\",\"enforce_nonce\":true}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return client.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(fake.restUrl() + path)).header("Authorization", "Bot " + fake.token());
    }
}
