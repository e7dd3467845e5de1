package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the endpoint adds to Bolt's, at their edges, with a fixed clock. */
class SlackHttpEndpointTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long NOW = 1_709_562_600L;
    private final SlackHttpEndpoint endpoint = new SlackHttpEndpoint(null, null, SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private static String sign(long ts, String body) throws Exception {
        return SlackHttpModeEndToEndTest.sign(ts, body);
    }

    @Test
    void acceptsFiveMinutesEitherWayAndNotASecondMore() throws Exception {
        byte[] body = "command=%2Fccnso&text=next".getBytes(StandardCharsets.UTF_8);
        for (long ts : new long[] {NOW, NOW - 300, NOW + 300}) {
            assertThat(endpoint.verify(Long.toString(ts), sign(ts, new String(body, StandardCharsets.UTF_8)), body))
                    .as("ts %d", ts).isNull();
        }
        assertThat(endpoint.verify(Long.toString(NOW - 301), sign(NOW - 301, "command=%2Fccnso&text=next"), body))
                .isEqualTo("timestamp is stale");
        assertThat(endpoint.verify(Long.toString(NOW + 301), sign(NOW + 301, "command=%2Fccnso&text=next"), body))
                .isEqualTo("timestamp is in the future");
    }

    @Test
    void refusesMissingOrOddHeadersAndSignaturesOfOtherBytes() throws Exception {
        byte[] body = "command=%2Fccnso".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(NOW);
        assertThat(endpoint.verify(null, sign(NOW, "command=%2Fccnso"), body)).isNotNull();
        assertThat(endpoint.verify(ts, null, body)).isNotNull();
        assertThat(endpoint.verify("soon", sign(NOW, "command=%2Fccnso"), body)).isEqualTo("timestamp is not a number");
        assertThat(endpoint.verify(ts, sign(NOW, "command=%2fccnso"), body)).isEqualTo("signature does not match");
        assertThat(endpoint.verify(ts, "v0=", body)).isEqualTo("signature does not match");
        assertThat(endpoint.verify(ts, sign(NOW, "command=%2Fccnso").toUpperCase(), body))
                .isEqualTo("signature does not match");
    }

    @Test
    void readsAtMostTheLimit() throws Exception {
        assertThat(SlackHttpEndpoint.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
        assertThat(SlackHttpEndpoint.readAtMost(new ByteArrayInputStream(new byte[11]), 10)).isNull();
    }

    @Test
    void knowsWhatSlackSends() {
        assertThat(SlackHttpEndpoint.malformed("application/x-www-form-urlencoded", "command=%2Fccnso&text=")).isNull();
        assertThat(SlackHttpEndpoint.malformed("application/x-www-form-urlencoded; charset=utf-8",
                "payload=%7B%22type%22%3A%22block_actions%22%7D")).isNull();
        assertThat(SlackHttpEndpoint.malformed("application/json", "{\"type\":\"event_callback\"}")).isNull();
        assertThat(SlackHttpEndpoint.malformed("application/json", "{\"type\":\"event_callback\"} trailing")).isNotNull();
        assertThat(SlackHttpEndpoint.malformed(null, "command=x")).isNotNull();
        assertThat(SlackHttpEndpoint.malformed("application/json", "")).isNotNull();
    }

    @Test
    void aCommandAnswerNeverUsesMoreThanFiveResponses() {
        List<SlackRenderer.SlackMessage> pages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pages.add(new SlackRenderer.SlackMessage("page " + i, List.of(SlackRenderer.section("x"))));
        }
        List<SlackRenderer.SlackMessage> sent = SlackResponses.pages(pages, SlackResponses.MORE);
        assertThat(sent).hasSize(SlackResponses.MAX_RESPONSES);
        assertThat(sent.get(4).blocks()).hasSize(2);
        assertThat(SlackResponses.pages(pages.subList(0, 3), SlackResponses.MORE)).hasSize(3);
    }
}
