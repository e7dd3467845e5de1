package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.outbox.JobState;
import org.ccnsobot.outbox.LedgerBusyException;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderServiceTest {
    static final Destination CHANNEL = new Destination.Channel("chat", "announcements");
    static final Instant COUNCIL_24H = Instant.parse("2024-03-09T18:00:00Z");
    static final Instant COUNCIL_1H = Instant.parse("2024-03-10T17:00:00Z");

    @TempDir
    Path dir;

    static Destination dm(String user) {
        return new Destination.DirectMessage("chat", user);
    }

    @Test
    void eachOffsetFiresOnceAtItsInstantToTheChannelAndEverySubscriber() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe council");
            f.say("bob", "subscribe all");
            f.say("carol", "subscribe grc");
            f.say("dave", "subscribe council-300");
            f.say("erin", "subscribe council");
            f.say("erin", "unsubscribe everything");
            f.start(false);

            f.clock().set(COUNCIL_24H.minusSeconds(1));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();

            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).extracting(Attempt::destination)
                    .containsExactly(CHANNEL, dm("alice"), dm("bob"), dm("dave"));
            assertThat(f.platform().delivered()).allSatisfy(a -> {
                assertThat(a.at()).isEqualTo(COUNCIL_24H);
                assertThat(a.text()).startsWith("Reminder: ccNSO Council meeting 300 starts in 24 hours")
                        .contains("[council-300]");
            });
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(4);

            f.clock().set(COUNCIL_1H);
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).hasSize(8);
            assertThat(f.platform().delivered().subList(4, 8)).allSatisfy(a -> {
                assertThat(a.at()).isEqualTo(COUNCIL_1H);
                assertThat(a.text()).contains("starts in 60 minutes");
            });

            // the GRC webinar (kind webinar: one reminder, 2 h before) reaches the channel, bob (all) and carol (GRC)
            f.clock().set(Instant.parse("2024-03-12T12:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().delivered().subList(8, f.platform().delivered().size()))
                    .extracting(Attempt::destination).containsExactly(CHANNEL, dm("bob"), dm("carol"));

            // the event's own offsets (48h, 1h) override the defaults; the date-only event gets its morning
            f.clock().set(Instant.parse("2024-03-13T12:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().texts()).last().asString().contains("Session with its own reminders starts in 2 days");
            f.clock().set(Instant.parse("2024-03-20T11:59:59Z"));
            f.outbox().fireDue();
            int before = f.platform().delivered().size();
            f.clock().set(Instant.parse("2024-03-20T12:00:00Z")); // 08:00 in Puerto Rico (UTC-4)
            f.outbox().fireDue();
            assertThat(f.platform().delivered().subList(before, f.platform().delivered().size()))
                    .extracting(Attempt::text).first().asString()
                    .contains("Milestone with a date only is on Wed 20 Mar 2024 (time not yet announced)");

            assertOnceEach(f.platform());
            assertThat(f.outbox().stats().rowsByState()).containsEntry(JobState.SENDING, 0).containsEntry(JobState.FAILED, 0);
        }
    }

    @Test
    void theSchedulerThreadWakesWhenTheClockMovesAndFiresAtTheDueInstant() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe council");
            f.start(true);
            f.clock().set(COUNCIL_24H);
            assertThat(f.platform().awaitDelivered(2, Duration.ofSeconds(10))).isTrue();
            assertThat(f.platform().delivered()).extracting(Attempt::at).containsOnly(COUNCIL_24H);
            f.clock().set(COUNCIL_1H);
            assertThat(f.platform().awaitDelivered(4, Duration.ofSeconds(10))).isTrue();
            assertOnceEach(f.platform());
        }
    }

    @Test
    void dstAnEventTheDayAfterClocksChangeIsReminded24HoursBeforeInAbsoluteTime() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            // 09:00 CEST on 1 April is 07:00Z; 24 h before is 07:00Z on 31 March (clocks went forward at 01:00Z)
            f.clock().set(Instant.parse("2024-03-31T06:59:59Z"));
            f.outbox().fireDue();
            List<String> before = f.platform().texts().stream().filter(t -> t.contains("ams-session")).toList();
            assertThat(before).isEmpty();
            f.clock().set(Instant.parse("2024-03-31T07:00:00Z"));
            f.outbox().fireDue();
            List<Attempt> ams = f.platform().delivered().stream().filter(a -> a.text().contains("ams-session")).toList();
            assertThat(ams).hasSize(1);
            assertThat(ams.get(0).at()).isEqualTo(Instant.parse("2024-03-31T07:00:00Z"));
            assertThat(ams.get(0).text()).contains("starts in 24 hours");
        }
    }

    @Test
    void editMoveAndCancelRescheduleOrDropAndSendOneNoticeEach() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "subscribe council");
            f.start(false);
            Event original = f.bot().calendar().event("council-300").orElseThrow();

            // edit: a room is added; same time, so reminders stay; one notice to the channel and alice
            f.bot().calendar().saveEvent(with(original, original.start(), "Room 1", EventStatus.SCHEDULED));
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).extracting(Attempt::destination).containsExactly(CHANNEL, dm("alice"));
            assertThat(f.platform().texts()).allSatisfy(t -> assertThat(t).startsWith("Changed: ccNSO Council meeting 300")
                    .contains("room: Room 1"));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).hasSize(2);

            // move a day later: one notice; the old 24h time passes silently, the new one fires
            f.platform().clear();
            Event moved = with(original, original.start().plus(Duration.ofDays(1)), "Room 1", EventStatus.MOVED);
            f.bot().calendar().saveEvent(moved);
            f.outbox().fireDue();
            assertThat(f.platform().texts()).hasSize(2).allSatisfy(t -> assertThat(t)
                    .startsWith("Moved: ccNSO Council meeting 300 is now Mon 11 Mar 2024 18:00 UTC")
                    .contains("was Sun 10 Mar 2024 18:00 UTC"));
            f.platform().clear();
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();
            f.clock().set(COUNCIL_24H.plus(Duration.ofDays(1)));
            f.outbox().fireDue();
            assertThat(f.platform().texts()).hasSize(2).allSatisfy(t -> assertThat(t).contains("starts in 24 hours")
                    .contains("Mon 11 Mar 2024 18:00 UTC"));

            // cancel: one notice; the 1h reminder never fires
            f.platform().clear();
            f.bot().calendar().saveEvent(with(moved, moved.start(), "Room 1", EventStatus.CANCELLED));
            f.outbox().fireDue();
            assertThat(f.platform().texts()).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("Cancelled: ccNSO Council"));
            f.platform().clear();
            f.clock().set(COUNCIL_1H.plus(Duration.ofDays(1)));
            f.outbox().fireDue();
            f.clock().set(COUNCIL_1H.plus(Duration.ofDays(2)));
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).noneMatch(a -> a.text().contains("council-300"));
        }
    }

    @Test
    void aChangeSavedWhileTheRemindersWereDownIsAnnouncedOnceAtTheNextStart() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.say("alice", "subscribe council");
            f.start(false);
        }
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            // another process (or a crash right after the save) saves the move; no reminders run here
            Event e = f.bot().calendar().event("council-300").orElseThrow();
            f.bot().calendar().saveEvent(with(e, e.start().plus(Duration.ofHours(2)), null, EventStatus.MOVED));
            Event g = f.bot().calendar().event("grc-webinar").orElseThrow();
            f.bot().calendar().saveEvent(g.withStatus(EventStatus.CANCELLED));
        }
        for (int life = 0; life < 2; life++) {
            try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
                f.start(false);
                f.outbox().fireDue();
            }
        }
        assertThat(platform.texts()).hasSize(3);
        assertThat(platform.delivered()).filteredOn(a -> a.text().startsWith("Moved: ccNSO Council meeting 300 is now"
                + " Sun 10 Mar 2024 20:00 UTC (was Sun 10 Mar 2024 18:00 UTC)"))
                .extracting(Attempt::destination).containsExactly(CHANNEL, dm("alice"));
        assertThat(platform.texts()).filteredOn(t -> t.startsWith("Cancelled: GRC webinar")).hasSize(1);
        // and the cancelled webinar's reminder is dropped, not sent
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.start(false);
            clock.set(Instant.parse("2024-03-12T12:00:00Z"));
            f.outbox().fireDue();
            assertThat(platform.texts()).hasSize(3);
        }
    }

    @Test
    void remindersAndNoticesByDmReadInTheMembersZone() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("alice", "timezone Europe/Brussels");
            f.say("alice", "subscribe council");
            f.start(false);
            Event e = f.bot().calendar().event("council-300").orElseThrow();
            f.bot().calendar().saveEvent(with(e, e.start().plus(Duration.ofHours(1)), null, EventStatus.MOVED));
            f.outbox().fireDue();
            assertThat(f.platform().deliveredTo(dm("alice"))).singleElement().extracting(Attempt::text).asString()
                    .contains("is now Sun 10 Mar 2024 20:00 CET (19:00 UTC) (was Sun 10 Mar 2024 19:00 CET (18:00 UTC))");
            assertThat(f.platform().deliveredTo(CHANNEL)).singleElement().extracting(Attempt::text).asString()
                    .contains("is now Sun 10 Mar 2024 19:00 UTC (was Sun 10 Mar 2024 18:00 UTC)");
            f.clock().set(COUNCIL_24H.plus(Duration.ofHours(1)));
            f.outbox().fireDue();
            assertThat(f.platform().deliveredTo(dm("alice"))).last().extracting(Attempt::text).asString()
                    .contains("starts in 24 hours — Sun 10 Mar 2024 20:00 CET (19:00 UTC)");
        }
    }

    @Test
    void movingAnEventWhoseReminderWasSentRemindsAgainForTheNewTimeWithANewKey() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            Event e = f.bot().calendar().event("council-300").orElseThrow();
            assertThat(f.platform().delivered()).hasSize(1);
            f.bot().calendar().saveEvent(with(e, e.start().plus(Duration.ofDays(2)), null, EventStatus.MOVED));
            f.outbox().fireDue(); // the notice
            f.clock().set(COUNCIL_24H.plus(Duration.ofDays(2)));
            f.outbox().fireDue();
            List<Attempt> reminders = f.platform().delivered().stream().filter(a -> a.text().startsWith("Reminder")).toList();
            assertThat(reminders).hasSize(2);
            assertThat(reminders.get(0).key()).isNotEqualTo(reminders.get(1).key());
        }
    }

    @Test
    void catchUpSendsWhatIsStillUsefulWithTextOfNowAndDropsWhatHasBegun() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).open(dir)) {
            f.say("alice", "subscribe all");
            f.start(false);
        }
        // down from 1 March to 17:20 on 10 March: council-300 (18:00) has not begun; both its reminders are due
        clock.set(Instant.parse("2024-03-10T17:20:00Z"));
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).open(dir)) {
            f.start(false);
            f.outbox().fireDue();
            assertThat(f.platform().texts()).containsExactly(
                    "Reminder: ccNSO Council meeting 300 starts in 40 minutes — Sun 10 Mar 2024 18:00 UTC [council-300]",
                    "Reminder: ccNSO Council meeting 300 starts in 40 minutes — Sun 10 Mar 2024 18:00 UTC [council-300]");
        }
        // down again until after the webinar (14:00 on 12 March) began: its reminder is dropped and counted, not sent
        clock.set(Instant.parse("2024-03-12T14:30:00Z"));
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).open(dir)) {
            f.start(false);
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();
            assertThat(f.outbox().stats().droppedLate()).isEqualTo(1);
        }
    }

    @Test
    void aSecondBotOnTheSameLedgerRefusesToStartTheSchedulerAndSaysWhy() throws Exception {
        try (BotFixture first = BotFixture.remindersWorld().open(dir)) {
            first.start(true);
            try (BotFixture second = BotFixture.remindersWorld().open(dir)) {
                assertThatThrownBy(() -> second.start(true)).isInstanceOf(LedgerBusyException.class)
                        .hasMessageContaining("another ccnso-bot process (pid ")
                        .hasMessageContaining("bot.db")
                        .hasMessageContaining("only one may");
                assertThat(second.bot().reminders()).isEmpty();
            }
        }
        try (BotFixture third = BotFixture.remindersWorld().open(dir)) {
            third.start(false);
            assertThat(third.outbox().running()).isTrue();
        }
    }

    @Test
    void aDeliveryInterruptedAfterItLandedIsFoundAndNotResent() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.say("alice", "subscribe all");
            f.start(false);
            clock.set(COUNCIL_24H);
            f.outbox().fireDue();
        }
        assertThat(platform.delivered()).hasSize(2);
        crashAfterSending(dir);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.start(false);
            f.outbox().fireDue();
            assertThat(f.outbox().stats().foundDelivered()).isEqualTo(2);
            assertThat(platform.attempts()).hasSize(2);
            assertThat(f.outbox().stats().rowsByState()).containsEntry(JobState.SENT, 2).containsEntry(JobState.SENDING, 0);
        }
    }

    @Test
    void whenThePlatformCannotTellTheRowIsResentWithTheSameKeyAndLandsOnce() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock).canTell(false);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.say("alice", "subscribe all");
            f.start(false);
            clock.set(COUNCIL_24H);
            f.outbox().fireDue();
        }
        crashAfterSending(dir);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.start(false);
            f.outbox().fireDue();
            assertThat(f.outbox().stats().resentAfterCrash()).isEqualTo(2);
            assertThat(platform.attempts()).hasSize(4);
            Map<String, Long> keys = platform.attempts().stream()
                    .collect(Collectors.groupingBy(Attempt::key, Collectors.counting()));
            assertThat(keys.values()).containsOnly(2L);
            assertThat(platform.delivered()).hasSize(2);
        }
    }

    @Test
    void aCalendarChangeWakesTheSchedulerThreadAtOnce() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(true);
            Event e = f.bot().calendar().event("council-300").orElseThrow();
            // moved to 30 minutes from now: its 1h reminder is due at once (and the notice goes out)
            f.bot().calendar().saveEvent(with(e, BotFixture.START.plus(Duration.ofMinutes(30)), null, EventStatus.MOVED));
            assertThat(f.platform().awaitDelivered(2, Duration.ofSeconds(10))).isTrue();
            assertThat(f.platform().texts()).anySatisfy(t -> assertThat(t).startsWith("Moved: ccNSO Council meeting 300"))
                    .anySatisfy(t -> assertThat(t).startsWith("Reminder: ccNSO Council meeting 300 starts in 30 minutes"));
        }
    }

    @Test
    void settingAnEventsOwnOffsetsReplansItsReminders() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(false);
            f.bot().calendar().setReminderOffsets("council-300", List.of(Duration.ofMinutes(15)));
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            f.clock().set(COUNCIL_1H);
            f.outbox().fireDue();
            assertThat(f.platform().attempts()).isEmpty();
            f.clock().set(Instant.parse("2024-03-10T17:45:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().texts()).singleElement().asString().contains("starts in 15 minutes");
        }
    }

    @Test
    void theStaffSeeTheLedgerWithTheRemindersCommandAndMembersDoNot() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            assertThat(f.say("staffer", "reminders")).startsWith("Reminders are not running in this process");
            f.start(false);
            f.clock().set(COUNCIL_24H);
            f.outbox().fireDue();
            assertThat(f.say("staffer", "reminders")).startsWith("Reminders: 0 pending, 0 sending, 1 sent, 0 dropped,"
                    + " 0 failed. Next due: 2024-03-10T17:00:00Z.");
            // i18n14f: the ledger's frame in the staffer's language (the state names are the ledger's own)
            f.say("staffer", "language fr");
            assertThat(f.say("staffer", "reminders")).startsWith("Rappels : 0 pending, 0 sending, 1 sent, 0 dropped,"
                    + " 0 failed. Prochain envoi : 2024-03-10T17:00:00Z.\nDepuis le démarrage : ");
            assertThat(f.say("alice", "reminders")).contains("for ccNSO staff only");
        }
    }

    /** Puts every sent row back in 'sending': what a kill between the send and the mark leaves. */
    static void crashAfterSending(Path dir) {
        try (org.ccnsobot.store.Database db = org.ccnsobot.store.Database.open(dir.resolve("bot.db"))) {
            db.transaction(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("UPDATE outbox SET state = 'sending' WHERE state = 'sent'");
                }
            });
        }
    }

    static void assertOnceEach(RecordingPlatform p) {
        Map<String, Long> perKey = p.attempts().stream().collect(Collectors.groupingBy(Attempt::key, Collectors.counting()));
        assertThat(perKey.values()).as("attempts per idempotency key").containsOnly(1L);
    }

    static Event with(Event e, Instant start, String room, EventStatus status) {
        Instant end = e.end() == null ? null : start.plus(Duration.between(e.start(), e.end()));
        LocalDate date = LocalDate.ofInstant(start, e.zone());
        return new Event(e.id(), e.title(), e.kind(), e.meetingCode(), start, end, date, e.zone(), room, e.access(),
                e.description(), e.committees(), e.links(), status, e.source(), e.sourceUid(), e.sequence() + 1);
    }
}
