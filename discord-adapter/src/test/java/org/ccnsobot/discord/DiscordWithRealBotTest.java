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

    /**
     * Issue 14 (i18n14e): with the announcement channel written {@code {id: …, language: fr}}, the events the bot
     * mirrors into the server's list (through the real core's wiring, {@code Bot.start}) carry the French title and
     * French lines the adapter adds; an event with no place is "En ligne", one without a time says so in French.
     */
    @Test
    void mirroredEventsAreWordedInTheAnnouncementChannelsLanguage() throws Exception {
        // Discord takes only events in its own future, so this calendar lives at the real clock's today
        ManualClock clock = new ManualClock(Instant.now());
        com.fasterxml.jackson.databind.node.ObjectNode discord = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        discord.putObject("announcementChannel").put("id", FakeDiscord.ANNOUNCE).put("language", "fr");
        org.ccnsobot.config.BotConfig config = org.ccnsobot.config.BotConfig.defaults()
                .withDatabase(dir.resolve("bot.db")).withCalendar(BotFixture.seedCalendar())
                .withPlatforms(Map.of("discord", discord));
        try (FakeDiscord fake = new FakeDiscord()) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(clock));
            try (Bot bot = Bot.open(config, clock, List.of(platform))) {
                Event like = bot.calendar().event("council-202").orElseThrow();
                Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
                bot.calendar().saveEvent(new Event("council-soon", "ccNSO Council meeting", like.kind(), null, start,
                        start.plus(Duration.ofMinutes(90)), start.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
                        null, org.ccnsobot.domain.Access.OPEN, "Agenda to follow.", List.of("Council"), List.of(),
                        EventStatus.SCHEDULED, like.source(), null, 0, null,
                        org.ccnsobot.domain.Translations.of(Map.of("fr", "Réunion du Conseil de la ccNSO"))));
                java.time.LocalDate day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(5);
                bot.calendar().saveEvent(new Event("grc-tba", "GRC call", like.kind(), null, null, null, day,
                        ZoneOffset.UTC, null, org.ccnsobot.domain.Access.CLOSED, null, List.of("GRC"), List.of(),
                        EventStatus.SCHEDULED, like.source(), null, 0));
                platform.start(bot);
                bot.start(false);

                JsonNode council = awaitMirrored(fake, "council-soon");
                assertThat(council.path("name").asText()).isEqualTo("Réunion du Conseil de la ccNSO");
                assertThat(council.path("description").asText()).isEqualTo("Agenda to follow.\nComités : Council"
                        + "\nAccès : ouvert à tous\n\n" + ScheduledEvents.marker("council-soon"));
                assertThat(council.path("entity_metadata").path("location").asText()).isEqualTo("En ligne");
                JsonNode tba = awaitMirrored(fake, "grc-tba");
                assertThat(tba.path("description").asText()).isEqualTo("Comités : GRC\nAccès : réservé aux membres"
                        + "\nHoraire communiqué ultérieurement.\n\n" + ScheduledEvents.marker("grc-tba"));
            } finally {
                platform.close();
            }
        }
    }

    /**
     * Issue 14 (i18n14e): the committee autocomplete of a member whose Discord is in French (or Latin-American
     * Spanish) offers the calendar's translated name; the value submitted stays the acronym; English otherwise.
     */
    @Test
    void committeeAutocompleteOffersTheTranslatedNameInTheInteractionsLocale() throws Exception {
        try (FakeDiscord fake = new FakeDiscord();
             Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                    new PlatformContext(bot.clock()));
            try {
                platform.start(bot);
                fake.await("PUT", "/applications/" + FakeDiscord.BOT + "/guilds/" + FakeDiscord.GUILD + "/commands");
                assertThat(autocomplete(fake, "fr", "counc")).containsEntry("Council", "Council — Conseil de la ccNSO");
                assertThat(autocomplete(fake, "es-419", "counc")).containsEntry("Council", "Council — Consejo de la ccNSO");
                assertThat(autocomplete(fake, "es-ES", "consejo")).containsEntry("Council",
                        "Council — Consejo de la ccNSO");
                assertThat(autocomplete(fake, "en-GB", "counc")).containsEntry("Council", "Council — ccNSO Council");
                // a committee the calendar does not translate keeps its English name
                assertThat(autocomplete(fake, "fr", "grc")).containsEntry("GRC", "GRC — Guidelines Review Committee");
            } finally {
                platform.close();
            }
        }
    }

    /** Types {@code prefix} into /committee's name in a client of {@code locale}; the choices offered, value to name. */
    private static Map<String, String> autocomplete(FakeDiscord fake, String locale, String prefix) throws Exception {
        fake.userLocale = locale;
        com.fasterxml.jackson.databind.node.ArrayNode options = FakeDiscord.options("name", 3, prefix);
        ((com.fasterxml.jackson.databind.node.ObjectNode) options.get(0)).put("focused", true);
        String token = fake.interaction(4, "committee", options, FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("autocomplete result: " + callback).isEqualTo(8);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        callback.path("data").path("choices").forEach(c -> out.put(c.path("value").asText(), c.path("name").asText()));
        return out;
    }

    /** Waits (up to 20 s) for the scheduled event that mirrors calendar event {@code eventId}. */
    private static JsonNode awaitMirrored(FakeDiscord fake, String eventId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : fake.scheduledEvents().values()) {
                if (e.path("description").asText().endsWith(ScheduledEvents.marker(eventId))) {
                    return e;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("no scheduled event mirrors " + eventId + ": " + fake.scheduledEvents());
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
