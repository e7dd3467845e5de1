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
}
