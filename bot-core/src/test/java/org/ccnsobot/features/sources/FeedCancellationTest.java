package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.sources.SchedServer.sched;
import static org.ccnsobot.features.sources.SchedServer.session;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed that keeps an event but marks it STATUS:CANCELLED cancels it as surely as one that drops it: the look's
 * counts say "cancelled", and a look that marks most upcoming events cancelled is held like a truncated export.
 * Real HTTP server on 127.0.0.1, real SQLite file, ManualClock.
 */
class FeedCancellationTest {
    static final String GRC = session("c-grc@sched", "GRC Workshop", "20240302T130000Z", "ccNSO", "Room 101");
    static final String DASC = session("c-dasc@sched", "DNS Abuse Standing Committee", "20240303T140000Z", "ccNSO",
            "Room 102");
    static final String TECH = session("c-tech@sched", "Tech Day", "20240304T150000Z", "TechWG", "Salon A");
    static final String GNSO = session("c-gnso@sched", "GNSO Council Meeting", "20240305T160000Z", "GNSO",
            "Salon B");

    @TempDir
    Path dir;
    SchedServer server;
    BotFixture bot;

    @BeforeEach
    void serve() throws Exception {
        server = new SchedServer();
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    private void open() throws Exception {
        SourceConfig source = new SourceConfig("icann79", URI.create(server.url("/all.ics")), "ICANN79",
                Duration.ofMinutes(15), List.of());
        bot = BotFixture.builder().platform("test", p -> p.withChannel(ChannelRole.STAFF, "staff"))
                .config(c -> c.withSources(List.of(source))).open(dir);
        bot.start(false);
        bot.fire();
    }

    private static String cancelledInFeed(String session) {
        return session.replace("SUMMARY:", "STATUS:CANCELLED\r\nSUMMARY:");
    }

    private List<Event> imported() {
        return snapshot(bot.bot()).stream().filter(e -> "ics:icann79".equals(e.source())).toList();
    }

    @Test
    void aSessionTheFeedMarksCancelledIsCountedAsCancelled() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open();
        server.serveIcs(sched(GRC, DASC, TECH, cancelledInFeed(GNSO)));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();

        assertThat(bot.staff("sources").text()).contains("0 added, 0 updated, 1 cancelled, 3 unchanged");
        assertThat(imported()).filteredOn(e -> e.status() == EventStatus.CANCELLED)
                .extracting(Event::title).containsExactly("GNSO Council Meeting");
    }

    @Test
    void aLookThatMarksMostUpcomingSessionsCancelledWaitsForAccept() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open();
        List<Event> before = snapshot(bot.bot());

        server.serveIcs(sched(GRC, cancelledInFeed(DASC), cancelledInFeed(TECH), cancelledInFeed(GNSO)));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();
        assertThat(snapshot(bot.bot())).as("held: nothing changed").isEqualTo(before);
        assertThat(bot.staff("sources").text()).contains("held back: this look would cancel 3 of 4 upcoming events");
        assertThat(bot.platform("test").texts()).singleElement().asString().contains("held back");

        assertThat(bot.staff("sync icann79 --accept").text()).contains("3 cancelled");
        assertThat(imported()).filteredOn(e -> e.status() == EventStatus.CANCELLED).hasSize(3);
    }
}
