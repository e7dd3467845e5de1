package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window behind {@code next}: served from memory, read again in the background as it runs low, dropped by a
 * write. Whatever path an answer takes, it must be what the store says at that moment.
 */
class AheadCacheTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static List<Event> generated(int n) {
        Random random = new Random(3);
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = FROM.plusSeconds(random.nextInt(200 * 86_400) / 900 * 900L);
            boolean dateOnly = random.nextInt(8) == 0;
            ZoneId zone = i % 3 == 0 ? ZoneId.of("Pacific/Kiritimati") : ZoneOffset.UTC;
            LocalDate day = LocalDate.ofInstant(start, zone);
            out.add(new Event(String.format("gen-%05d", i), "Session " + i, "session", null, dateOnly ? null : start,
                    dateOnly ? null : start.plusSeconds(3600 + random.nextInt(4) * 1800L), day, zone, null,
                    Access.OPEN, null, List.of(), List.of(),
                    random.nextInt(20) == 0 ? EventStatus.CANCELLED : EventStatus.SCHEDULED, "test", null, 0));
        }
        return out;
    }

    @Test
    void everyAnswerOfAForwardSweepIsWhatTheStoreSaysAcrossBackgroundRefillsAndWrites() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(FROM))) {
            CalendarStore store = bot.calendar().store();
            store.saveAll(List.of(), List.of(), generated(2400), List.of());
            CalendarService calendar = bot.calendar();
            calendar.invalidateAll(); // the rows were written under the service, as another process would
            Random random = new Random(5);
            Instant now = FROM.minusSeconds(86_400);
            int compared = 0;
            for (int i = 0; i < 1200; i++) {
                now = now.plusSeconds(random.nextInt(6 * 3600));
                if (i == 600) {
                    // a write while a window is held: a session soon after now, which every later answer must show
                    Event soon = new Event("written-soon", "Written while cached", "session", null,
                            now.plusSeconds(60), now.plusSeconds(3660), LocalDate.ofInstant(now, ZoneOffset.UTC),
                            ZoneOffset.UTC, null, Access.OPEN, null, List.of(), List.of(), EventStatus.SCHEDULED,
                            "test", null, 0);
                    calendar.saveEvent(soon);
                }
                List<Event> cached = calendar.ahead(now, 5);
                List<Event> truth = new ArrayList<>(store.ongoing(now.minus(AheadCache.ONGOING_LOOKBACK), now));
                truth.addAll(store.upcoming(now, 5));
                truth = truth.subList(0, Math.min(5, truth.size()));
                assertThat(cached).as("ahead at %s (answer %d)", now, i).isEqualTo(truth);
                if (i == 600) {
                    assertThat(calendar.ahead(now, 200)).extracting(Event::id).contains("written-soon");
                }
                compared++;
            }
            assertThat(compared).isEqualTo(1200);
        }
    }
}
