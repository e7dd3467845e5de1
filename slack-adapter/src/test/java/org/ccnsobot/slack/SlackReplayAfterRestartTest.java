package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.Secret;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 9: a correctly signed request replayed after the bot restarts is refused (acked, not run): the
 * signatures served are kept in the database (V9), not only in memory. Real Bolt in HTTP mode, the real core on
 * a seeded SQLite file, the fake Slack on 127.0.0.1. The same holds for event ids: an event redelivered by Slack
 * ({@code X-Slack-Retry-Num}) after a restart, whose first delivery was processed before it, runs no more.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackReplayAfterRestartTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @TempDir
    Path dir;

    @Test
    void aSignedRequestReplayedAfterARestartDoesNotRunAgain() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             BotFixture f = BotFixture.seeded(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String url = fake.responseUrl("replayed");
            String body = slashBody("next", url, "C0FIRST");
            long ts = Instant.now().getEpochSecond();
            String signature = SlackHttpModeEndToEndTest.sign(ts, body);

            SlackPlatform first = platform(fake, f);
            try {
                assertThat(post(client, first, body, ts, signature)).isEqualTo(200);
                fake.await(url.substring(url.indexOf("/respond/")));
            } finally {
                first.close();
            }

            f.restart();
            SlackPlatform second = platform(fake, f);
            try {
                assertThat(post(client, second, body, ts, signature)).as("acked").isEqualTo(200);
                // a fresh request after the replay: once it is answered, the replay was long decided
                String marker = fake.responseUrl("after-replay");
                String markerBody = slashBody("next", marker, "C0MARK");
                long now = Instant.now().getEpochSecond();
                assertThat(post(client, second, markerBody, now, SlackHttpModeEndToEndTest.sign(now, markerBody)))
                        .isEqualTo(200);
                fake.await(marker.substring(marker.indexOf("/respond/")));
                assertThat(fake.calls(url.substring(url.indexOf("/respond/")))).as("answered once").hasSize(1);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void anEventRedeliveredAfterARestartWhoseFirstDeliveryRanDoesNotRunAgain() throws Exception {
        try (FakeSlack fake = new FakeSlack();
             BotFixture f = BotFixture.seeded(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String event = mention("Ev0RESTART", "C0EVRST");
            long ts = Instant.now().getEpochSecond();

            SlackPlatform first = platform(fake, f);
            try {
                assertThat(post(client, first, event, ts, SlackHttpModeEndToEndTest.sign(ts, event), null))
                        .isEqualTo(200);
                fake.await("chat.postMessage", c -> "C0EVRST".equals(c.form().get("channel")));
            } finally {
                first.close();
            }

            f.restart();
            SlackPlatform second = platform(fake, f);
            try {
                // Slack's redelivery is signed anew (a later timestamp), so only the event id can tell it
                long retryTs = ts + 2;
                assertThat(post(client, second, event, retryTs, SlackHttpModeEndToEndTest.sign(retryTs, event), "1"))
                        .as("acked").isEqualTo(200);
                // a fresh event after the redelivery, so the bot has demonstrably run events since the restart
                String marker = mention("Ev0RESTARTMARK", "C0EVMARK");
                long now = Instant.now().getEpochSecond();
                assertThat(post(client, second, marker, now, SlackHttpModeEndToEndTest.sign(now, marker), null))
                        .isEqualTo(200);
                fake.await("chat.postMessage", c -> "C0EVMARK".equals(c.form().get("channel")));
                // the redelivery and the marker run on separate workers: close drains them before counting
                second.close();
                assertThat(fake.calls("chat.postMessage").stream()
                        .filter(c -> "C0EVRST".equals(c.form().get("channel")))).as("answered once").hasSize(1);
            } finally {
                second.close();
            }
        }
    }

    private static String mention(String eventId, String channel) {
        return """
                {"token":"x","team_id":"T0CCNSO","api_app_id":"A0CCNSO","type":"event_callback","event_id":"%s",
                 "event_time":1700000000,"authorizations":[{"team_id":"T0CCNSO","user_id":"UBOT","is_bot":true}],
                 "event":{"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> next","ts":"1700000700.000100",
                          "channel":"%s","event_ts":"1700000700.000100"}}""".formatted(eventId, channel);
    }

    private static SlackPlatform platform(FakeSlack fake, BotFixture f) throws Exception {
        SlackSettings settings = new SlackSettings(new Secret("xoxb-test-bot"), null, new Secret(SECRET), "http", 0,
                "127.0.0.1", "C0ANNOUNCE", null, fake.apiUrl(), List.of(), null);
        SlackPlatform p = new SlackPlatform(settings, new PlatformContext(f.bot().clock()));
        p.start(f.bot());
        return p;
    }

    private static int post(HttpClient client, SlackPlatform p, String body, long ts, String signature) throws Exception {
        return post(client, p, body, ts, signature, null);
    }

    /** A form body, or a JSON event when {@code body} starts with a brace; {@code retryNum} as Slack sends it. */
    private static int post(HttpClient client, SlackPlatform p, String body, long ts, String signature,
                            String retryNum) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.boundPort() + SlackPlatform.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (retryNum != null) {
            r.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String slashBody(String text, String responseUrl, String channel) {
        String[][] form = {{"token", "x"}, {"team_id", "T0CCNSO"}, {"team_domain", "ccnso"}, {"channel_id", channel},
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
