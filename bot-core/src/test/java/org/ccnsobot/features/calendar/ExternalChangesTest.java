package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.store.ChangeFeed;
import org.ccnsobot.store.Database;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running bot takes writes made through another connection on its file (as another process makes them): its
 * caches follow, and its listeners are told of each change once, whether the write was made elsewhere or by the
 * bot itself (which then sees its own write again on the feed).
 */
class ExternalChangesTest {
    @TempDir
    Path dir;

    record Told(Optional<Event> before, Event after) {
    }

    private static Event moved(Event e, Duration by) {
        return new Event(e.id(), e.title(), e.kind(), e.meetingCode(), e.start().plus(by), e.end() == null ? null
                : e.end().plus(by), e.date(), e.zone(), e.room(), e.access(), e.description(), e.committees(),
                e.links(), e.status(), e.source(), e.sourceUid(), e.sequence() + 1);
    }

    /** Polls, and checks the feed has now seen every change logged, some of them after {@code start}. */
    private static void caughtUp(Bot bot, long start) {
        bot.changes().pollNow();
        long last = bot.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT max(seq) FROM change_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(last).isGreaterThan(start);
        assertThat(bot.changes().position()).isEqualTo(last);
    }

    @Test
    void anEventMovedElsewhereIsReloadedAndToldOnceWithWhatWasCachedBefore() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            List<Told> told = new CopyOnWriteArrayList<>();
            bot.calendar().onEventChanged((b, a) -> told.add(new Told(b, a)));
            Event council = bot.calendar().event("council-202").orElseThrow();
            assertThat(bot.calendar().upcoming(BotFixture.NEWSLETTER_DAY, 10)).contains(council);
            Event later = moved(council, Duration.ofHours(2));
            try (Database other = Database.open(bot.databaseFile())) {
                new CalendarService(CalendarStore.sqlite(other)).saveEvent(later);
            }
            bot.changes().pollNow();
            assertThat(bot.calendar().event("council-202")).contains(later);
            assertThat(bot.calendar().upcoming(BotFixture.NEWSLETTER_DAY, 10)).contains(later).doesNotContain(council);
            assertThat(told).containsExactly(new Told(Optional.of(council), later));
            bot.changes().pollNow();
            assertThat(told).hasSize(1);
        }
    }

    @Test
    void aResyncReloadsEverythingAndTellsTheListenersOfWhatChangedWithWhatWasCached() throws Exception {
        // the bot's feed is left out here: the resync is handed over as a feed that fell behind would hand it
        BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY)).close();
        Path file = dir.resolve("bot.db");
        try (Database mine = Database.open(file); Database other = Database.open(file)) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(mine));
            List<Told> told = new CopyOnWriteArrayList<>();
            calendar.onEventChanged((b, a) -> told.add(new Told(b, a)));
            Event council = calendar.event("council-202").orElseThrow();
            Event later = moved(council, Duration.ofHours(2));
            new CalendarService(CalendarStore.sqlite(other)).saveEvent(later);
            calendar.applyExternal(new ChangeFeed.Batch(List.of(), true));
            assertThat(calendar.event("council-202")).contains(later);
            assertThat(told).filteredOn(t -> t.after().id().equals("council-202")).singleElement()
                    .isEqualTo(new Told(Optional.of(council), later));
            int first = told.size();
            calendar.applyExternal(new ChangeFeed.Batch(List.of(), true));
            assertThat(told).as("a second resync finds nothing new").hasSize(first);
        }
    }

    @Test
    void theBotsOwnWritesSeenAgainOnTheFeedAreNotToldTwice() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            List<Told> told = new CopyOnWriteArrayList<>();
            List<CommitteeUpdate> updates = new CopyOnWriteArrayList<>();
            bot.calendar().onEventChanged((b, a) -> told.add(new Told(b, a)));
            bot.calendar().onUpdateAdded(updates::add);
            Event council = bot.calendar().event("council-202").orElseThrow();
            Event later = moved(council, Duration.ofHours(1));
            long start = bot.changes().position();
            bot.calendar().saveEvent(later);
            bot.calendar().addUpdate(new CommitteeUpdate(0, "GRC", Instant.parse("2024-02-10T12:00:00Z"), "staff", "x"));
            bot.calendar().setReminderOffsets("council-202", List.of(Duration.ofHours(3)));
            assertThat(told).hasSize(2);
            assertThat(updates).hasSize(1);
            caughtUp(bot, start);
            assertThat(told).as("and told nobody again").hasSize(2);
            assertThat(updates).hasSize(1);
        }
    }

    @Test
    void subscribersAreToldOfEachMoveOnceWhetherTheBotOrAnotherProcessMadeIt() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        RecordingPlatform platform = new RecordingPlatform(BotFixture.MEMBER.platform(), clock);
        try (Bot bot = BotFixture.seedBot(dir, clock, platform.withChannel(ChannelRole.ANNOUNCEMENTS, "announcements")
                .withChannel(ChannelRole.STAFF, "staff"))) {
            BotFixture.ask(bot, "subscribe all");
            Outbox reminders = bot.start(false);
            Event council = bot.calendar().event("council-202").orElseThrow();
            long start = bot.changes().position();
            bot.calendar().saveEvent(moved(council, Duration.ofHours(1)));
            reminders.fireDue();
            // the bot's own write comes back on the feed: nobody is told again
            caughtUp(bot, start);
            reminders.fireDue();
            assertThat(platform.texts()).filteredOn(t -> t.startsWith("Moved:")).hasSize(2);
            try (Database other = Database.open(bot.databaseFile())) {
                new CalendarService(CalendarStore.sqlite(other)).saveEvent(moved(council, Duration.ofHours(3)));
            }
            bot.changes().pollNow();
            reminders.fireDue();
            bot.changes().pollNow();
            reminders.fireDue();
            List<String> moves = platform.texts().stream().filter(t -> t.startsWith("Moved:")).toList();
            assertThat(moves).hasSize(4);
            assertThat(moves.subList(2, 4)).allSatisfy(t -> assertThat(t).contains("21:00 UTC (was Thu 15 Feb 2024 19:00"));
            assertThat(platform.attempts()).extracting(a -> a.destination().key()).containsExactlyInAnyOrder(
                    "test:channel:announcements", "test:dm:member-1", "test:channel:announcements", "test:dm:member-1");
        }
    }

    @Test
    void updatesOffsetsAndUserZonesWrittenElsewhereReachTheBot() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            List<Told> told = new CopyOnWriteArrayList<>();
            List<CommitteeUpdate> updates = new CopyOnWriteArrayList<>();
            bot.calendar().onEventChanged((b, a) -> told.add(new Told(b, a)));
            bot.calendar().onUpdateAdded(updates::add);
            assertThat(bot.zoneFor("discord", "u1")).isEqualTo(ZoneId.of("UTC"));
            assertThat(bot.calendar().committee("GRC")).get().extracting(Committee::name)
                    .isEqualTo("Guidelines Review Committee");
            try (Database other = Database.open(bot.databaseFile())) {
                CalendarService elsewhere = new CalendarService(CalendarStore.sqlite(other));
                elsewhere.addUpdate(new CommitteeUpdate(0, "GRC", Instant.parse("2024-02-10T12:00:00Z"), "staff",
                        "posted from another process"));
                elsewhere.setReminderOffsets("council-202", List.of(Duration.ofHours(5)));
                elsewhere.store().setUserZone("discord", "u1", ZoneId.of("Europe/Brussels"));
                elsewhere.store().saveAll(List.of(new Committee("GRC", "Guidelines Review Committee (renamed)", null,
                        null, List.of("rules people"))), List.of(), List.of(), List.of());
            }
            bot.changes().pollNow();
            assertThat(updates).extracting(CommitteeUpdate::text).containsExactly("posted from another process");
            assertThat(told).extracting(t -> t.after().id()).containsExactly("council-202");
            assertThat(bot.zoneFor("discord", "u1")).isEqualTo(ZoneId.of("Europe/Brussels"));
            assertThat(bot.calendar().committee("rules people")).get().extracting(Committee::name)
                    .isEqualTo("Guidelines Review Committee (renamed)");
        }
    }
}
