package org.ccnsobot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ccnsobot.port.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Web API calls off the caller's thread and turns Slack's answers into the port's failure model.
 *
 * <p>slack-api-client's synchronous client does not retry a 429: it records the Retry-After and throws. So the wait
 * is done here, as a delayed re-run on the executor rather than a sleeping thread, and a rate-limited message still
 * lands exactly once because Slack did not accept the refused attempt.
 */
final class SlackCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);

    /** Errors a retry can cure; anything else Slack names is a fault in the request or the workspace set-up. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org", "timeout");

    /** One blocking Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final Executor executor;
    private final int maxAttempts;
    private final Duration maxWait;

    SlackCalls(Executor executor, int maxAttempts, Duration maxWait) {
        this.executor = executor;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
    }

    <T extends SlackApiTextResponse> CompletableFuture<T> call(String method, Call<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(method, call, 1, result);
        return result;
    }

    /** For start-up checks, where blocking is what the caller wants. */
    <T extends SlackApiTextResponse> T await(String method, Call<T> call, Duration timeout) throws PlatformException {
        try {
            return call(method, call).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PlatformException p) {
                throw p;
            }
            throw new PlatformException(method + " failed: " + e.getCause(), true, e.getCause());
        } catch (TimeoutException e) {
            throw new PlatformException(method + " did not answer within " + timeout.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(method + " was interrupted", true, e);
        }
    }

    private <T extends SlackApiTextResponse> void attempt(String method, Call<T> call, int attempt,
                                                          CompletableFuture<T> result) {
        try {
            executor.execute(() -> runOnce(method, call, attempt, result));
        } catch (RuntimeException e) {
            result.completeExceptionally(new PlatformException(method + ": the adapter is closing", true, e));
        }
    }

    private <T extends SlackApiTextResponse> void runOnce(String method, Call<T> call, int attempt,
                                                          CompletableFuture<T> result) {
        try {
            T response = call.run();
            if (response.isOk()) {
                result.complete(response);
            } else {
                result.completeExceptionally(failure(method, response.getError()));
            }
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429 && attempt < maxAttempts) {
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                LOG.info("{} rate limited by Slack; retrying in {} ms (attempt {} of {})", method, wait.toMillis(),
                        attempt + 1, maxAttempts);
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, executor)
                        .execute(() -> runOnce(method, call, attempt + 1, result));
            } else if (status == 429 || status >= 500) {
                result.completeExceptionally(new PlatformException(method + " failed: HTTP " + status, true, e));
            } else {
                String error = e.getError() != null ? e.getError().getError() : null;
                result.completeExceptionally(error != null ? failure(method, error)
                        : new PlatformException(method + " failed: HTTP " + status, false, e));
            }
        } catch (IOException e) {
            result.completeExceptionally(new PlatformException(method + " could not reach Slack: " + e.getMessage(),
                    true, e));
        } catch (RuntimeException e) {
            result.completeExceptionally(new PlatformException(method + " failed: " + e, false, e));
        }
    }

    static PlatformException failure(String method, String error) {
        String code = error == null ? "unknown_error" : error;
        return new PlatformException(method + " failed: " + code, TRANSIENT_ERRORS.contains(code));
    }

    private Duration retryAfter(String header) {
        long seconds;
        try {
            seconds = header == null ? 1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        Duration wait = Duration.ofSeconds(Math.max(0, seconds));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
