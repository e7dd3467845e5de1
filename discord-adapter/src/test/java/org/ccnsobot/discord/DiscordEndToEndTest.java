package org.ccnsobot.discord;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.discord.FakeDiscord.ANNOUNCE;
import static org.ccnsobot.discord.FakeDiscord.BOT;
import static org.ccnsobot.discord.FakeDiscord.CLOSED_DMS;
import static org.ccnsobot.discord.FakeDiscord.GENERAL;
import static org.ccnsobot.discord.FakeDiscord.MEMBER;
import static org.ccnsobot.discord.FakeDiscord.MEMBER_ROLE;
import static org.ccnsobot.discord.FakeDiscord.STAFFER;
import static org.ccnsobot.discord.FakeDiscord.STAFF_ROLE;
import static org.ccnsobot.discord.FakeDiscord.options;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.testing.RecordingHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real JDA against {@link FakeDiscord} on 127.0.0.1: each test starts the adapter through its provider, drives
 * it through the gateway or the port, and asserts on the JSON the fake received.
 */
class DiscordEndToEndTest {
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    FakeDiscord fake;
    RecordingHandler handler;
    DiscordPlatform platform;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDiscord();
        handler = DiscordCore.handler();
        platform = startPlatform();
    }

    private DiscordPlatform startPlatform() throws Exception {
        DiscordPlatform p = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                new PlatformContext(Clock.fixed(NOW, ZoneOffset.UTC)));
        p.start(handler);
        return p;
    }

    @AfterEach
    void stop() throws Exception {
        // JDA first: a fake that goes away under a live session makes JDA start reconnecting.
        if (platform != null) {
            platform.close();
        }
        fake.close();
    }

    @Test
    void logsInIdentifiesWithTheTokenAndRegistersCoreCommandsAsGuildSlashCommands() throws Exception {
        assertThat(fake.requests("GET", "/users/@me")).isNotEmpty();
        JsonNode identify = fake.await("WS", "op:2").body();
        assertThat(identify.path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(fake.await("WS", "open").query()).contains("encoding=json").doesNotContain("compress");

        JsonNode commands = fake.await("PUT", "/applications/" + BOT + "/guilds/" + FakeDiscord.GUILD + "/commands").body();
        assertThat(commands.findValuesAsText("name")).contains("next", "when", "committee", "week", "timezone", "announce");
        JsonNode week = command(commands, "week");
        assertThat(week.path("options").get(0).path("type").asInt()).as("INTEGER").isEqualTo(4);
        assertThat(week.path("options").get(1).path("choices").findValuesAsText("value")).containsExactly("session", "social");
        assertThat(command(commands, "committee").path("options").get(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(command(commands, "when").path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(command(commands, "announce").path("description").asText()).startsWith("(staff)");
        assertThat(command(commands, "announce").path("default_member_permissions").asText()).as("hidden from members").isEqualTo("0");
        JsonNode everyone = command(commands, "next").path("default_member_permissions");
        assertThat(everyone.isNull() || everyone.isMissingNode()).as("shown to everyone").isTrue();
        assertThat(platform.diagnostics()).isEmpty();
    }

    private static JsonNode command(JsonNode commands, String name) {
        for (JsonNode c : commands) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no command " + name);
    }

    @Test
    void nextIsDeferredPubliclyThenAnsweredWithAnEventEmbedInLocalAndVenueTime() throws Exception {
        String token = fake.slash("next", null, MEMBER, List.of(MEMBER_ROLE));

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("deferred channel message").isEqualTo(5);
        assertThat(callback.path("data").path("flags").asInt(0) & 64).as("public").isZero();

        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        JsonNode card = edit.path("embeds").get(1);
        long epoch = DiscordCore.COUNCIL_START.getEpochSecond();
        assertThat(card.path("title").asText()).isEqualTo("ccNSO Council Meeting");
        assertThat(card.path("description").asText())
                .contains("<t:" + epoch + ":F>", "<t:" + epoch + ":R>", "10:30 AST, San Juan")
                // the text core passed through cannot ping: the @ is defused
                .contains("@\u200Beveryone", "<@\u200B&" + STAFF_ROLE + ">");
        assertThat(card.path("fields").findValuesAsText("value")).contains("Salon 3", "Open to all", "Council");
        assertNoPings(edit);
    }

    @Test
    void theInteractionIsDeferredBeforeCoreAnswersSoSlowCoreNeverMissesDiscordsThreeSeconds() throws Exception {
        handler.gate = new java.util.concurrent.CountDownLatch(1);
        String token = fake.slash("next", null, MEMBER, List.of());

        fake.await("POST", "/interactions/\\d+/" + token + "/callback");
        assertThat(fake.requests("PATCH", ".*" + token + ".*")).as("core has not answered yet").isEmpty();
        handler.gate.countDown();
        fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original");
        assertThat(handler.threads).singleElement().asString().startsWith("discord-handler-");
    }

    @Test
    void whenCouncilHandsCoreTheTypedOptionsWithTheMembersRoles() throws Exception {
        String token = fake.slash("when", options("query", 3, "council"), MEMBER, List.of(MEMBER_ROLE));

        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("embeds").get(1).path("description").asText())
                .contains("<t:" + DiscordCore.COUNCIL_START.getEpochSecond() + ":F>");
        Invocation invocation = handler.invocations.get(0);
        assertThat(invocation.command()).isEqualTo("when");
        assertThat(invocation.options()).isEqualTo(Map.of("query", "council"));
        assertThat(invocation.actor().platform()).isEqualTo("discord");
        assertThat(invocation.actor().userId()).isEqualTo(MEMBER);
        assertThat(invocation.actor().roles()).containsExactly(MEMBER_ROLE);
        assertThat(invocation.place().channelId()).isEqualTo(GENERAL);
        assertThat(invocation.place().direct()).isFalse();
        assertThat(invocation.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aStaffCommandFromANonStaffMemberIsRefusedEphemerally() throws Exception {
        String token = fake.slash("announce", options("text", 3, "Council at 10:30"), MEMBER, List.of(MEMBER_ROLE));

        // issue 12: the deferral itself is private, so no "thinking…" ever shows in the channel (it used to be a
        // public deferral, deleted, then an ephemeral follow-up).
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(callback.path("data").path("flags").asInt() & 64).as("ephemeral deferral").isEqualTo(64);
        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("content").asText()).isEqualTo("Only ccNSO staff can use /announce.");
        assertThat(fake.requests("DELETE", ".*" + token + ".*")).as("nothing public to delete").isEmpty();
        assertNoPings(edit);
        assertThat(handler.invocations.get(0).actor().roles()).containsExactly(MEMBER_ROLE);
    }

    @Test
    void aStaffCommandFromStaffIsAcceptedInPublic() throws Exception {
        String token = fake.slash("announce", options("text", 3, "Council at 10:30"), STAFFER, List.of(STAFF_ROLE, MEMBER_ROLE));

        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("content").asText()).isEqualTo("Announcement scheduled.");
        assertThat(fake.requests("DELETE", ".*" + token + ".*")).isEmpty();
        assertThat(handler.invocations.get(0).actor().roles()).containsExactlyInAnyOrder(STAFF_ROLE, MEMBER_ROLE);
    }

    @Test
    void aLongAnswerIsPagedAtEventBoundariesWithPreviousAndNextInPlace() throws Exception {
        // issue 12: a long list pages in place with Previous / Next (it used to be a string of follow-ups)
        String token = fake.slash("week", options("weeks", 4, 25), MEMBER, List.of());

        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("embeds")).hasSize(10);
        assertThat(edit.path("embeds").get(0).path("title").asText()).isEqualTo("Session 0");
        assertThat(edit.path("embeds").get(0).path("description").asText())
                .startsWith("📅 Saturday 2 March 2024, San Juan (time to be announced)").doesNotContain("<t:");
        JsonNode nav = edit.path("components").get(0).path("components");
        assertThat(nav.findValuesAsText("label")).containsExactly("Previous", "Page 1 of 3", "Next");
        assertThat(nav.get(0).path("disabled").asBoolean()).isTrue();
        assertThat(nav.get(2).path("custom_id").asText()).isEqualTo("pg:1|week|weeks=25");
        assertThat(fake.requests("POST", "/webhooks/" + BOT + "/" + token)).as("no follow-ups").isEmpty();
        assertNoPings(edit);

        // Next, as Discord sends the click after a restart: core answers again and the message shows page 2
        platform.close();
        platform = startPlatform();
        handler.clear();
        String click = fake.button("pg:1|week|weeks=25", MEMBER, List.of());
        JsonNode ack = fake.await("POST", "/interactions/\\d+/" + click + "/callback").body();
        assertThat(ack.path("type").asInt()).as("deferred update of the message").isEqualTo(6);
        JsonNode second = fake.await("PATCH", "/webhooks/" + BOT + "/" + click + "/messages/@original").body();
        assertThat(second.path("embeds").get(0).path("title").asText()).isEqualTo("Session 10");
        assertThat(second.path("components").get(0).path("components").findValuesAsText("label"))
                .containsExactly("Previous", "Page 2 of 3", "Next");
        Invocation again = handler.next();
        assertThat(again.command()).isEqualTo("week");
        assertThat(again.options()).isEqualTo(Map.of("weeks", "25"));

        String last = fake.button("pg:2|week|weeks=25", MEMBER, List.of());
        JsonNode third = fake.await("PATCH", "/webhooks/" + BOT + "/" + last + "/messages/@original").body();
        assertThat(third.path("embeds")).hasSize(5);
        assertThat(third.path("embeds").get(4).path("title").asText()).isEqualTo("Session 24");
        assertThat(third.path("components").get(0).path("components").get(2).path("disabled").asBoolean()).isTrue();
    }

    @Test
    void aPersonalCommandIsDeferredEphemerally() throws Exception {
        String token = fake.slash("timezone", options("zone", 3, "Europe/Brussels"), MEMBER, List.of());

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).isEqualTo(5);
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("content").asText()).isEqualTo("Your time zone is now Europe/Brussels");
    }

    @Test
    void autocompleteForACommitteeOptionAsksCore() throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode opts = options("name", 3, "te");
        ((com.fasterxml.jackson.databind.node.ObjectNode) opts.get(0)).put("focused", true);
        String token = fake.interaction(4, "committee", opts, MEMBER, List.of());

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("autocomplete result").isEqualTo(8);
        assertThat(callback.path("data").path("choices").findValuesAsText("value")).containsExactly("techwg", "tld-ops");
        assertThat(handler.completions).containsExactly("committee name te");
    }

    @Test
    void badInputIsAnsweredWithAnEphemeralOneLineReason() throws Exception {
        String wrongType = fake.slash("week", options("weeks", 3, "many"), MEMBER, List.of());
        String notAChoice = fake.slash("week", options("kind", 3, "gala"), MEMBER, List.of());
        String outOfRange = fake.slash("week", options("weeks", 4, new java.math.BigInteger("1" + "0".repeat(30))),
                MEMBER, List.of());
        String missing = fake.slash("when", null, MEMBER, List.of());
        String gone = fake.slash("oldcommand", null, MEMBER, List.of());

        assertThat(ephemeralReply(wrongType)).isEqualTo("`weeks` must be a whole number.");
        assertThat(ephemeralReply(notAChoice)).isEqualTo("`kind` must be one of: session, social.");
        assertThat(ephemeralReply(outOfRange)).startsWith("`weeks` is out of range");
        assertThat(ephemeralReply(missing)).isEqualTo("/when needs `query`.");
        assertThat(ephemeralReply(gone)).startsWith("I no longer have /oldcommand");
        assertThat(handler.invocations).isEmpty();
    }

    private String ephemeralReply(String token) throws InterruptedException {
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("immediate reply").isEqualTo(4);
        assertThat(callback.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertNoPings(callback.path("data"));
        String content = callback.path("data").path("content").asText();
        assertThat(content).doesNotContain("\n");
        return content;
    }

    @Test
    void aMentionInPlainWordsIsHandedToCoreAsTextAndAnsweredInPlace() throws Exception {
        fake.guildMessage(MEMBER, List.of(MEMBER_ROLE), GENERAL, "<@" + BOT + "> when is the council meeting?");

        JsonNode post = fake.await("POST", "/channels/" + GENERAL + "/messages").body();
        assertThat(post.path("message_reference").path("message_id").asText()).isNotEmpty();
        assertThat(post.path("embeds").get(1).path("description").asText()).contains("10:30 AST, San Juan");
        assertNoPings(post);
        Invocation invocation = handler.invocations.get(0);
        assertThat(invocation.isTyped()).isFalse();
        assertThat(invocation.rawText()).isEqualTo("when is the council meeting?");
        assertThat(invocation.actor().roles()).containsExactly(MEMBER_ROLE);
    }

    @Test
    void aDirectMessageToTheBotIsAnsweredInTheDm() throws Exception {
        String dm = fake.directMessage(MEMBER, "what is on tech day");

        JsonNode post = fake.await("POST", "/channels/" + dm + "/messages").body();
        assertNoPings(post);
        Invocation invocation = handler.invocations.get(0);
        assertThat(invocation.rawText()).isEqualTo("what is on tech day");
        assertThat(invocation.place().direct()).isTrue();
        assertThat(invocation.actor().roles()).isEmpty();
    }

    @Test
    void messagesFromOtherBotsOrWithoutAMentionAreIgnored() throws Exception {
        fake.guildMessage(MEMBER, List.of(), GENERAL, "just chatting about the council");
        fake.guildMessage(MEMBER, List.of(), GENERAL, "<@" + BOT + "> next");
        fake.await("POST", "/channels/" + GENERAL + "/messages");
        assertThat(handler.invocations).extracting(Invocation::rawText).containsExactly("next");
    }

    @Test
    void aReminderPostedToTheChannelPingsNobody() throws Exception {
        OutgoingMessage reminder = OutgoingMessage.of("Council in 1 hour", List.of(DiscordCore.council()))
                .withIdempotencyKey("reminder:evt-council-79:PT1H:discord:channel:" + ANNOUNCE);

        SentRef ref = platform.send(new Destination.Channel("discord", ANNOUNCE), reminder).get(10, SECONDS);

        assertThat(ref.channelId()).isEqualTo(ANNOUNCE);
        JsonNode body = fake.await("POST", "/channels/" + ANNOUNCE + "/messages").body();
        assertNoPings(body);
        assertThat(body.path("content").asText()).doesNotContain("@everyone", "@here", "<@");
        assertThat(body.path("nonce").asText()).isEqualTo(Nonces.of(reminder.idempotencyKey(), 0)).hasSizeLessThanOrEqualTo(25);
        assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
        assertThat(fake.posted(ANNOUNCE)).hasSize(1);
        assertThat(ref.messageId()).isEqualTo(fake.posted(ANNOUNCE).get(0).path("id").asText());
    }

    @Test
    void anAnnouncementIsEditedThenDeletedInPlaceWithItsPingsStillExplicit() throws Exception {
        Mentions everyone = new Mentions(true, Set.of(), Set.of());
        SentRef ref = platform.send(new Destination.Channel("discord", ANNOUNCE),
                OutgoingMessage.text("Deadline is Friday").withMentions(everyone)).get(10, SECONDS);

        platform.edit(ref, OutgoingMessage.text("Deadline is Monday").withMentions(everyone)).get(10, SECONDS);
        JsonNode patch = fake.await("PATCH", "/channels/" + ANNOUNCE + "/messages/" + ref.messageId()).body();
        assertThat(patch.path("content").asText()).isEqualTo("@everyone\nDeadline is Monday");
        assertThat(patch.path("allowed_mentions").path("parse")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("everyone");
        assertThat(fake.posted(ANNOUNCE)).singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("@everyone\nDeadline is Monday"));

        platform.edit(ref, OutgoingMessage.text("@here no sneaky pings")).get(10, SECONDS);
        JsonNode quiet = fake.await("PATCH", "/channels/" + ANNOUNCE + "/messages/" + ref.messageId(), 2).get(1).body();
        assertThat(quiet.path("content").asText()).doesNotContain("@here");
        assertThat(quiet.path("allowed_mentions").path("parse")).isEmpty();

        platform.delete(ref).get(10, SECONDS);
        fake.await("DELETE", "/channels/" + ANNOUNCE + "/messages/" + ref.messageId());
        assertThat(fake.posted(ANNOUNCE)).isEmpty();
        platform.delete(ref).get(10, SECONDS);   // already gone: still done, not an error
    }

    @Test
    void editingAMessageDiscordDoesNotKnowFailsForGoodNamingIt() throws Exception {
        SentRef ghost = new SentRef("discord", ANNOUNCE, "123456789012345678");
        assertThatThrownBy(() -> platform.edit(ghost, OutgoingMessage.text("x")).get(10, SECONDS))
                .hasCauseInstanceOf(org.ccnsobot.port.PlatformException.class)
                .cause().hasMessageContaining("editing message 123456789012345678").hasMessageContaining("10008")
                .satisfies(e -> assertThat(((org.ccnsobot.port.PlatformException) e).isTransient()).isFalse());
    }

    @Test
    void aStaffAnnouncementPingsExactlyWhatItAsksFor() throws Exception {
        OutgoingMessage message = OutgoingMessage.text("Council agenda is out")
                .withMentions(new Mentions(true, Set.of(STAFF_ROLE), Set.of()));

        platform.send(new Destination.Channel("discord", ANNOUNCE), message).get(10, SECONDS);

        JsonNode body = fake.await("POST", "/channels/" + ANNOUNCE + "/messages").body();
        assertThat(body.path("content").asText()).startsWith("@everyone <@&" + STAFF_ROLE + ">");
        JsonNode allowed = body.path("allowed_mentions");
        assertThat(textValues(allowed.path("parse"))).containsExactly("everyone");
        assertThat(textValues(allowed.path("roles"))).containsExactly(STAFF_ROLE);
        assertThat(textValues(allowed.path("users"))).isEmpty();
    }

    @Test
    void aKeyedDmCarriesAReferenceThatIsFoundAfterTheNonceWindowHasPassed() throws Exception {
        OutgoingMessage landed = OutgoingMessage.text("Council in 1 hour").withIdempotencyKey("reminder:council:1h:" + STAFFER);
        SentRef ref = platform.send(new Destination.DirectMessage("discord", STAFFER), landed).get(10, SECONDS);
        String dm = fake.dmChannelOf(STAFFER);
        assertThat(fake.posted(dm).get(0).path("content").asText())
                .isEqualTo("Council in 1 hour\n-# ref " + References.of(landed.idempotencyKey(), 0));

        fake.nonceWindowPasses();

        // what the ledger does for an interrupted delivery: look, and resend only when not found
        assertThat(platform.findDelivered(new Destination.DirectMessage("discord", STAFFER), landed.idempotencyKey())
                .get(10, SECONDS)).contains(ref);
        OutgoingMessage lost = OutgoingMessage.text("Council in 24 hours").withIdempotencyKey("reminder:council:24h:" + STAFFER);
        assertThat(platform.findDelivered(new Destination.DirectMessage("discord", STAFFER), lost.idempotencyKey())
                .get(10, SECONDS)).isEmpty();
        platform.send(new Destination.DirectMessage("discord", STAFFER), lost).get(10, SECONDS);
        assertThat(fake.posted(dm)).hasSize(2);
        // without the look, the nonce alone no longer protects the one that landed
        platform.send(new Destination.DirectMessage("discord", STAFFER), landed).get(10, SECONDS);
        assertThat(fake.posted(dm)).hasSize(3);
    }

    @Test
    void aDmToASubscriberOpensTheDmChannelAndPosts() throws Exception {
        SentRef ref = platform.send(new Destination.DirectMessage("discord", MEMBER),
                OutgoingMessage.text("Reminder: Council in 1 hour, @here")).get(10, SECONDS);

        JsonNode open = fake.await("POST", "/users/@me/channels").body();
        assertThat(open.path("recipient_id").asText()).isEqualTo(MEMBER);
        String dm = fake.dmChannelOf(MEMBER);
        assertThat(ref.channelId()).isEqualTo(dm);
        JsonNode body = fake.await("POST", "/channels/" + dm + "/messages").body();
        assertThat(body.path("content").asText()).isEqualTo("Reminder: Council in 1 hour, @\u200Bhere");
        assertNoPings(body);
    }

    @Test
    void aSecondDmToTheSameMemberReusesItsDmChannelSoItCostsOneRequest() throws Exception {
        platform.send(new Destination.DirectMessage("discord", MEMBER), OutgoingMessage.text("first")).get(10, SECONDS);
        platform.send(new Destination.DirectMessage("discord", MEMBER), OutgoingMessage.text("second")).get(10, SECONDS);

        assertThat(fake.requests("POST", "/users/@me/channels")).hasSize(1);
        assertThat(fake.posted(fake.dmChannelOf(MEMBER))).extracting(m -> m.path("content").asText())
                .containsExactly("first", "second");
    }

    @Test
    void aDmChannelDiscordNoLongerKnowsIsOpenedAgainAndTheMessageLandsOnce() throws Exception {
        platform.send(new Destination.DirectMessage("discord", MEMBER), OutgoingMessage.text("first")).get(10, SECONDS);
        String old = fake.dmChannelOf(MEMBER);
        fake.forgetDmChannel(MEMBER);

        SentRef ref = platform.send(new Destination.DirectMessage("discord", MEMBER), OutgoingMessage.text("second"))
                .get(10, SECONDS);

        String fresh = fake.dmChannelOf(MEMBER);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(ref.channelId()).isEqualTo(fresh);
        assertThat(fake.requests("POST", "/users/@me/channels")).hasSize(2);
        assertThat(fake.posted(fresh)).extracting(m -> m.path("content").asText()).containsExactly("second");
        assertThat(fake.posted(old)).extracting(m -> m.path("content").asText()).containsExactly("first");
    }

    @Test
    void aMemberWithClosedDmsFailsNonTransiently() {
        assertThatThrownBy(() -> platform.send(new Destination.DirectMessage("discord", CLOSED_DMS),
                OutgoingMessage.text("Reminder")).get(10, SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PlatformException.class)
                .hasMessageContaining("DMs are closed")
                .matches(e -> !((PlatformException) e).isTransient(), "not transient");
    }

    @Test
    void a429IsWaitedOutByJdaAndTheMessageLandsOnce() throws Exception {
        fake.rateLimitNext("POST", "/channels/" + ANNOUNCE + "/messages");

        platform.send(new Destination.Channel("discord", ANNOUNCE), OutgoingMessage.text("Tech Day tomorrow"))
                .get(10, SECONDS);

        assertThat(fake.requests("POST", "/channels/" + ANNOUNCE + "/messages")).hasSize(2);
        assertThat(fake.posted(ANNOUNCE)).hasSize(1);
    }

    @Test
    void a500SurfacesAsTransientAndTheLedgersRetryLandsOnce() throws Exception {
        fake.failNext("POST", "/channels/" + ANNOUNCE + "/messages", 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}",
                Map.of(), false);
        OutgoingMessage message = OutgoingMessage.text("Council in 24 hours").withIdempotencyKey("reminder:council:24h");
        Destination where = new Destination.Channel("discord", ANNOUNCE);

        assertThatThrownBy(() -> platform.send(where, message).get(10, SECONDS))
                .cause().isInstanceOf(PlatformException.class)
                .matches(e -> ((PlatformException) e).isTransient(), "transient");
        assertThat(fake.posted(ANNOUNCE)).isEmpty();

        platform.send(where, message).get(10, SECONDS);
        assertThat(fake.posted(ANNOUNCE)).hasSize(1);
    }

    @Test
    void a500AfterDiscordStoredTheMessageIsRetriedWithTheSameNonceAndLandsOnce() throws Exception {
        fake.failNext("POST", "/channels/" + ANNOUNCE + "/messages", 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}",
                Map.of(), true);
        OutgoingMessage message = OutgoingMessage.text("Council in 1 hour").withIdempotencyKey("reminder:council:1h");
        Destination where = new Destination.Channel("discord", ANNOUNCE);

        assertThatThrownBy(() -> platform.send(where, message).get(10, SECONDS)).cause()
                .isInstanceOf(PlatformException.class).matches(e -> ((PlatformException) e).isTransient(), "transient");
        SentRef ref = platform.send(where, message).get(10, SECONDS);

        assertThat(fake.requests("POST", "/channels/" + ANNOUNCE + "/messages")).hasSize(2);
        assertThat(fake.posted(ANNOUNCE)).hasSize(1);
        assertThat(ref.messageId()).isEqualTo(fake.posted(ANNOUNCE).get(0).path("id").asText());
    }

    @Test
    void a503IsRetriedByJdaItselfAndLandsOnce() throws Exception {
        fake.failNext("POST", "/channels/" + ANNOUNCE + "/messages", 503, "{\"message\":\"upstream\",\"code\":0}",
                Map.of(), false);

        platform.send(new Destination.Channel("discord", ANNOUNCE), OutgoingMessage.text("Tech Day tomorrow"))
                .get(10, SECONDS);

        assertThat(fake.requests("POST", "/channels/" + ANNOUNCE + "/messages")).hasSize(2);
        assertThat(fake.posted(ANNOUNCE)).hasSize(1);
    }

    @Test
    void anUpcomingEventIsMirroredAsAScheduledEventCreatedEditedAndDeleted() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        Block.EventCard card = futureCouncil(start, "scheduled", "ccNSO Council Meeting");

        String id = platform.upsert(card).get(10, SECONDS);

        FakeDiscord.Request creation = fake.await("POST", "/guilds/" + FakeDiscord.GUILD + "/scheduled-events");
        JsonNode created = creation.body();
        assertThat(creation.auditReason()).as("X-Audit-Log-Reason").isEqualTo("ccnso-bot: mirrors calendar event evt-council-79");
        assertThat(created.path("entity_type").asInt()).as("external").isEqualTo(3);
        assertThat(created.path("entity_metadata").path("location").asText()).isEqualTo("San Juan, Salon 3");
        assertThat(Instant.parse(created.path("scheduled_start_time").asText())).isEqualTo(start);
        assertThat(Instant.parse(created.path("scheduled_end_time").asText())).isEqualTo(start.plus(Duration.ofMinutes(90)));
        assertThat(created.path("description").asText()).endsWith(ScheduledEvents.marker("evt-council-79"));
        assertThat(fake.scheduledEvents()).containsOnlyKeys(id);

        Instant moved = start.plus(Duration.ofDays(1));
        assertThat(platform.upsert(futureCouncil(moved, "moved", "ccNSO Council Meeting (rescheduled)")).get(10, SECONDS))
                .isEqualTo(id);
        FakeDiscord.Request edit = fake.await("PATCH", "/guilds/" + FakeDiscord.GUILD + "/scheduled-events/" + id);
        assertThat(edit.auditReason()).as("X-Audit-Log-Reason").startsWith("ccnso-bot:");
        JsonNode patch = edit.body();
        assertThat(Instant.parse(patch.path("scheduled_start_time").asText())).isEqualTo(moved);
        assertThat(fake.scheduledEvents().get(id).path("name").asText()).isEqualTo("ccNSO Council Meeting (rescheduled)");

        platform.upsert(futureCouncil(moved, "cancelled", "ccNSO Council Meeting")).get(10, SECONDS);
        assertThat(fake.await("DELETE", "/guilds/" + FakeDiscord.GUILD + "/scheduled-events/" + id).auditReason())
                .as("X-Audit-Log-Reason").isEqualTo("ccnso-bot: mirrors calendar event evt-council-79");
        assertThat(fake.scheduledEvents()).isEmpty();
        assertThat(fake.requests("POST", "/guilds/.*/scheduled-events")).hasSize(1);
    }

    @Test
    void theEventMappingIsRecoveredFromTheGuildAfterARestart() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String id = platform.upsert(futureCouncil(start, "scheduled", "ccNSO Council Meeting")).get(10, SECONDS);
        platform.close();

        platform = startPlatform();
        assertThat(platform.upsert(futureCouncil(start.plus(Duration.ofHours(2)), "moved", "ccNSO Council Meeting"))
                .get(10, SECONDS)).isEqualTo(id);
        platform.remove("evt-council-79").get(10, SECONDS);

        assertThat(fake.requests("POST", "/guilds/.*/scheduled-events")).hasSize(1);
        assertThat(fake.scheduledEvents()).isEmpty();
    }

    @Test
    void theBotsRoomInTheServersListIsAHundredLessTheEventsStaffMadeByHandAndItKnowsWhichAreItsOwn() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        platform.upsert(futureCouncil(start, "scheduled", "ccNSO Council Meeting")).get(10, SECONDS);
        fake.handMadeEvent("Community coffee", start.plus(Duration.ofDays(1)));
        fake.handMadeEvent("Regional meetup", start.plus(Duration.ofDays(2)));
        platform.close();

        platform = startPlatform();
        assertThat(platform.mirrored().get(10, SECONDS)).containsExactly("evt-council-79");
        assertThat(platform.capacity()).isEqualTo(98);
    }

    @Test
    void quickSuccessiveEditsOfOneEventCreateOnlyOneScheduledEvent() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        var first = platform.upsert(futureCouncil(start, "scheduled", "Council"));
        var second = platform.upsert(futureCouncil(start.plus(Duration.ofHours(1)), "moved", "Council"));
        var third = platform.upsert(futureCouncil(start.plus(Duration.ofHours(2)), "moved", "Council"));

        String id = first.get(10, SECONDS);
        assertThat(second.get(10, SECONDS)).isEqualTo(id);
        assertThat(third.get(10, SECONDS)).isEqualTo(id);
        assertThat(fake.requests("POST", "/guilds/.*/scheduled-events")).hasSize(1);
        assertThat(Instant.parse(fake.scheduledEvents().get(id).path("scheduled_start_time").asText()))
                .isEqualTo(start.plus(Duration.ofHours(2)));
    }

    @Test
    void anEventThatHasStartedIsNotMirrored() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertThatThrownBy(() -> platform.upsert(futureCouncil(past, "scheduled", "Council")).get(10, SECONDS))
                .cause().isInstanceOf(PlatformException.class).hasMessageContaining("already started")
                .matches(e -> !((PlatformException) e).isTransient(), "not transient");
        assertThat(fake.requests("POST", "/guilds/.*/scheduled-events")).isEmpty();
    }

    private static Block.EventCard futureCouncil(Instant start, String status, String title) {
        return new Block.EventCard("evt-council-79", title, start, start.plus(Duration.ofMinutes(90)),
                LocalDate.ofInstant(start, DiscordCore.SAN_JUAN), DiscordCore.SAN_JUAN, "San Juan", "Salon 3",
                "open", List.of("Council"), status, "Council meeting", List.of());
    }

    @Test
    void afterTheGatewayAsksToReconnectOrDropsTheBotResumesAndStillAnswers() throws Exception {
        fake.requestReconnect();
        JsonNode resume = fake.await("WS", "op:6").body();
        assertThat(resume.path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(resume.path("session_id").asText()).startsWith("session-");
        String first = fake.slash("next", null, MEMBER, List.of());
        fake.await("PATCH", "/webhooks/" + BOT + "/" + first + "/messages/@original");

        fake.dropConnection();
        fake.await("WS", "op:6", 2);
        String second = fake.slash("next", null, MEMBER, List.of());
        fake.await("PATCH", "/webhooks/" + BOT + "/" + second + "/messages/@original");

        assertThat(fake.identifies()).as("resumed, not re-identified").isEqualTo(1);
        assertThat(handler.invocations).hasSize(2);
    }

    /** allowed_mentions present and empty: no parse entries, no whitelisted roles or users, no reply ping. */
    static void assertNoPings(JsonNode message) {
        JsonNode allowed = message.path("allowed_mentions");
        assertThat(allowed.isObject()).as("allowed_mentions is set: " + message).isTrue();
        assertThat(textValues(allowed.path("parse"))).isEmpty();
        assertThat(textValues(allowed.path("roles"))).isEmpty();
        assertThat(textValues(allowed.path("users"))).isEmpty();
        assertThat(allowed.path("replied_user").asBoolean(false)).isFalse();
    }

    static List<String> textValues(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
