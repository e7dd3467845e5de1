package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.Secret;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 3 on Slack: a card's "Add to calendar" uses the workspace's {@code slack.calendarUrl} template
 * first, then the event's own feed that core puts on the card when {@code feeds:} is configured, then an .ics link
 * of the event.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackCalendarLinkTest {
    private static final String FEED = "https://cal.example.org/events/e1.ics";

    @TempDir
    Path dir;

    private static Block.EventCard card(String calendarUrl, List<Block.Link> links) {
        return new Block.EventCard("e1", "Tech Day", null, null, LocalDate.of(2024, 3, 4), ZoneId.of("UTC"), null,
                null, null, List.of(), "scheduled", null, links, null, calendarUrl);
    }

    /** The url of the card's Add to calendar button, or null when it has none. */
    private static String calendarButton(SlackRenderer renderer, Block.EventCard card) {
        return renderer.render(OutgoingMessage.of("x", List.of(card))).get(0).blocks().stream()
                .filter(b -> b instanceof ActionsBlock).flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .map(e -> (ButtonElement) e).filter(b -> SlackRenderer.CALENDAR_ACTION.equals(b.getActionId()))
                .map(ButtonElement::getUrl).findFirst().orElse(null);
    }

    @Test
    void withoutATemplateTheButtonOpensTheEventsFeedBeforeAnIcsLink() {
        List<Block.Link> ics = List.of(new Block.Link("iCal", "https://ccnso.icann.org/e1.ics"));
        SlackRenderer noTemplate = new SlackRenderer(null);
        assertThat(calendarButton(noTemplate, card(FEED, List.of()))).isEqualTo(FEED);
        assertThat(calendarButton(noTemplate, card(FEED, ics))).as("the feed first").isEqualTo(FEED);
        assertThat(calendarButton(noTemplate, card(null, ics))).as("then the .ics link")
                .isEqualTo("https://ccnso.icann.org/e1.ics");
        assertThat(calendarButton(noTemplate, card(null, List.of()))).as("else no button").isNull();

        SlackRenderer template = new SlackRenderer("https://workspace.example.org/{eventId}.ics");
        assertThat(calendarButton(template, card(FEED, ics))).as("the template wins")
                .isEqualTo("https://workspace.example.org/e1.ics");
    }

    /** The real core with {@code feeds:} and a Slack workspace without a template: the card opens the event's feed. */
    @Test
    void aCoreCardOnSlackWithoutATemplateOpensTheEventsFeed() throws Exception {
        FeedsConfig feeds = new FeedsConfig("127.0.0.1", 8080, "https://cal.ccnso.example.org/");
        try (FakeSlack fake = new FakeSlack();
             BotFixture f = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY).config(c -> c.withFeeds(feeds))
                     .open(dir)) {
            SlackSettings settings = new SlackSettings(new Secret("xoxb-test-bot"), new Secret("xapp-test-app"), null,
                    "socket", null, null, "C0ANNOUNCE", "C0STAFF", fake.apiUrl(), List.of(), null);
            SlackPlatform platform = new SlackPlatform(settings, new PlatformContext(f.bot().clock()));
            try {
                platform.start(f.bot());
                fake.connection(1).get(10, TimeUnit.SECONDS);
                String url = fake.responseUrl("cal-1");
                ObjectNode p = FakeSlack.JSON.createObjectNode();
                p.put("team_id", "T0CCNSO");
                p.put("channel_id", "C0GENERAL");
                p.put("user_id", "U0MEMBER");
                p.put("user_name", "alice");
                p.put("command", "/ccnso");
                p.put("text", "when is the next council meeting?");
                p.put("api_app_id", "A0CCNSO");
                p.put("response_url", url);
                p.put("trigger_id", "1.2.3");
                fake.push("slash_commands", p).get(10, TimeUnit.SECONDS);
                JsonNode answer = fake.await(url.substring(url.indexOf("/respond/"))).bodyJson();
                List<JsonNode> calendar = answer.get("blocks").findParents("action_id").stream()
                        .filter(b -> b.path("action_id").asText().equals(SlackRenderer.CALENDAR_ACTION)).toList();
                assertThat(calendar).as("an Add to calendar button: " + answer).isNotEmpty();
                assertThat(calendar.get(0).path("url").asText())
                        .isEqualTo("https://cal.ccnso.example.org/events/council-202.ics");
            } finally {
                platform.close();
            }
        }
    }
}
