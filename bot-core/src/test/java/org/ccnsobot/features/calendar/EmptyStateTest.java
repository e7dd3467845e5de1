package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing ahead the bot says up to when the calendar holds anything, and tells staff how to add a source. */
class EmptyStateTest {
    @TempDir
    Path dir;

    @Test
    void nothingAheadSaysWhatTheCalendarHolds() throws Exception {
        try (BotFixture bot = BotFixture.builder().at(Instant.parse("2026-12-01T22:00:00Z")).open(dir)) {
            assertThat(bot.ask("next")).isEqualTo("Nothing upcoming in the calendar. The calendar holds nothing"
                    + " after Thu 7 Mar 2024.");
            assertThat(bot.ask("what is next?")).startsWith("Nothing upcoming in the calendar.")
                    .contains("Thu 7 Mar 2024").doesNotContain("Staff");
            assertThat(bot.staff("next").text()).contains("nothing after Thu 7 Mar 2024", "Staff: add a sources:",
                    "import <url>");
        }
    }
}
