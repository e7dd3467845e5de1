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

    /**
     * Issue 12, point 1: every staff-only command of the real core is registered with default_member_permissions "0"
     * (members do not see it until an admin grants it), every member command with none; all of core's are registered.
     */
    @Test
    void everyStaffCommandOfTheRealCoreIsHiddenFromMembersAndNoMemberCommandIs() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                JsonNode commands = fake.await("PUT", "/applications/" + FakeDiscord.BOT + "/guilds/"
                        + FakeDiscord.GUILD + "/commands").body();
                Map<String, JsonNode> registered = new java.util.HashMap<>();
                commands.forEach(c -> registered.put(c.path("name").asText(), c));
                List<org.ccnsobot.port.CommandInfo> core = bot.commands();
                assertThat(core).filteredOn(org.ccnsobot.port.CommandInfo::staffOnly).as("core has staff commands")
                        .hasSizeGreaterThanOrEqualTo(10);
                assertThat(registered.keySet()).as("every core command is registered")
                        .containsExactlyInAnyOrderElementsOf(core.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
                for (org.ccnsobot.port.CommandInfo c : core) {
                    JsonNode permissions = registered.get(c.name().toLowerCase(java.util.Locale.ROOT))
                            .path("default_member_permissions");
                    if (c.staffOnly()) {
                        assertThat(permissions.asText()).as("/" + c.name() + " is staff-only").isEqualTo("0");
                    } else {
                        assertThat(permissions.isMissingNode() || permissions.isNull())
                                .as("/" + c.name() + " is for members: " + permissions).isTrue();
                    }
                }
            } finally {
                platform.close();
            }
        }
    }

    /**
     * Issue 12, point 2: core's refusal of a public command (a staffer's /event-add with a date that does not exist)
     * is the interaction's own private answer (callback type 4, flags 64): never a public "thinking…" (type 5)
     * that is then deleted.
     */
    @Test
    void aStaffersEventAddWithABadDateIsRefusedPrivatelyWithoutAPublicDeferral() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             BotFixture f = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY)
                     .staff("discord", new org.ccnsobot.config.StaffRule(List.of(), List.of(FakeDiscord.STAFF_ROLE)))
                     .open(dir)) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(f.bot().clock()));
            try {
                platform.start(f.bot());
                String token = fake.slash("event-add", FakeDiscord.options("title", 3, "GRC working session",
                        "date", 3, "2024-02-31"), FakeDiscord.STAFFER, List.of(FakeDiscord.STAFF_ROLE));
                JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
                assertThat(callback.path("type").asInt()).as("answered at once, not deferred: " + callback).isEqualTo(4);
                assertThat(callback.path("data").path("flags").asInt(0) & 64).as("ephemeral").isEqualTo(64);
                assertThat(callback.path("data").path("content").asText()).isNotBlank();
                assertThat(fake.requests("DELETE", "/webhooks/" + FakeDiscord.BOT + "/" + token + "/.*"))
                        .as("no public deferral to delete").isEmpty();
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

    @Test
    void commandsCarryFrenchAndSpanishDescriptionsAndAFrenchClientIsAnsweredInFrench() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                JsonNode commands = fake.await("PUT", "/applications/" + FakeDiscord.BOT + "/guilds/"
                        + FakeDiscord.GUILD + "/commands").body();
                for (JsonNode c : commands) {
                    JsonNode l = c.path("description_localizations");
                    assertThat(l.path("fr").asText()).as(c.path("name").asText()).isNotBlank();
                    assertThat(l.path("es-ES").asText()).as(c.path("name").asText()).isNotBlank();
                    assertThat(l.path("es-419").asText()).isEqualTo(l.path("es-ES").asText());
                    for (JsonNode o : c.path("options")) {
                        assertThat(o.path("description_localizations").path("fr").asText())
                                .as(c.path("name").asText() + " " + o.path("name").asText()).isNotBlank();
                    }
                }
                JsonNode next = null;
                for (JsonNode c : commands) {
                    if (c.path("name").asText().equals("next")) {
                        next = c;
                    }
                }
                assertThat(next.path("description_localizations").path("fr").asText())
                        .isEqualTo("Le prochain événement, ou le prochain d'un comité ou sur un sujet");
                assertThat(next.path("description_localizations").path("es-419").asText())
                        .isEqualTo("El próximo evento, o el próximo de un comité o sobre un tema");
                assertThat(next.path("options").get(0).path("description_localizations").path("es-ES").asText())
                        .isEqualTo("Un comité, una reunión o palabras que buscar");

                // a member whose Discord is in French, who chose no language: answered in French
                fake.userLocale = "fr";
                String token = fake.slash("next", FakeDiscord.options("filter", 3, "council"), FakeDiscord.MEMBER,
                        List.of(FakeDiscord.MEMBER_ROLE));
                JsonNode edit = fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT + "/" + token
                        + "/messages/@original").body();
                assertThat(edit.toString()).contains("Council — prochaine séance");
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
