package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.ical.FeedServer;
import org.ccnsobot.features.ical.IcsExporter;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 3: "Add to calendar" on the event cards the real core produces. With {@code feeds:} configured,
 * a card's row carries a link button to the event's own feed ({@code <base>/events/<id>.ics}), which the real feed
 * server answers with that event; without feeds (and no .ics link on the event) there is no such button. Real JDA
 * against {@link FakeDiscord} on 127.0.0.1, the real core on a seeded SQLite file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordCalendarLinkTest {
    @TempDir
    Path dir;

    @Test
    void aCoreCardLinksToTheEventsOwnFeedWhichTheFeedServerServesAndWithoutFeedsHasNoSuchButton() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        FeedsConfig feeds = new FeedsConfig("127.0.0.1", port, null);
        try (FakeDiscord fake = new FakeDiscord();
             BotFixture f = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY).config(c -> c.withFeeds(feeds))
                     .open(dir.resolve("with"));
             FeedServer server = FeedServer.start(feeds.bind(), port, f.bot().calendar(), f.bot().clock())) {
            JsonNode row = cardRow(fake, f);
            String eventId = row.path("components").get(0).path("custom_id").asText().substring("sub:".length());
            JsonNode add = linkButton(row);
            assertThat(add).as("an Add to calendar link button: " + row).isNotNull();
            assertThat(add.path("label").asText()).isEqualTo("Add to calendar");
            String url = add.path("url").asText();
            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/events/" + eventId + ".ics");

            // the very address on the button is a feed the server has: this event, by its UID
            HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/calendar"));
            Event event = f.bot().calendar().event(eventId).orElseThrow();
            assertThat(got.body()).contains("UID:" + IcsExporter.uid(event));
        }

        // the same card from a bot without feeds (and no .ics link on the event): no Add to calendar at all
        try (FakeDiscord fake = new FakeDiscord();
             BotFixture f = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY).open(dir.resolve("without"))) {
            JsonNode row = cardRow(fake, f);
            assertThat(row.path("components").findValuesAsText("custom_id")).hasSize(2)
                    .allMatch(id -> id.startsWith("sub:") || id.startsWith("unsub:"));
            assertThat(linkButton(row)).as("no link button: " + row).isNull();
            assertThat(row.toString()).doesNotContain("Add to calendar");
        }
    }

    /** The first button row of core's answer to a member's {@code /next}: one event card, so its own row. */
    private static JsonNode cardRow(FakeDiscord fake, BotFixture f) throws Exception {
        DiscordPlatform platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                new PlatformContext(f.bot().clock()));
        try {
            platform.start(f.bot());
            String token = fake.slash("next", null, FakeDiscord.MEMBER, List.of(FakeDiscord.MEMBER_ROLE));
            JsonNode edit = fake.await("PATCH", "/webhooks/" + FakeDiscord.BOT + "/" + token
                    + "/messages/@original").body();
            List<JsonNode> rows = new ArrayList<>();
            edit.path("components").forEach(rows::add);
            JsonNode row = rows.stream().filter(r -> r.toString().contains("\"sub:")).findFirst().orElse(null);
            assertThat(row).as("a card row with Subscribe: " + edit).isNotNull();
            return row;
        } finally {
            platform.close();
        }
    }

    private static JsonNode linkButton(JsonNode row) {
        for (JsonNode b : row.path("components")) {
            if (b.path("style").asInt() == 5) {
                return b;
            }
        }
        return null;
    }
}
