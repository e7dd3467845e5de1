package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ccnsobot.app.discordfake.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's speed section, Discord: {@code bench-fanout --platform discord} with a small N, run as the bench runs
 * it (the real outbox, the real Discord adapter and JDA, the fake with Discord's limits enforced). It checks what the
 * figures rest on, never how long it took: every member's DM landed exactly once, and the fake's limits held.
 */
class DiscordFanOutTest {
    private static final Duration SETTLE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void twelveMembersEachGetOneDmAndTheBotStaysWithinDiscordsPublishedLimits() throws Exception {
        DiscordFanOut.Result r = DiscordFanOut.run(dir, 12, Limits.PUBLISHED, SETTLE);

        assertThat(r.fanOut().complete()).isTrue();
        assertThat(r.fanOut().delivered()).isEqualTo(12);
        assertThat(r.fanOut().failed()).isZero();
        assertThat(r.dmsByUser()).isEqualTo(once(r));
        assertThat(r.opens()).isEqualTo(12);
        // the outbox's pacing and JDA's reading of the bucket headers keep the bot out of every 429
        assertThat(r.routeRefused()).isZero();
        assertThat(r.globalRefused()).isZero();
        assertThat(r.peakPerSecond()).isBetween(1, 50);
    }

    @Test
    void overAGlobalLimitTheFakeAnswers429sAndJdaWaitsThemOutWithoutLosingOrRepeatingADm() throws Exception {
        // 4 requests a second: the 24 requests of 12 DMs cannot all go through in the first one
        DiscordFanOut.Result r = DiscordFanOut.run(dir, 12, Limits.PUBLISHED.withGlobal(4), SETTLE);

        assertThat(r.globalRefused()).isPositive();
        assertThat(r.peakPerSecond()).isLessThanOrEqualTo(4);
        assertThat(r.fanOut().complete()).isTrue();
        assertThat(r.fanOut().delivered()).isEqualTo(12);
        assertThat(r.fanOut().failed()).isZero();
        assertThat(r.dmsByUser()).isEqualTo(once(r));
    }

    private static Map<String, Integer> once(DiscordFanOut.Result r) {
        return r.members().stream().collect(Collectors.toMap(Function.identity(), u -> 1));
    }
}
