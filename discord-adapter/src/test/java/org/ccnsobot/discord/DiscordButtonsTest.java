package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.discord.FakeDiscord.ANNOUNCE;
import static org.ccnsobot.discord.FakeDiscord.BOT;
import static org.ccnsobot.discord.FakeDiscord.MEMBER;
import static org.ccnsobot.discord.FakeDiscord.MEMBER_ROLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.RecordingHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 3 (in part): Subscribe / Unsubscribe buttons under event cards, with custom ids that carry the
 * event, so a click works after a restart; an unknown id is explained privately. The real JDA against
 * {@link FakeDiscord}.
 */
class DiscordButtonsTest {
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
                new PlatformContext(Clock.fixed(DiscordEndToEndTest.NOW, ZoneOffset.UTC)));
        p.start(handler);
        return p;
    }

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        fake.close();
    }

    @Test
    void anEventCardCarriesSubscribeAndUnsubscribeButtonsWhoseIdsNameTheEvent() throws Exception {
        String token = fake.slash("next", null, MEMBER, List.of(MEMBER_ROLE));
        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        JsonNode buttons = edit.path("components").get(0).path("components");
        assertThat(buttons.findValuesAsText("custom_id")).containsExactly("sub:evt-council-79", "unsub:evt-council-79");
        assertThat(buttons.findValuesAsText("label")).containsExactly("Subscribe", "Unsubscribe");
        DiscordEndToEndTest.assertNoPings(edit);

        // a reminder posted by the outbox carries them too
        platform.send(new Destination.Channel("discord", ANNOUNCE), OutgoingMessage.of("Council in 1 hour",
                List.of(new Block.Heading("Reminder"), DiscordCore.council()))).get(10, TimeUnit.SECONDS);
        JsonNode posted = fake.await("POST", "/channels/" + ANNOUNCE + "/messages").body();
        assertThat(posted.path("components").get(0).path("components").findValuesAsText("custom_id"))
                .containsExactly("sub:evt-council-79", "unsub:evt-council-79");
    }

    @Test
    void anEventWithAnIcsLinkAlsoOffersAddToCalendar() throws Exception {
        Block.EventCard c = DiscordCore.council();
        Block.EventCard withIcs = new Block.EventCard(c.eventId(), c.title(), c.start(), c.end(), c.date(), c.venueZone(),
                c.place(), c.room(), c.access(), c.committees(), c.status(), c.description(),
                List.of(new Block.Link("Agenda", "https://ccnso.icann.org/en/meetings/council"),
                        new Block.Link("Calendar", "https://ccnso.example.org/ics/evt-council-79.ics")));
        platform.send(new Destination.Channel("discord", ANNOUNCE), OutgoingMessage.of("Council in 1 hour",
                List.of(withIcs))).get(10, TimeUnit.SECONDS);
        JsonNode row = fake.await("POST", "/channels/" + ANNOUNCE + "/messages").body().path("components").get(0);
        assertThat(row.path("components").findValuesAsText("label")).containsExactly("Subscribe", "Unsubscribe",
                "Add to calendar");
        assertThat(row.path("components").get(2).path("url").asText()).isEqualTo("https://ccnso.example.org/ics/evt-council-79.ics");
        assertThat(row.path("components").get(2).path("style").asInt()).as("link").isEqualTo(5);
    }

    @Test
    void aLongListCarriesNoSubscribeButtonsOnlyItsPaging() throws Exception {
        String token = fake.slash("week", FakeDiscord.options("weeks", 4, 25), MEMBER, List.of());
        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("components").size()).isEqualTo(1);
        assertThat(edit.path("components").findValuesAsText("custom_id")).allMatch(id -> id.startsWith("pg"));
    }

    @Test
    void aClickAfterARestartSubscribesTheMemberPrivately() throws Exception {
        platform.close();
        platform = startPlatform();
        handler.clear();

        String token = fake.button("sub:evt-council-79", MEMBER, List.of(MEMBER_ROLE));

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(callback.path("data").path("flags").asInt() & 64).as("privately").isEqualTo(64);
        Invocation seen = handler.next();
        assertThat(seen.isTyped()).isTrue();
        assertThat(seen.command()).isEqualTo("subscribe");
        assertThat(seen.options()).isEqualTo(Map.of("topic", "evt-council-79"));
        assertThat(seen.actor().userId()).isEqualTo(MEMBER);
        fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original");

        String unsub = fake.button("unsub:evt-council-79", MEMBER, List.of(MEMBER_ROLE));
        fake.await("PATCH", "/webhooks/" + BOT + "/" + unsub + "/messages/@original");
        assertThat(handler.invocations).extracting(Invocation::command).containsExactly("subscribe", "unsubscribe");
    }

    @Test
    void anAnnouncementPreviewOffersConfirmAndCancelWhichRunTheTypedCommandForTheClicker() throws Exception {
        OutgoingMessage preview = OutgoingMessage.of("Preview of announcement A1 …", List.of(
                new Block.Paragraph("Preview of announcement A1 …"),
                new Block.Actions(List.of(new Block.Action("Confirm", "announce", Map.of("text", "confirm A1"), true),
                        new Block.Action("Cancel", "announce", Map.of("text", "cancel A1"), false)))));
        List<Page> pages = Renderer.render(preview);
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.content()).isEqualTo("Preview of announcement A1 …");
            assertThat(p.embeds()).as("still a plain message").isEmpty();
            assertThat(p.rows()).singleElement().satisfies(r -> assertThat(r.getButtons())
                    .extracting(b -> b.getLabel() + " " + b.getCustomId())
                    .containsExactly("Confirm run:0|announce|text=confirm+A1", "Cancel run:0|announce|text=cancel+A1"));
        });

        String token = fake.button("run:0|announce|text=confirm+A1", FakeDiscord.STAFFER,
                List.of(FakeDiscord.STAFF_ROLE));
        Invocation seen = handler.next();
        assertThat(seen.isTyped()).isTrue();
        assertThat(seen.command()).isEqualTo("announce");
        assertThat(seen.options()).isEqualTo(Map.of("text", "confirm A1"));
        assertThat(seen.actor().roles()).contains(FakeDiscord.STAFF_ROLE);
        JsonNode edit = fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
        assertThat(edit.path("content").asText()).isEqualTo("Announcement scheduled.");
    }

    @Test
    void aButtonTheBotDoesNotKnowIsExplainedPrivately() throws Exception {
        String token = fake.button("announce-confirm:A1", MEMBER, List.of(MEMBER_ROLE));

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("immediate reply").isEqualTo(4);
        assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(callback.path("data").path("content").asText()).contains("no longer does anything");
        assertThat(handler.invocations).isEmpty();
    }
}
