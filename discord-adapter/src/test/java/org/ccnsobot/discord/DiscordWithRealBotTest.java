package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.testing.BotFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.mirror.EventMirroring;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.features.subscriptions.Subscriptions.Topic;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole bot on Discord: real JDA, the real core on a seeded SQLite file, the fake Discord on 127.0.0.1. */
class DiscordWithRealBotTest {
    @TempDir
    Path dir;

    @Test
    void whenCouncilIsAnsweredWithTheCouncilMeetingInEveryMembersLocalTime() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                // the slash commands registered are core's own list
                JsonNode commands = fake.await("PUT", "/applications/" + FakeDiscord.BOT + "/guilds/"
                        + FakeDiscord.GUILD + "/commands").body();
                assertThat(commands.findValuesAsText("name")).contains("next", "when", "committee", "timezone");

                String token = fake.slash("when", FakeDiscord.options("question", 3, "next council meeting"),
                        FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
                JsonNode edit = fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT + "/" + token
                        + "/messages/@original").body();
                long epoch = Instant.parse("2024-02-15T18:00:00Z").getEpochSecond();
                assertThat(edit.toString()).contains("ccNSO Council meeting 202")
                        .contains("<t:" + epoch + ":F>").contains("<t:" + epoch + ":R>");
                assertThat(edit.path("allowed_mentions").path("parse")).isEmpty();

                // Core marks audit as personal, so Discord defers it privately: no public "thinking…" either.
                String audit = fake.slash("audit", null, FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
                JsonNode callback = fake.await("POST", "/interactions/\\d+/" + audit + "/callback").body();
                assertThat(callback.path("data").path("flags").asInt(0) & 64).isEqualTo(64);
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void aMentionSubscribesThroughCoreLikeAnyLineOfPlainWords() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                fake.guildMessage(FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE), FakeDiscord.GENERAL,
                        "<@" + FakeDiscord.BOT + "> subscribe council");
                JsonNode post = fake.await("POST", "/channels/" + FakeDiscord.GENERAL + "/messages").body();
                assertThat(post.path("content").asText()).contains("committee Council");
                assertThat(Subscriptions.sqlite(bot.database()).of("discord", FakeDiscord.MEMBER))
                        .containsExactly(Topic.committee("Council"));
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void aMemberWhoClicksInterestedOnAMirroredEventGetsItsRemindersAndLosesThemOnNotInterested() throws Exception {
        // Discord takes only events in its own future, so this calendar lives at the real clock's today
        ManualClock clock = new ManualClock(Instant.now());
        try (FakeDiscord fake = new FakeDiscord(); Bot bot = BotFixture.seedBot(dir, clock)) {
            Event like = bot.calendar().event("council-202").orElseThrow();
            Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
            bot.calendar().saveEvent(new Event("council-soon", "ccNSO Council meeting", like.kind(), null, start,
                    start.plus(Duration.ofMinutes(90)), start.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
                    null, like.access(), null, List.of("Council"), List.of(), EventStatus.SCHEDULED, like.source(),
                    null, 0));
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                assertThat(fake.intents() & FakeDiscord.SCHEDULED_EVENTS_INTENT).isNotZero();
                EventMirroring mirroring = EventMirroring.start(bot.calendar(), List.of(platform), clock);
                mirroring.syncUpcoming().get(20, TimeUnit.SECONDS);
                String mirrored = fake.scheduledEvents().entrySet().stream()
                        .filter(e -> e.getValue().path("description").asText()
                                .endsWith(ScheduledEvents.marker("council-soon")))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                Subscriptions subscriptions = Subscriptions.sqlite(bot.database());

                fake.interest(FakeDiscord.MEMBER, mirrored, true);
                awaitTopics(subscriptions, List.of(Topic.event("council-soon")));

                fake.interest(FakeDiscord.MEMBER, mirrored, false);
                awaitTopics(subscriptions, List.of());
            } finally {
                platform.close();
            }
        }
    }

    /** Waits (up to 20 s) until the member's subscriptions are {@code expected}. */
    private static void awaitTopics(Subscriptions subscriptions, List<Topic> expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!subscriptions.of("discord", FakeDiscord.MEMBER).equals(expected) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(subscriptions.of("discord", FakeDiscord.MEMBER)).containsExactlyElementsOf(expected);
    }
}
