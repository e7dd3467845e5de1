package org.ccnsobot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start makes the database whole or not at all: a failed one leaves no file behind. */
class FirstStartTest {
    @TempDir
    Path dir;

    private List<String> files(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBadCalendarOnAFirstStartLeavesNoDatabaseFileBehind() throws Exception {
        Path calendar = Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(calendar.resolve("events.yaml"), "events:\n  - id: x\n    title: X\n    date: 2024-03-05\n"
                + "    committees: [NOPE]\n");
        Path data = dir.resolve("data");
        BotConfig cfg = BotConfig.defaults().withDatabase(data.resolve("bot.db")).withCalendar(calendar);
        assertThatThrownBy(() -> Bot.open(cfg, new ManualClock(BotFixture.NEWSLETTER_DAY)))
                .isInstanceOf(CalendarException.class).hasMessageContaining("events.yaml: event x: ");
        assertThat(files(data)).as("no database, no WAL, no temporary file").isEmpty();

        // a missing calendar folder likewise
        BotConfig none = cfg.withCalendar(dir.resolve("no-such-folder"));
        assertThatThrownBy(() -> Bot.open(none, new ManualClock(BotFixture.NEWSLETTER_DAY)))
                .isInstanceOf(CalendarException.class).hasMessageContaining("no such calendar folder");
        assertThat(files(data)).isEmpty();
    }

    @Test
    void aGoodFirstStartLeavesTheSeededDatabaseAndNothingElse() throws Exception {
        Path data = dir.resolve("data");
        try (Bot bot = BotFixture.seedBot(data, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(BotFixture.ask(bot, "next council")).contains("ccNSO Council meeting 202");
            assertThat(files(data)).noneMatch(n -> n.contains(".new-"));
        }
        assertThat(files(data)).contains("bot.db").noneMatch(n -> n.contains(".new-"));
        // and a second start opens it as it is (no second seeding)
        try (Bot bot = BotFixture.seedBot(data, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(BotFixture.ask(bot, "committees")).contains("GRC");
        }
    }
}
