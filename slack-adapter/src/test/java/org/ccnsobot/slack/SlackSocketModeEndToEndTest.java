package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ccnsobot.testing.RecordingHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.port.Secret;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real Bolt library in Socket Mode against {@link FakeSlack} on 127.0.0.1: what goes over the socket and what
 * arrives at the fake Web API are asserted as JSON, exactly as Slack would see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackSocketModeEndToEndTest {
    private static final String MEMBER = "U0MEMBER";
    private static final String STAFF = "U0STAFF";
    private static final String GENERAL = "C0GENERAL";

    private FakeSlack fake;
    private RecordingHandler core;
    private SlackPlatform platform;
    private final AtomicInteger responses = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        fake = new FakeSlack();
        fake.answer("usergroups.users.list", c -> FakeSlack.Answer.ok(SlackCore.STAFF_GROUP.equals(
                c.form().get("usergroup")) ? "{\"ok\":true,\"users\":[\"" + STAFF + "\"]}"
                : "{\"ok\":false,\"error\":\"no_such_subteam\"}"));
        core = SlackCore.handler();
        platform = new SlackPlatform(settings(fake, List.of(SlackCore.STAFF_GROUP)),
                new PlatformContext(Clock.systemUTC()));
        platform.start(core);
        fake.connection(1).get(10, TimeUnit.SECONDS);
    }

    static SlackSettings settings(FakeSlack fake, List<String> staffGroups) {
        return new SlackSettings(new Secret("xoxb-test-bot"), new Secret("xapp-test-app"), null, "socket", null, null,
                "C0ANNOUNCE", "C0STAFF", fake.apiUrl(), staffGroups, "https://ccnso.example.org/ics/{eventId}.ics");
    }

    @AfterAll
    void stop() throws Exception {
        platform.close();
        fake.close();
    }

    @BeforeEach
    void defaults() {
        fake.answer("chat.postMessage", null);
        fake.answer("conversations.history", null);
        fake.answer("chat.update", null);
        fake.answer("chat.delete", null);
        core.clear();
    }

    @Test
    void startsInSocketModeWithTheBotTokenAndReadsTheStaffGroup() {
        assertThat(fake.calls("auth.test")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test-bot"));
        assertThat(fake.calls("apps.connections.open")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xapp-test-app"));
        assertThat(fake.calls("usergroups.users.list")).extracting(c -> c.form().get("usergroup"))
                .contains(SlackCore.STAFF_GROUP);
        assertThat(fake.connections()).isPositive();
    }

    @Test
    void nextIsAckedThenAnsweredWithEventCardsAndLocalTimeTokens() throws Exception {
        String url = fake.responseUrl("next-" + responses.incrementAndGet());
        JsonNode ack = command(MEMBER, "alice", "next", url).get(10, TimeUnit.SECONDS);
        assertThat(ack.has("envelope_id")).isTrue();

        Invocation seen = core.next();
        assertThat(seen.rawText()).isEqualTo("next");
        assertThat(seen.isTyped()).isFalse();
        assertThat(seen.actor().platform()).isEqualTo("slack");
        assertThat(seen.actor().userId()).isEqualTo(MEMBER);
        assertThat(seen.place().channelId()).isEqualTo(GENERAL);

        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
        String blocks = answer.get("blocks").toString();
        long start = SlackCore.COUNCIL_START.getEpochSecond();
        assertThat(blocks).contains("<!date^" + start + "^{date_short_pretty} {time}|Mon 4 Mar 2024 14:30 UTC>")
                .contains("Venue time: 10:30–11:30 AST, San Juan")
                .contains("\"type\":\"header\"").contains("Next events")
                .contains("Salon 3").contains("Open").contains("Council")
                .contains("Agenda &amp; papers on the wiki.")
                .contains("\"action_id\":\"subscribe_event\"").contains("\"value\":\"icann79-council\"")
                .contains("https://ccnso.example.org/ics/icann79-council.ics")
                .contains("Mon 4 Mar 2024 (time not yet announced)");
        assertThat(answer.get("text").asText()).isEqualTo("Next: ccNSO Council Meeting, Tech Day");
    }

    @Test
    void theAckDoesNotWaitForCore() throws Exception {
        String url = fake.responseUrl("slow-" + responses.incrementAndGet());
        CompletableFuture<JsonNode> ack = command(MEMBER, "alice", "slow question", url);
        // core is still blocked on the gate: the envelope is acked all the same
        assertThat(ack.get(10, TimeUnit.SECONDS).get("envelope_id").asText()).startsWith("env-");
        assertThat(core.next().rawText()).isEqualTo("slow question");
        assertThat(fake.calls(url.substring(url.indexOf("/respond/")))).isEmpty();
        core.gate.countDown();
        assertThat(fake.await(url.substring(url.indexOf("/respond/"))).bodyJson().get("text").asText())
                .isEqualTo("Finally.");
    }

    @Test
    void whenCouncilPassesTheWordsToCoreAndRendersTheCard() throws Exception {
        String url = fake.responseUrl("when-" + responses.incrementAndGet());
        command(MEMBER, "alice", "when council", url).get(10, TimeUnit.SECONDS);
        assertThat(core.next().rawText()).isEqualTo("when council");
        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        assertThat(answer.get("blocks").toString())
                .contains("*ccNSO Council Meeting*")
                .contains("<!date^" + SlackCore.COUNCIL_START.getEpochSecond() + "^")
                .contains("<!date^" + SlackCore.COUNCIL_END.getEpochSecond() + "^{time}|15:30 UTC>");
    }

    @Test
    void helpComesFromCoreCommandListAndIsEphemeral() throws Exception {
        String url = fake.responseUrl("help-" + responses.incrementAndGet());
        command(MEMBER, "alice", "help", url).get(10, TimeUnit.SECONDS);
        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("blocks").toString())
                .contains("/ccnso next - The next events")
                .contains("/ccnso when &lt;query...&gt; - When is an event")
                // issue 12: a member's help no longer lists the staff commands
                .doesNotContain("announce");

        String staffUrl = fake.responseUrl("help-" + responses.incrementAndGet());
        command(STAFF, "bart", "help", staffUrl).get(10, TimeUnit.SECONDS);
        JsonNode staffAnswer = fake.await(staffUrl.substring(staffUrl.indexOf("/respond/"))).bodyJson();
        assertThat(staffAnswer.get("blocks").toString())
                .contains("Staff only:\\n/ccnso announce &lt;text...&gt; - Post an announcement");
    }

    @Test
    void staffCommandIsRefusedEphemerallyForAMemberAndAcceptedForStaff() throws Exception {
        String memberUrl = fake.responseUrl("announce-member-" + responses.incrementAndGet());
        command(MEMBER, "alice", "announce Council moved to 15:00", memberUrl).get(10, TimeUnit.SECONDS);
        Invocation byMember = core.next();
        assertThat(byMember.actor().roles()).isEmpty();
        JsonNode refused = fake.await(memberUrl.substring(memberUrl.indexOf("/respond/"))).bodyJson();
        assertThat(refused.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(refused.get("text").asText()).isEqualTo("Only staff can use announce.");

        String staffUrl = fake.responseUrl("announce-staff-" + responses.incrementAndGet());
        command(STAFF, "bart", "announce Council moved to 15:00", staffUrl).get(10, TimeUnit.SECONDS);
        Invocation byStaff = core.next();
        assertThat(byStaff.actor().roles()).containsExactly(SlackCore.STAFF_GROUP);
        JsonNode accepted = fake.await(staffUrl.substring(staffUrl.indexOf("/respond/"))).bodyJson();
        assertThat(accepted.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(accepted.get("text").asText()).isEqualTo("Announcement scheduled.");
    }

    @Test
    void reconnectsAfterADisconnectFrameAndStillAnswers() throws Exception {
        int before = fake.connections();
        int opensBefore = fake.calls("apps.connections.open").size();
        fake.disconnect();
        fake.connection(before + 1).get(10, TimeUnit.SECONDS);
        assertThat(fake.calls("apps.connections.open").size()).isGreaterThan(opensBefore);

        String url = fake.responseUrl("after-reconnect-" + responses.incrementAndGet());
        command(MEMBER, "alice", "next", url).get(10, TimeUnit.SECONDS);
        assertThat(core.next().rawText()).isEqualTo("next");
        assertThat(fake.await(url.substring(url.indexOf("/respond/"))).bodyJson().get("blocks").toString())
                .contains("ccNSO Council Meeting");
    }

    @Test
    void reminderEscapesUserTextAndCarriesItsLedgerKey() throws Exception {
        String hostile = "<!channel> <!here> <!everyone> <@U0VICTIM> <!subteam^S0ALL> @here meet & greet";
        OutgoingMessage reminder = new OutgoingMessage("Reminder: " + hostile,
                List.of(new Block.Heading("Starts in 1 hour: " + hostile), new Block.Paragraph(hostile),
                        new Block.Fields(List.of(new Block.Field("Note", hostile))),
                        new Block.Footnote(hostile), SlackCore.councilCard()),
                Mentions.NONE, "reminder-42-1h-C0ANNOUNCE");

        int historyReads = fake.calls("conversations.history").size();
        SentRef ref = platform.send(new Destination.Channel("slack", "C0ANNOUNCE"), reminder).get(10, TimeUnit.SECONDS);

        FakeSlack.Call post = fake.await("chat.postMessage", c -> "C0ANNOUNCE".equals(c.form().get("channel")));
        assertThat(ref).isEqualTo(new SentRef("slack", "C0ANNOUNCE", FakeSlack.JSON.readTree(
                "\"" + ref.messageId() + "\"").asText()));
        // re-serialised by Jackson: the wire JSON writes '<' as \u003c, which would hide a ping from the check
        String everything = post.form().get("text") + post.json("blocks").toString();
        for (String ping : List.of("<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<!subteam^")) {
            assertThat(everything).doesNotContain(ping);
        }
        assertThat(post.form().get("text")).startsWith("Reminder: &lt;!channel&gt;").contains("meet &amp; greet")
                .contains("@\u200Bhere");
        assertThat(post.form().get("link_names")).isIn(null, "0", "false");
        JsonNode metadata = post.json("metadata");
        assertThat(metadata.get("event_type").asText()).isEqualTo("ccnso_delivery");
        assertThat(metadata.get("event_payload").get("key").asText()).isEqualTo("reminder-42-1h-C0ANNOUNCE");
        assertThat(fake.calls("conversations.history")).as("an ordinary send never reads history").hasSize(historyReads);
    }

    @Test
    void explicitMentionsAreTheOnlyPings() throws Exception {
        OutgoingMessage announcement = OutgoingMessage.text("Council starts now")
                .withMentions(new Mentions(true, Set.of("S0COUNCIL"), Set.of()));
        platform.send(new Destination.Channel("slack", "C0PING"), announcement).get(10, TimeUnit.SECONDS);
        FakeSlack.Call post = fake.await("chat.postMessage", c -> "C0PING".equals(c.form().get("channel")));
        assertThat(post.form().get("text")).startsWith("<!channel> <!subteam^S0COUNCIL> Council starts now");
        assertThat(post.form().get("metadata")).isNull();
    }

    @Test
    void anAnnouncementIsUpdatedThenDeletedInPlaceAndTheEditPingsOnlyWhatItAsks() throws Exception {
        SentRef ref = platform.send(new Destination.Channel("slack", "C0NEWS"),
                OutgoingMessage.text("Deadline is Friday").withMentions(new Mentions(true, Set.of(), Set.of())))
                .get(10, TimeUnit.SECONDS);

        platform.edit(ref, OutgoingMessage.text("Deadline is Monday <!here> & more")
                .withMentions(new Mentions(true, Set.of(), Set.of()))).get(10, TimeUnit.SECONDS);
        FakeSlack.Call update = fake.await("chat.update", c -> ref.messageId().equals(c.form().get("ts")));
        assertThat(update.form().get("channel")).isEqualTo("C0NEWS");
        assertThat(update.form().get("ts")).isEqualTo(ref.messageId());
        assertThat(update.form().get("text")).startsWith("<!channel> Deadline is Monday &lt;!here&gt; &amp; more");
        assertThat(update.form().get("link_names")).isIn(null, "0", "false");
        assertThat(update.json("blocks").toString()).contains("Deadline is Monday");

        platform.delete(ref).get(10, TimeUnit.SECONDS);
        FakeSlack.Call delete = fake.await("chat.delete", c -> ref.messageId().equals(c.form().get("ts")));
        assertThat(delete.form()).containsEntry("channel", "C0NEWS").containsEntry("ts", ref.messageId());
    }

    @Test
    void aMessageSlackNoLongerHasCountsAsDeletedButCannotBeEdited() throws Exception {
        fake.answer("chat.delete", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"message_not_found\"}"));
        fake.answer("chat.update", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"message_not_found\"}"));
        SentRef gone = new SentRef("slack", "C0NEWS", "1700000000.999999");
        platform.delete(gone).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> platform.edit(gone, OutgoingMessage.text("x")).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(PlatformException.class).hasMessageContaining("message_not_found")
                .matches(e -> !((PlatformException) e).isTransient());
    }

    @Test
    void aDirectMessageIsOnePostToTheUserWithNoOpenAndNoHistoryRead() throws Exception {
        int opens = fake.calls("conversations.open").size();
        int historyReads = fake.calls("conversations.history").size();
        for (int i = 0; i < 20; i++) {
            SentRef ref = platform.send(new Destination.DirectMessage("slack", "U0FAN" + i),
                    OutgoingMessage.text("Council starts in 1 hour").withIdempotencyKey("reminder-9-1h-U0FAN" + i))
                    .get(10, TimeUnit.SECONDS);
            assertThat(ref.channelId()).isEqualTo("DU0FAN" + i);
        }
        FakeSlack.Call post = fake.await("chat.postMessage", c -> "U0FAN7".equals(c.form().get("channel")));
        assertThat(post.authorization()).isEqualTo("Bearer xoxb-test-bot");
        assertThat(post.form().get("text")).isEqualTo("Council starts in 1 hour");
        assertThat(post.json("metadata").get("event_payload").get("key").asText()).isEqualTo("reminder-9-1h-U0FAN7");
        assertThat(fake.calls("chat.postMessage").stream().filter(c -> c.form().get("channel").startsWith("U0FAN")))
                .hasSize(20);
        assertThat(fake.calls("conversations.open")).hasSize(opens);
        assertThat(fake.calls("conversations.history")).hasSize(historyReads);
    }

    @Test
    void anInterruptedDirectMessageIsLookedForInTheDmsHistory() throws Exception {
        fake.answer("conversations.history", c -> "DU0CRASH".equals(c.form().get("channel"))
                ? FakeSlack.Answer.ok("{\"ok\":true,\"messages\":[{\"type\":\"message\","
                + "\"ts\":\"1700000600.000100\",\"text\":\"Reminder\",\"metadata\":{\"event_type\":\"ccnso_delivery\","
                + "\"event_payload\":{\"key\":\"reminder-5-1h-U0CRASH\"}}}]}")
                : FakeSlack.Answer.ok("{\"ok\":true,\"messages\":[],\"has_more\":false}"));
        assertThat(platform.findDelivered(new Destination.DirectMessage("slack", "U0CRASH"), "reminder-5-1h-U0CRASH")
                .get(10, TimeUnit.SECONDS)).contains(new SentRef("slack", "DU0CRASH", "1700000600.000100"));
        assertThat(platform.findDelivered(new Destination.DirectMessage("slack", "U0CRASH"), "reminder-6-1h-U0CRASH")
                .get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(fake.calls("conversations.open").stream().filter(c -> "U0CRASH".equals(c.form().get("users"))))
                .isNotEmpty();
    }

    @Test
    void rateLimitIsWaitedOutAndTheMessageLandsOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        fake.answer("chat.postMessage", c -> attempts.incrementAndGet() == 1
                ? new FakeSlack.Answer(429, java.util.Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}")
                : FakeSlack.Answer.ok("{\"ok\":true,\"channel\":\"C0BUSY\",\"ts\":\"1700000999.000001\"}"));
        SentRef ref = platform.send(new Destination.Channel("slack", "C0BUSY"), OutgoingMessage.text("Tech Day today"))
                .get(15, TimeUnit.SECONDS);
        assertThat(ref.messageId()).isEqualTo("1700000999.000001");
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(fake.calls("chat.postMessage").stream().filter(c -> "C0BUSY".equals(c.form().get("channel"))))
                .hasSize(2);
    }

    @Test
    void theLedgerFindsAKeyedMessageAlreadyInTheChannel() throws Exception {
        fake.answer("conversations.history", c -> FakeSlack.Answer.ok("{\"ok\":true,\"messages\":[{\"type\":\"message\","
                + "\"ts\":\"1700000500.000100\",\"text\":\"Reminder\",\"metadata\":{\"event_type\":\"ccnso_delivery\","
                + "\"event_payload\":{\"key\":\"reminder-7-24h\"}}}]}"));
        assertThat(platform.findDelivered(new Destination.Channel("slack", "C0AGAIN"), "reminder-7-24h")
                .get(10, TimeUnit.SECONDS)).contains(new SentRef("slack", "C0AGAIN", "1700000500.000100"));
        assertThat(platform.findDelivered(new Destination.Channel("slack", "C0AGAIN"), "reminder-8-1h")
                .get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void declaresOneMessageASecondPerChannelUnderAWorkspaceBudgetOfThreeHundredAMinute() {
        assertThat(platform.destinationLimits().perSecond()).isEqualTo(1.0);
        assertThat(platform.sendLimits().perSecond() * 60).isEqualTo(300.0);
    }

    @Test
    void missingChannelIsPermanentAndServerErrorsAreTransient() throws Exception {
        fake.answer("chat.postMessage", c -> "C0GONE".equals(c.form().get("channel"))
                ? FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"channel_not_found\"}")
                : new FakeSlack.Answer(503, java.util.Map.of(), "{\"ok\":false}"));
        assertThatThrownBy(() -> platform.send(new Destination.Channel("slack", "C0GONE"), OutgoingMessage.text("x"))
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PlatformException.class).hasMessageContaining("channel_not_found")
                .matches(e -> !((PlatformException) e).isTransient());
        assertThatThrownBy(() -> platform.send(new Destination.Channel("slack", "C0DOWN"), OutgoingMessage.text("x"))
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(PlatformException.class)
                .matches(e -> ((PlatformException) e).isTransient());
    }

    @Test
    void subscribeButtonHandsCoreSubscribeWithTheEventId() throws Exception {
        String url = fake.responseUrl("subscribe-" + responses.incrementAndGet());
        ObjectNode payload = (ObjectNode) FakeSlack.JSON.readTree("""
                {"type":"block_actions","user":{"id":"U0MEMBER","username":"alice","team_id":"T0CCNSO"},
                 "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.3",
                 "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C0GENERAL","is_ephemeral":false},
                 "team":{"id":"T0CCNSO","domain":"ccnso"},"channel":{"id":"C0GENERAL","name":"general"},
                 "actions":[{"action_id":"subscribe_event","block_id":"b1","value":"icann79-council","type":"button",
                             "text":{"type":"plain_text","text":"Subscribe"},"action_ts":"1700000200.000300"}]}
                """);
        payload.put("response_url", url);
        fake.push("interactive", payload).get(10, TimeUnit.SECONDS);
        Invocation seen = core.next();
        // typed, not words for core to parse again
        assertThat(seen.isTyped()).isTrue();
        assertThat(seen.command()).isEqualTo("subscribe");
        assertThat(seen.options()).isEqualTo(java.util.Map.of("topic", "icann79-council"));
        assertThat(seen.actor().userId()).isEqualTo(MEMBER);
        JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText()).isEqualTo("Subscribed to icann79-council.");
    }

    @Test
    void anActionIdTheBotDoesNotKnowAndAViewSubmissionAreStillAcked() throws Exception {
        int before = core.invocations.size();
        JsonNode ack = fake.push("interactive", FakeSlack.JSON.readTree("""
                {"type":"block_actions","user":{"id":"U0MEMBER","username":"alice","team_id":"T0CCNSO"},
                 "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.9",
                 "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C0GENERAL","is_ephemeral":false},
                 "team":{"id":"T0CCNSO","domain":"ccnso"},"channel":{"id":"C0GENERAL","name":"general"},
                 "actions":[{"action_id":"renamed_long_ago","block_id":"b9","value":"x","type":"button",
                             "text":{"type":"plain_text","text":"Old"},"action_ts":"1700000200.000900"}]}
                """)).get(3, TimeUnit.SECONDS);
        assertThat(ack.get("envelope_id").asText()).startsWith("env-");
        JsonNode viewAck = fake.push("interactive", FakeSlack.JSON.readTree("""
                {"type":"view_submission","user":{"id":"U0MEMBER","username":"alice","team_id":"T0CCNSO"},
                 "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.10","team":{"id":"T0CCNSO","domain":"ccnso"},
                 "view":{"id":"V9","type":"modal","callback_id":"unknown_form","state":{"values":{}}}}
                """)).get(3, TimeUnit.SECONDS);
        assertThat(viewAck.get("envelope_id").asText()).startsWith("env-");
        assertThat(core.invocations).hasSize(before);
    }

    @Test
    void subscribeFromTheHomeTabConfirmsByDirectMessageAndRefreshesHome() throws Exception {
        int publishes = fake.calls("views.publish").size();
        fake.push("interactive", FakeSlack.JSON.readTree("""
                {"type":"block_actions","user":{"id":"U0HOMECLICK","username":"carol","team_id":"T0CCNSO"},
                 "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.4",
                 "container":{"type":"view","view_id":"V1"},"team":{"id":"T0CCNSO","domain":"ccnso"},
                 "view":{"id":"V1","type":"home","blocks":[]},
                 "actions":[{"action_id":"subscribe_event","block_id":"b2","value":"icann79-techday","type":"button",
                             "text":{"type":"plain_text","text":"Subscribe"},"action_ts":"1700000800.000100"}]}
                """)).get(10, TimeUnit.SECONDS);
        FakeSlack.Call post = fake.await("chat.postMessage", c -> "U0HOMECLICK".equals(c.form().get("channel")));
        assertThat(post.form().get("text")).isEqualTo("Subscribed to icann79-techday.");
        fake.await("views.publish", c -> "U0HOMECLICK".equals(c.form().get("user_id")));
        assertThat(fake.calls("views.publish")).hasSizeGreaterThan(publishes);
    }

    @Test
    void mentionIsHandedToCoreAsPlainWordsAndAnsweredInTheThread() throws Exception {
        JsonNode ack = fake.push("events_api", event("Ev0MENTION", """
                {"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> tech day &amp; more","ts":"1700000100.000100",
                 "channel":"C0MENTION","event_ts":"1700000100.000100"}""")).get(10, TimeUnit.SECONDS);
        assertThat(ack.get("envelope_id").asText()).startsWith("env-");
        Invocation mention = core.next();
        assertThat(mention.isTyped()).isFalse();
        assertThat(mention.rawText()).isEqualTo("tech day & more");
        FakeSlack.Call post = fake.await("chat.postMessage", c -> "C0MENTION".equals(c.form().get("channel")));
        assertThat(post.form().get("thread_ts")).isEqualTo("1700000100.000100");
        assertThat(post.form().get("blocks")).contains("Tech Day");
    }

    @Test
    void directMessageIsAnsweredAndBotMessagesAreIgnored() throws Exception {
        fake.push("events_api", event("Ev0BOTDM", """
                {"type":"message","channel_type":"im","user":"U0OTHERBOT","bot_id":"B0OTHER","text":"hello from a bot",
                 "ts":"1700000300.000100","channel":"D0MEMBER","event_ts":"1700000300.000100"}""")).get(10, TimeUnit.SECONDS);
        fake.push("events_api", event("Ev0OWNDM", """
                {"type":"message","channel_type":"im","user":"UBOT","text":"my own words",
                 "ts":"1700000300.000200","channel":"D0MEMBER","event_ts":"1700000300.000200"}""")).get(10, TimeUnit.SECONDS);
        fake.push("events_api", event("Ev0EDIT", """
                {"type":"message","subtype":"message_changed","channel_type":"im","channel":"D0MEMBER",
                 "message":{"type":"message","user":"U0MEMBER","text":"edited words","ts":"1700000300.000050"},
                 "ts":"1700000300.000250","event_ts":"1700000300.000250","hidden":true}""")).get(10, TimeUnit.SECONDS);
        fake.push("events_api", event("Ev0DM", """
                {"type":"message","channel_type":"im","user":"U0MEMBER","text":"council",
                 "ts":"1700000300.000300","channel":"D0MEMBER","event_ts":"1700000300.000300"}""")).get(10, TimeUnit.SECONDS);
        Invocation seen = core.next();
        assertThat(seen.rawText()).isEqualTo("council");
        assertThat(seen.place().direct()).isTrue();
        FakeSlack.Call post = fake.await("chat.postMessage", c -> "D0MEMBER".equals(c.form().get("channel")));
        assertThat(post.form().get("blocks")).contains("ccNSO Council Meeting");
        assertThat(core.invocations).extracting(Invocation::rawText)
                .doesNotContain("hello from a bot", "my own words", "edited words");
    }

    @Test
    void aRedeliveredEventIsHandledOnce() throws Exception {
        String mention = """
                {"type":"app_mention","user":"U0MEMBER","text":"<@UBOT> once","ts":"1700000400.000100",
                 "channel":"C0ONCE","event_ts":"1700000400.000100"}""";
        fake.push("events_api", event("Ev0ONCE", mention)).get(10, TimeUnit.SECONDS);
        fake.push("events_api", event("Ev0ONCE", mention)).get(10, TimeUnit.SECONDS);
        fake.await("chat.postMessage", c -> "C0ONCE".equals(c.form().get("channel")));
        // a marker event after the duplicate: once it is answered, the duplicate has long been decided
        fake.push("events_api", event("Ev0MARK", mention.replace("C0ONCE", "C0MARK"))).get(10, TimeUnit.SECONDS);
        fake.await("chat.postMessage", c -> "C0MARK".equals(c.form().get("channel")));
        assertThat(fake.calls("chat.postMessage").stream().filter(c -> "C0ONCE".equals(c.form().get("channel"))))
                .hasSize(1);
    }

    @Test
    void appHomeShowsTheMembersNextEventsAndSubscriptions() throws Exception {
        fake.push("events_api", event("Ev0HOME", """
                {"type":"app_home_opened","user":"U0HOME","channel":"D0HOME","tab":"home","event_ts":"1700000600.000100"}"""))
                .get(10, TimeUnit.SECONDS);
        FakeSlack.Call publish = fake.await("views.publish", c -> "U0HOME".equals(c.form().get("user_id")));
        JsonNode view = publish.json("view");
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(view.get("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(view.get("blocks").toString()).contains("Your next events").contains("ccNSO Council Meeting")
                .contains("Your subscriptions").contains("You follow: Council");
        assertThat(core.invocations).filteredOn(i -> i.actor().userId().equals("U0HOME"))
                .extracting(Invocation::command).containsExactlyInAnyOrder("next", "subscriptions");
        assertThat(core.invocations).filteredOn(i -> i.actor().userId().equals("U0HOME")).allMatch(Invocation::isTyped);
    }

    private CompletableFuture<JsonNode> command(String user, String name, String text, String responseUrl)
            throws Exception {
        ObjectNode p = FakeSlack.JSON.createObjectNode();
        p.put("token", "x");
        p.put("team_id", "T0CCNSO");
        p.put("team_domain", "ccnso");
        p.put("channel_id", GENERAL);
        p.put("channel_name", "general");
        p.put("user_id", user);
        p.put("user_name", name);
        p.put("command", "/ccnso");
        p.put("text", text);
        p.put("api_app_id", "A0CCNSO");
        p.put("is_enterprise_install", "false");
        p.put("response_url", responseUrl);
        p.put("trigger_id", "1.2.3");
        return fake.push("slash_commands", p);
    }

    static JsonNode event(String eventId, String eventJson) throws Exception {
        ObjectNode e = FakeSlack.JSON.createObjectNode();
        e.put("token", "x");
        e.put("team_id", "T0CCNSO");
        e.put("api_app_id", "A0CCNSO");
        e.set("event", FakeSlack.JSON.readTree(eventJson));
        e.put("type", "event_callback");
        e.put("event_id", eventId);
        e.put("event_time", 1700000000);
        e.set("authorizations", FakeSlack.JSON.readTree(
                "[{\"team_id\":\"T0CCNSO\",\"user_id\":\"UBOT\",\"is_bot\":true}]"));
        return e;
    }
}
