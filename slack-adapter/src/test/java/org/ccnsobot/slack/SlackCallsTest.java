package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.ccnsobot.port.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How Web API outcomes become results or the port's transient / permanent failures. */
class SlackCallsTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final SlackCalls calls = new SlackCalls(executor, 3, Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static SlackApiException http(int status, String retryAfter, String body) {
        Response.Builder r = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/api/x").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("status " + status)
                .body(ResponseBody.create(body, null));
        if (retryAfter != null) {
            r.header("Retry-After", retryAfter);
        }
        return new SlackApiException(r.build(), body);
    }

    private static ChatPostMessageResponse ok(boolean ok, String error) {
        ChatPostMessageResponse r = new ChatPostMessageResponse();
        r.setOk(ok);
        r.setError(error);
        r.setTs("1.2");
        return r;
    }

    private PlatformException failure(SlackCalls.Call<ChatPostMessageResponse> call) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> calls.call("chat.postMessage", call).get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(PlatformException.class);
        return (PlatformException) e.getCause();
    }

    @Test
    void a429IsRetriedAfterRetryAfterUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ChatPostMessageResponse r = calls.call("chat.postMessage", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw http(429, "0", "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            return ok(true, null);
        }).get(10, TimeUnit.SECONDS);
        assertThat(r.getTs()).isEqualTo("1.2");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRateLimitThatOutlastsTheAttemptsIsTransient() {
        AtomicInteger attempts = new AtomicInteger();
        PlatformException e = failure(() -> {
            attempts.incrementAndGet();
            throw http(429, "0", "{\"ok\":false,\"error\":\"ratelimited\"}");
        });
        assertThat(e.isTransient()).isTrue();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void slackErrorsArePermanentUnlessARetryCanHelp() {
        assertThat(failure(() -> ok(false, "not_in_channel")).isTransient()).isFalse();
        assertThat(failure(() -> ok(false, "channel_not_found")).getMessage()).contains("channel_not_found");
        assertThat(failure(() -> ok(false, "internal_error")).isTransient()).isTrue();
        assertThat(failure(() -> {
            throw http(502, null, "bad gateway");
        }).isTransient()).isTrue();
        assertThat(failure(() -> {
            throw new IOException("connection refused");
        }).isTransient()).isTrue();
    }

    @Test
    void awaitTurnsAFailureIntoThePlatformException() {
        assertThatThrownBy(() -> calls.await("auth.test", () -> ok(false, "invalid_auth"), Duration.ofSeconds(5)))
                .isInstanceOf(PlatformException.class).hasMessage("auth.test failed: invalid_auth");
    }
}
