package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.RecordingHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, point 11: a form's submission is acked within Slack's 3 s even when core is slow (a database busy in
 * another process): the modal closes and core's answer follows through the response_url the form was opened with.
 * The real Bolt in Socket Mode against {@link FakeSlack}; the fake core's gate holds the submission.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackFormAckTest {

    @Test
    void aSlowSubmissionIsAckedWithinThreeSecondsAndItsAnswerFollows() throws Exception {
        try (FakeSlack fake = new FakeSlack()) {
            RecordingHandler core = SlackCore.handler();
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(Clock.systemUTC()));
            try {
                platform.start(core);
                fake.connection(1).get(10, TimeUnit.SECONDS);
                String url = fake.responseUrl("slow-form");
                // a form of the fake core's "slow" command, as the adapter opens it (its private_metadata)
                String meta = SlackModals.metadata(new SlackModals.Meta("slow", Map.of(), List.of("title"),
                        "C0GENERAL", false, url));
                ObjectNode p = (ObjectNode) FakeSlack.JSON.readTree("""
                        {"type":"view_submission","user":{"id":"U0STAFF","username":"bart","team_id":"T0CCNSO"},
                         "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.11","team":{"id":"T0CCNSO","domain":"ccnso"},
                         "view":{"id":"V11","type":"modal","callback_id":"ccnso_form",
                                 "state":{"values":{"title":{"value":{"type":"plain_text_input","value":"Held up"}}}}}}
                        """);
                ((ObjectNode) p.get("view")).put("private_metadata", meta);

                JsonNode ack = fake.push("interactive", p).get(3, TimeUnit.SECONDS);
                // closed (no errors, no update): core has not answered yet
                assertThat(ack.has("payload") && ack.get("payload").has("response_action")).isFalse();
                assertThat(core.next().options()).isEqualTo(Map.of("title", "Held up"));
                assertThat(fake.calls(url.substring(url.indexOf("/respond/")))).isEmpty();

                core.gate.countDown();
                assertThat(fake.await(url.substring(url.indexOf("/respond/"))).bodyJson().get("text").asText())
                        .isEqualTo("Finally.");
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void aCoreButtonRunsItsCommandTypedForTheClickerAndBrokenButtonsAndFormsAreStillAcked() throws Exception {
        try (FakeSlack fake = new FakeSlack()) {
            RecordingHandler core = SlackCore.handler();
            SlackPlatform platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                    new PlatformContext(Clock.systemUTC()));
            try {
                platform.start(core);
                fake.connection(1).get(10, TimeUnit.SECONDS);
                String url = fake.responseUrl("run-click");
                String value = new SlackRenderer.ButtonValue("subscribe", Map.of("topic", "council")).encode();
                fake.push("interactive", click("run_0", value, "1700000300.000100", url)).get(3, TimeUnit.SECONDS);
                org.ccnsobot.port.Invocation seen = core.next();
                assertThat(seen.isTyped()).isTrue();
                assertThat(seen.command()).isEqualTo("subscribe");
                assertThat(seen.options()).isEqualTo(Map.of("topic", "council"));
                JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
                assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
                assertThat(answer.get("text").asText()).isEqualTo("Subscribed to council.");

                // a button value that is not ours, and a form whose private_metadata is not ours: acked, nothing run
                int before = core.invocations.size();
                for (String id : List.of("run_1", "form_2", "form_event-add")) {
                    JsonNode ack = fake.push("interactive", click(id, "not json", "1700000300.0002" + id.length(), url))
                            .get(3, TimeUnit.SECONDS);
                    assertThat(ack.get("envelope_id").asText()).startsWith("env-");
                }
                JsonNode form = fake.push("interactive", FakeSlack.JSON.readTree("""
                        {"type":"view_submission","user":{"id":"U0STAFF","username":"bart","team_id":"T0CCNSO"},
                         "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.13","team":{"id":"T0CCNSO","domain":"ccnso"},
                         "view":{"id":"V13","type":"modal","callback_id":"ccnso_form","private_metadata":"{broken",
                                 "state":{"values":{}}}}
                        """)).get(3, TimeUnit.SECONDS);
                assertThat(form.has("payload") && form.get("payload").has("response_action")).isFalse();
                assertThat(core.invocations).hasSize(before);
            } finally {
                platform.close();
            }
        }
    }

    private static JsonNode click(String actionId, String value, String actionTs, String responseUrl) throws Exception {
        ObjectNode p = (ObjectNode) FakeSlack.JSON.readTree("""
                {"type":"block_actions","user":{"id":"U0MEMBER","username":"alice","team_id":"T0CCNSO"},
                 "api_app_id":"A0CCNSO","token":"x","trigger_id":"1.2.14",
                 "container":{"type":"message","message_ts":"1700000000.000001","channel_id":"C0GENERAL","is_ephemeral":true},
                 "team":{"id":"T0CCNSO","domain":"ccnso"},"channel":{"id":"C0GENERAL","name":"general"}}
                """);
        p.put("response_url", responseUrl);
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", "b1");
        action.put("value", value);
        action.put("type", "button");
        action.putObject("text").put("type", "plain_text").put("text", "A button");
        action.put("action_ts", actionTs);
        return p;
    }
}
