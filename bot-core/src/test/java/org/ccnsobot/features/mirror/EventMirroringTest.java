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

    /** A copy of {@code like} with its own id, starting at {@code start} for an hour. */
    private static Event at(Event like, String id, Instant start) {
        return new Event(id, "Working session " + id, like.kind(), null, start, start.plusSeconds(3600),
                start.atZone(java.time.ZoneOffset.UTC).toLocalDate(), java.time.ZoneOffset.UTC, null, like.access(),
                null, List.of(), List.of(), EventStatus.SCHEDULED, like.source(), null, 0);
    }

    @Test
    void aPlatformThatListsAHundredEventsHoldsTheSoonestHundredAndTheWindowRollsOnAsEventsEndOrArrive()
            throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        try (Bot bot = BotFixture.seedBot(dir, clock)) {
            Event like = bot.calendar().event("council-202").orElseThrow();
            Instant first = BotFixture.NEWSLETTER_DAY.plusSeconds(1800);
            for (int i = 0; i < 130; i++) {
                bot.calendar().saveEvent(at(like, String.format("ws-%03d", i), first.plusSeconds(i * 2L * 3600)));
            }
            RecordingPlatform.Mirroring discordLike = RecordingPlatform.mirroring("listing", clock);
            discordLike.capacity = 100;
            EventMirroring mirroring = EventMirroring.start(bot.calendar(), List.of(discordLike), clock);
            mirroring.syncUpcoming().get(10, TimeUnit.SECONDS);

            List<String> soonest = bot.calendar().ahead(clock.instant(), 100).stream().map(Event::id).toList();
            assertThat(discordLike.listed).hasSize(100).containsExactlyInAnyOrderElementsOf(soonest);
            assertThat(discordLike.listed).contains("ws-000", "council-202").doesNotContain("ws-129");
            String lastIn = soonest.get(99);

            // Two and a half hours on, ws-000 has ended: it comes down and the next event goes up; ws-001 is on now and stays.
            discordLike.calls.clear();
            clock.set(first.plusSeconds(9000));
            mirroring.roll().get(10, TimeUnit.SECONDS);
            List<String> after = bot.calendar().ahead(clock.instant(), 100).stream().map(Event::id).toList();
            assertThat(discordLike.calls).contains("remove ws-000").doesNotContain("remove ws-001");
            assertThat(discordLike.listed).hasSize(100).contains("ws-001").doesNotContain("ws-000")
                    .containsExactlyInAnyOrderElementsOf(after);
            assertThat(discordLike.calls.stream().filter(c -> c.startsWith("upsert"))).hasSize(1);

            // A new session before the end of the window pushes the last one out.
            discordLike.calls.clear();
            String lastNow = after.get(99);
            bot.calendar().saveEvent(at(like, "ws-new", clock.instant().plusSeconds(600)));
            assertThat(discordLike.calls).containsExactlyInAnyOrder("upsert ws-new scheduled", "remove " + lastNow);
            assertThat(discordLike.listed).hasSize(100).contains("ws-new").doesNotContain(lastNow);

            // A cancellation in the window takes it down and lets the next one in.
            discordLike.calls.clear();
            bot.calendar().saveEvent(bot.calendar().event("ws-new").orElseThrow().withStatus(EventStatus.CANCELLED));
            assertThat(discordLike.calls).containsExactlyInAnyOrder("upsert ws-new cancelled", "upsert " + lastNow
                    + " scheduled");
            assertThat(discordLike.listed).hasSize(100).contains(lastNow).doesNotContain("ws-new");
            assertThat(lastIn).isNotNull();
        }
    }

    @Test
    void afterARestartWithLessRoomTheEventsBeyondTheWindowThatAnEarlierRunListedComeDown() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        try (Bot bot = BotFixture.seedBot(dir, clock)) {
            Event like = bot.calendar().event("council-202").orElseThrow();
            for (int i = 0; i < 40; i++) {
                bot.calendar().saveEvent(at(like, String.format("ws-%03d", i),
                        BotFixture.NEWSLETTER_DAY.plusSeconds(3600 + i * 3600L)));
            }
            RecordingPlatform.Mirroring listing = RecordingPlatform.mirroring("listing", clock);
            // what an earlier run left: the forty sessions and an event since deleted from the calendar
            for (int i = 0; i < 40; i++) {
                listing.listed.add(String.format("ws-%03d", i));
            }
            listing.listed.add("gone-from-the-calendar");
            listing.capacity = 10;
            EventMirroring.start(bot.calendar(), List.of(listing), clock).syncUpcoming().get(10, TimeUnit.SECONDS);
            List<String> soonest = bot.calendar().ahead(clock.instant(), 10).stream().map(Event::id).toList();
            assertThat(listing.listed).containsExactlyInAnyOrderElementsOf(soonest);
            assertThat(listing.calls).contains("remove gone-from-the-calendar", "remove ws-039");
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
