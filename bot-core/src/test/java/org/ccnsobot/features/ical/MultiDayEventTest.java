package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-day all-day event (DTSTART;VALUE=DATE:20240302, DTEND;VALUE=DATE:20240309: 2 to 8 March) is one event over
 * its days: stored with its last day (V10), shown as "2–8 March 2024 (all day)", on each of its days in day views and
 * in "next" while it runs, exported with the exclusive end, and round-tripped unchanged.
 */
class MultiDayEventTest {
    private static final String ICS = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other//EN", "X-WR-CALNAME:outreach",
            "BEGIN:VEVENT", "UID:week-1", "DTSTAMP:20240101T000000Z", "DTSTART;VALUE=DATE:20240302",
            "DTEND;VALUE=DATE:20240309", "SUMMARY:Outreach week", "END:VEVENT",
            "END:VCALENDAR", "");

    @TempDir
    java.nio.file.Path dir;
    ManualClock clock;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        clock = new ManualClock(Instant.parse("2024-03-01T12:00:00Z"));
        bot = BotFixture.seedBot(dir, clock);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private ImportReport importText(Bot b, String text) throws IcsException {
        return new IcsImporter(b.calendar()).importBytes(text.getBytes(StandardCharsets.UTF_8), "test.ics",
                ImportOptions.defaults());
    }

    private Event week(Bot b) {
        return snapshot(b).stream().filter(e -> e.title().equals("Outreach week")).findFirst().orElseThrow();
    }

    @Test
    void keptAsOneEventOverItsDaysAndShownAsSuch() throws Exception {
        assertThat(importText(bot, ICS).added()).containsExactly("Outreach week");

        Event week = week(bot);
        assertThat(snapshot(bot).stream().filter(e -> e.title().equals("Outreach week"))).hasSize(1);
        assertThat(week.dateOnly()).isTrue();
        assertThat(week.date()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(week.lastDay()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(week.endKey()).isEqualTo(Instant.parse("2024-03-09T00:00:00Z"));

        String details = BotFixture.ask(bot, "event " + week.id());
        assertThat(details).contains("2–8 March 2024 (all day)").doesNotContain("time not yet announced");
        // the adapters' cards carry the last day too (Slack and Discord show the span)
        org.ccnsobot.port.Block.EventCard card = new org.ccnsobot.features.calendar.EventMessages(
                bot.calendar().meetingsByCode()).card(week);
        assertThat(card.multiDay()).isTrue();
        assertThat(card.lastDay()).isEqualTo(LocalDate.of(2024, 3, 8));
    }

    @Test
    void onEachOfItsDaysAndInNextWhileItRuns() throws Exception {
        importText(bot, ICS);
        String id = week(bot).id();
        for (String day : List.of("2024-03-02", "2024-03-05", "2024-03-08")) {
            assertThat(BotFixture.ask(bot, "schedule " + day)).as(day).contains(id);
        }
        assertThat(BotFixture.ask(bot, "schedule 2024-03-01")).doesNotContain(id);
        assertThat(BotFixture.ask(bot, "schedule 2024-03-09")).doesNotContain(id);

        // on its sixth day, past the 48 hours "ongoing" looks back, it is still going on
        clock.set(Instant.parse("2024-03-07T09:00:00Z"));
        bot.calendar().invalidateAll();
        assertThat(bot.calendar().ahead(clock.instant(), 50)).extracting(Event::id).contains(id);
        clock.set(Instant.parse("2024-03-09T00:00:01Z"));
        bot.calendar().invalidateAll();
        assertThat(bot.calendar().ahead(clock.instant(), 50)).extracting(Event::id).doesNotContain(id);
    }

    @Test
    void exportedWithTheExclusiveEndAndRoundTripsUnchanged() throws Exception {
        importText(bot, ICS);
        Event week = week(bot);
        String exported = IcsExporter.export("outreach", List.of(week), Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(exported).contains("DTSTART;VALUE=DATE:20240302\r\n").contains("DTEND;VALUE=DATE:20240309\r\n");

        // into the same database: nothing changes
        ImportReport again = importText(bot, exported);
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(week(bot)).isEqualTo(week);

        // into another database: the same event, and the same export
        java.nio.file.Path other = java.nio.file.Files.createDirectories(dir.resolve("fresh"));
        try (Bot fresh = BotFixture.seedBot(other, new ManualClock(clock.instant()))) {
            importText(fresh, exported);
            Event copy = week(fresh);
            assertThat(copy.date()).isEqualTo(week.date());
            assertThat(copy.lastDay()).isEqualTo(week.lastDay());
            assertThat(IcsExporter.export("outreach", List.of(copy), Instant.parse("2024-03-01T00:00:00Z")))
                    .isEqualTo(exported);
        }
    }

    @Test
    void aOneDayDateEventStaysOneDay() throws Exception {
        importText(bot, ICS.replace("DTEND;VALUE=DATE:20240309", "DTEND;VALUE=DATE:20240303"));
        Event day = week(bot);
        assertThat(day.lastDay()).isNull();
        assertThat(day.multiDay()).isFalse();
        assertThat(BotFixture.ask(bot, "event " + day.id())).contains("time not yet announced");
    }
}
