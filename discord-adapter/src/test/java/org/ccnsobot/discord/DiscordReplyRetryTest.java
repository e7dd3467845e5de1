package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.discord.FakeDiscord.BOT;
import static org.ccnsobot.discord.FakeDiscord.MEMBER;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.RecordingHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 6: an answer to an interaction that meets a 5xx or a dropped connection is retried with back-off
 * inside the token's window, and never lands twice. The real JDA against {@link FakeDiscord}; the back-off is
 * shortened to milliseconds so the test waits only on the fake's requests.
 */
class DiscordReplyRetryTest {
    private static final String FIVE_HUNDRED = "{\"message\":\"500: Internal Server Error\",\"code\":0}";

    FakeDiscord fake;
    RecordingHandler handler;
    DiscordPlatform platform;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDiscord();
        handler = DiscordCore.handler();
        platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                new PlatformContext(Clock.fixed(DiscordEndToEndTest.NOW, ZoneOffset.UTC)));
        platform.replyRetry(new ReplyRetry.Policy(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMinutes(14), 10));
        platform.start(handler);
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        fake.close();
    }

    @Test
    void anAnswerMeetingA500ThenADroppedConnectionIsRetriedUntilItLandsOnce() throws Exception {
        String original = "/webhooks/" + BOT + "/tok-\\d+/messages/@original";
        fake.failNext("PATCH", original, 500, FIVE_HUNDRED, Map.of(), false);
        fake.dropNext("PATCH", original);

        String token = fake.slash("next", null, MEMBER, List.of());

        List<FakeDiscord.Request> edits = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original", 3);
        assertThat(edits).allMatch(r -> r.body().path("embeds").get(1).path("title").asText().equals("ccNSO Council Meeting"),
                "every try carries the same answer");
        assertThat(fake.requests("POST", "/webhooks/" + BOT + "/" + token)).as("no second answer as a follow-up").isEmpty();
        assertThat(handler.invocations).as("core answered once").hasSize(1);
    }

    @Test
    void anAnswerThatKeepsFailingStopsAtTheAttemptLimit() throws Exception {
        String original = "/webhooks/" + BOT + "/tok-\\d+/messages/@original";
        for (int i = 0; i < 12; i++) {
            fake.failNext("PATCH", original, 500, FIVE_HUNDRED, Map.of(), false);
        }

        String token = fake.slash("next", null, MEMBER, List.of());

        fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original", 10);
        // The eleventh would come within 200 ms; a following request proves the adapter has moved on without it.
        String second = fake.slash("next", null, MEMBER, List.of());
        fake.await("PATCH", "/webhooks/" + BOT + "/" + second + "/messages/@original", 1);
        assertThat(fake.requests("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original")).hasSize(10);
    }

    @Test
    void aFollowUpPageMeetingA500IsNotPostedAgainBecauseDiscordMayHaveStoredIt() throws Exception {
        fake.failNext("POST", "/webhooks/" + BOT + "/tok-\\d+", 500, FIVE_HUNDRED, Map.of(), true);

        String token = fake.slash("history", null, MEMBER, List.of());

        fake.await("POST", "/webhooks/" + BOT + "/" + token, 1);
        String second = fake.slash("next", null, MEMBER, List.of());
        fake.await("PATCH", "/webhooks/" + BOT + "/" + second + "/messages/@original", 1);
        assertThat(fake.requests("POST", "/webhooks/" + BOT + "/" + token)).as("the stored page is not posted twice").hasSize(1);
    }
}
