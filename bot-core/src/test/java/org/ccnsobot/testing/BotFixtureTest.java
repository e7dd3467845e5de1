package org.ccnsobot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.features.subscriptions.Subscriptions.Topic;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared fixture and fake platform themselves. */
class BotFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Destination NEWS = new Destination.Channel("chat", "news");

    @TempDir
    Path dir;

    @Test
    void theRecordFileSurvivesAReopenAndCountsEveryDeliveryOfAKey() throws Exception {
        Path file = dir.resolve("deliveries.txt");
        ManualClock clock = new ManualClock(BotFixture.START);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (RecordingPlatform first = new RecordingPlatform("chat", clock)
                .recordTo(file, new PrintStream(progress, true, StandardCharsets.UTF_8))) {
            OutgoingMessage hello = OutgoingMessage.text("hello").withIdempotencyKey("k1");
            SentRef ref = RecordingPlatform.await(first.send(NEWS, hello), WAIT);
            RecordingPlatform.await(first.send(NEWS, hello), WAIT);
            assertThat(ref.platform()).isEqualTo("chat");
            assertThat(first.delivered()).as("no dedupe").hasSize(2);
        }
        assertThat(RecordingPlatform.readLines(file)).containsExactly("k1\t" + NEWS.key(), "k1\t" + NEWS.key());
        assertThat(progress.toString(StandardCharsets.UTF_8).lines()).containsExactly("D 1", "D 2");

        // a second life of the process: what the first delivered is found in the file
        try (RecordingPlatform second = new RecordingPlatform("chat", clock).recordTo(file, System.out)) {
            assertThat(RecordingPlatform.await(second.findDelivered(NEWS, "k1"), WAIT)).isPresent();
            assertThat(RecordingPlatform.await(second.findDelivered(NEWS, "k2"), WAIT)).isEmpty();
            second.canTell(false);
            assertThat(RecordingPlatform.await(second.findDelivered(NEWS, "k1"), WAIT)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aPlatformWithEditingOffRefusesLikeThePortsDefault() throws Exception {
        RecordingPlatform plain = BotFixture.plainPlatform(new RecordingPlatform("plain", new ManualClock(BotFixture.START)));
        SentRef ref = RecordingPlatform.await(plain.send(new Destination.Channel("plain", "town-square"),
                OutgoingMessage.text("hi").withIdempotencyKey("k")), WAIT);
        assertThat(plain.capabilities()).isEmpty();
        assertThatThrownBy(() -> RecordingPlatform.await(plain.edit(ref, OutgoingMessage.text("x")), WAIT))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PlatformException.class)
                .hasMessageContaining("cannot edit");
        assertThat(plain.changes()).isEmpty();
    }

    @Test
    void aRestartOpensANewBotOnTheSameFilesWithTheSamePlatformsStartedAgain() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            Bot before = f.bot();
            RecordingPlatform chat = f.platform();
            assertThat(f.say("alice", "subscribe council")).contains("Council");

            f.restart();

            assertThat(f.bot()).isNotSameAs(before);
            assertThat(f.platform()).isSameAs(chat);
            assertThat(f.bot().databaseFile()).isEqualTo(dir.resolve("bot.db"));
            assertThat(f.bot().reminders()).as("the sender again").isPresent();
            assertThat(Subscriptions.sqlite(f.bot().database()).of("chat", "alice"))
                    .containsExactly(Topic.committee("Council"));
            assertThat(f.say("staffer", "help")).contains("(staff)");
        }
    }

    @Test
    void theSeedCalendarBotAnswersMembersAndStaff() throws Exception {
        try (BotFixture f = BotFixture.seeded(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(f.ask("when is the next council meeting?")).contains("ccNSO Council meeting 202");
            assertThat(f.staff("help").text()).contains("(staff)");
            assertThat(f.platforms()).isEmpty();
        }
    }
}
