package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the whole bot: a staff command refused for its options still leaves its audit row. */
class StaffAttemptsAuditedTest {
    @TempDir
    Path dir;

    @Test
    void optionErrorsOfStaffCommandsAreAuditedAsFailedAttempts() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-03-01T12:00:00Z")))) {
            List<String> attempts = List.of(
                    "event add \"GRC prep\" --date 2024-03-05 --colour red",
                    "event add \"GRC prep\" --date 2024-03-05 --access secret",
                    "event add \"GRC prep\" --date 2024-03-05 --start 10:00 --zone Mars/Olympus");
            for (String a : attempts) {
                assertThat(BotFixture.staff(bot, a).text()).doesNotStartWith("Added");
            }
            List<AuditLog.Entry> audit = new AuditLog(bot.database()).since(Instant.EPOCH, 100);
            assertThat(audit).hasSize(3).allSatisfy(e -> {
                assertThat(e.action()).isEqualTo("event-add");
                assertThat(e.outcome()).startsWith("failed: ");
            });
            assertThat(audit).extracting(AuditLog.Entry::detail).containsExactlyElementsOf(attempts);
            assertThat(BotFixture.ask(bot, "when GRC prep")).doesNotContain("GRC prep [");
        }
    }
}
