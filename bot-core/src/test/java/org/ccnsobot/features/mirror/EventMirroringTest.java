package org.ccnsobot.features.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventMirroringTest {
    @TempDir
    Path dir;

    @Test
    void upcomingEventsAreMirroredAtStartAndFollowEditsMovesAndCancellations() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        try (Bot bot = BotFixture.seedBot(dir, clock)) {
            RecordingPlatform.Mirroring listing = RecordingPlatform.mirroring("listing", clock);
            listing.capabilities(Set.of());
            EventMirroring mirroring = EventMirroring.start(bot.calendar(), List.of(listing), clock);
            mirroring.syncUpcoming().get(10, TimeUnit.SECONDS);
            assertThat(listing.calls).contains("upsert council-202 scheduled", "upsert icann79-tech-day scheduled",
                    "upsert grc-open-space-2024-02-14 scheduled");

            listing.calls.clear();
            Event council = bot.calendar().event("council-202").orElseThrow();
            Event moved = new Event(council.id(), council.title(), council.kind(), council.meetingCode(),
                    Instant.parse("2024-02-16T18:00:00Z"), null, council.date().plusDays(1), council.zone(), council.room(),
                    council.access(), council.description(), council.committees(), council.links(), EventStatus.MOVED,
                    council.source(), council.sourceUid(), council.sequence() + 1);
            bot.calendar().saveEvent(moved);
            assertThat(listing.calls).containsExactly("upsert council-202 moved");

            bot.calendar().saveEvent(moved.withStatus(EventStatus.CANCELLED));
            assertThat(listing.calls).containsExactly("upsert council-202 moved", "upsert council-202 cancelled");

            // A platform that fails does not undo or block the calendar write.
            listing.fail = true;
            bot.calendar().saveEvent(moved.withStatus(EventStatus.SCHEDULED));
            assertThat(bot.calendar().event("council-202").orElseThrow().status()).isEqualTo(EventStatus.SCHEDULED);
        }
    }

    @Test
    void nothingIsMirroredWithoutAPlatformThatCanListEvents() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        try (Bot bot = BotFixture.seedBot(dir, clock)) {
            assertThat(EventMirroring.start(bot.calendar(), List.of(), clock)).isNull();
        }
    }
}
