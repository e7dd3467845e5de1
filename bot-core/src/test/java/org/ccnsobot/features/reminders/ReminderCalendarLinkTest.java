package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.reminders.ReminderServiceTest.CHANNEL;
import static org.ccnsobot.features.reminders.ReminderServiceTest.COUNCIL_24H;
import static org.ccnsobot.features.reminders.ReminderServiceTest.dm;

import java.nio.file.Path;
import java.util.List;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 3: a reminder's event card, like a command's, carries the event's own feed on the configured feed
 * server ({@code <publicUrl>/events/<id>.ics}) for the platforms' "Add to calendar"; without {@code feeds:} none.
 */
class ReminderCalendarLinkTest {
    @TempDir
    Path dir;

    @Test
    void aRemindersCardCarriesTheEventsFeedExactlyWhenFeedsAreConfigured() throws Exception {
        FeedsConfig feeds = new FeedsConfig("127.0.0.1", 8080, "https://cal.ccnso.example.org/");
        assertThat(calendarUrls(dir.resolve("with"), feeds))
                .containsOnly("https://cal.ccnso.example.org/events/council-300.ics");
        assertThat(calendarUrls(dir.resolve("without"), null)).as("no feed server, no address").containsOnly("none");
    }

    @Test
    void anEventsFeedAddressIsTheBindBaseWithoutAPublicUrlAndItsIdIsEncodedAsTheServerDecodesIt() {
        assertThat(new FeedsConfig("127.0.0.1", 8080, null).eventUrl("council-300"))
                .isEqualTo("http://127.0.0.1:8080/events/council-300.ics");
        assertThat(new FeedsConfig("127.0.0.1", 8080, "https://cal.example.org").eventUrl("a b+c/d"))
                .isEqualTo("https://cal.example.org/events/a%20b%2Bc%2Fd.ics");
    }

    /** The calendar addresses ("none" for null) on the cards of the council's 24 h reminders (channel and DM). */
    private static List<String> calendarUrls(Path dir, FeedsConfig feeds) throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().config(c -> c.withFeeds(feeds)).open(dir)) {
            f.say("carol", "subscribe council");
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            List<Destination> to = List.of(CHANNEL, dm("carol"));
            List<Block.EventCard> cards = f.platform().delivered().stream().filter(a -> to.contains(a.destination()))
                    .flatMap(a -> a.message().blocks().stream()).filter(b -> b instanceof Block.EventCard)
                    .map(b -> (Block.EventCard) b).toList();
            assertThat(cards).as("a card in the channel's and in carol's reminder").hasSize(2)
                    .allMatch(c -> c.eventId().equals("council-300"));
            return cards.stream().map(c -> c.calendarUrl() == null ? "none" : c.calendarUrl()).toList();
        }
    }
}
