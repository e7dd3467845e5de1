package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.reminders.ReminderServiceTest.CHANNEL;
import static org.ccnsobot.features.reminders.ReminderServiceTest.dm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-import that brings several changes tells each destination once, in one message listing them (added, moved,
 * cancelled), through the outbox: on a real SQLite file with the real importer, across a restart before sending and
 * a crash after sending.
 */
class BatchedNoticesTest {
    private static final String FEED = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sched//EN", "X-WR-CALNAME:grc-feed",
            "BEGIN:VEVENT", "UID:a", "DTSTAMP:20240101T000000Z", "DTSTART:20240314T140000Z",
            "DTEND:20240314T150000Z", "SUMMARY:GRC Workshop", "END:VEVENT",
            "BEGIN:VEVENT", "UID:b", "DTSTAMP:20240101T000000Z", "DTSTART:20240315T140000Z",
            "DTEND:20240315T150000Z", "SUMMARY:Tech Day", "END:VEVENT",
            "BEGIN:VEVENT", "UID:c", "DTSTAMP:20240101T000000Z", "DTSTART:20240316T140000Z",
            "DTEND:20240316T150000Z", "SUMMARY:Coffee break", "END:VEVENT",
            "END:VCALENDAR", "");
    /** A moved an hour later, B gone (cancelled), D a new GRC session; C unchanged. */
    private static final String CHANGED = FEED
            .replace("DTSTART:20240314T140000Z\r\nDTEND:20240314T150000Z", "DTSTART:20240314T150000Z\r\nDTEND:20240314T160000Z")
            .replaceAll("(?s)BEGIN:VEVENT\r\nUID:b.*?END:VEVENT\r\n", "")
            .replace("END:VCALENDAR", String.join("\r\n", "BEGIN:VEVENT", "UID:d", "DTSTAMP:20240101T000000Z",
                    "DTSTART:20240317T140000Z", "DTEND:20240317T150000Z", "SUMMARY:GRC Wrap-up", "END:VEVENT",
                    "END:VCALENDAR"));

    @TempDir
    Path dir;

    private static ImportReport importText(BotFixture f, String text) throws Exception {
        return new IcsImporter(f.bot().calendar()).importBytes(text.getBytes(StandardCharsets.UTF_8), "feed.ics",
                ImportOptions.defaults());
    }

    @Test
    void aReImportTellsEachDestinationOnceWithAllItsChangesAcrossRestartsAndCrashes() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.say("alice", "subscribe grc");
            f.say("bob", "subscribe all");
            f.start(false);
            importText(f, FEED);
            f.outbox().fireDue();
            // the first look adds three sessions: one summary to the channel and to bob, alice hears of the GRC one
            assertThat(platform.deliveredTo(CHANNEL)).singleElement().extracting(Attempt::text).asString()
                    .startsWith("Schedule changes (3):").contains("Added: GRC Workshop").contains("Added: Tech Day");
            assertThat(platform.deliveredTo(dm("alice"))).singleElement().extracting(Attempt::text).asString()
                    .startsWith("Added: GRC Workshop");
            String b = f.bot().calendar().store().allEvents().stream().filter(e -> e.title().equals("Tech Day"))
                    .findFirst().orElseThrow().id();
            f.say("carol", "subscribe " + b);
            platform.clear();

            ImportReport r = importText(f, CHANGED);
            assertThat(r.added()).containsExactly("GRC Wrap-up");
            assertThat(r.updated()).containsExactly("GRC Workshop");
            assertThat(r.cancelled()).containsExactly("Tech Day");
            // queued, not yet sent: the process stops here
        }
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.start(false);
            f.outbox().fireDue();
        }
        String channel = platform.deliveredTo(CHANNEL).stream().map(Attempt::text).reduce("", String::concat);
        assertThat(platform.deliveredTo(CHANNEL)).hasSize(1);
        assertThat(channel).startsWith("Schedule changes (3):")
                .contains("• Moved: GRC Workshop is now Thu 14 Mar 2024 15:00 UTC")
                .contains("• Cancelled: Tech Day")
                .contains("• Added: GRC Wrap-up — Sun 17 Mar 2024 14:00 UTC")
                .doesNotContain("Coffee break");
        assertThat(platform.deliveredTo(dm("bob"))).singleElement().extracting(Attempt::text).asString()
                .startsWith("Schedule changes (3):");
        // alice follows the GRC: the move and the new GRC session, in one message, nothing of Tech Day
        assertThat(platform.deliveredTo(dm("alice"))).singleElement().extracting(Attempt::text).asString()
                .startsWith("Schedule changes (2):").contains("Moved: GRC Workshop").contains("Added: GRC Wrap-up")
                .doesNotContain("Tech Day");
        // carol follows Tech Day only: its cancellation, worded as a single notice
        assertThat(platform.deliveredTo(dm("carol"))).singleElement().extracting(Attempt::text).asString()
                .startsWith("Cancelled: Tech Day");
        assertThat(platform.delivered()).hasSize(4);

        // a crash after sending (rows left 'sending') and two more lives: nothing is told twice
        ReminderServiceTest.crashAfterSending(dir);
        for (int life = 0; life < 2; life++) {
            try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
                f.start(false);
                f.outbox().fireDue();
            }
        }
        assertThat(platform.delivered()).hasSize(4);
        ReminderServiceTest.assertOnceEach(platform);
    }

    @Test
    void aReImportThatChangesNothingTellsNothing() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.say("bob", "subscribe all");
            f.start(false);
            importText(f, FEED);
            f.outbox().fireDue();
            f.platform().clear();
            assertThat(importText(f, FEED).unchanged()).hasSize(3);
            f.clock().set(Instant.parse("2024-03-02T00:00:00Z"));
            f.outbox().fireDue();
            assertThat(f.platform().delivered()).isEmpty();
        }
    }

    /**
     * Each line of a summary carries the instants it writes, so Discord and Slack can put their own time tokens
     * there; the text (the console's, every fallback's) keeps the UTC wording.
     */
    @Test
    void aSummarysLinesCarryTheirInstantsForTheRenderers() throws Exception {
        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.start(false);
            importText(f, FEED);
            f.outbox().fireDue();
            platform.clear();
            importText(f, CHANGED);
            f.outbox().fireDue();
        }
        org.ccnsobot.port.OutgoingMessage m = platform.deliveredTo(CHANNEL).get(0).message();
        java.util.List<org.ccnsobot.port.Block.TimedParagraph> lines = m.blocks().stream()
                .filter(b -> b instanceof org.ccnsobot.port.Block.TimedParagraph)
                .map(b -> (org.ccnsobot.port.Block.TimedParagraph) b).toList();
        assertThat(lines).hasSize(3);
        org.ccnsobot.port.Block.TimedParagraph moved = lines.stream().filter(l -> l.text().contains("Moved:"))
                .findFirst().orElseThrow();
        assertThat(moved.text()).contains("Thu 14 Mar 2024 15:00 UTC");
        // the time it is at now, then the time it was at, each where the text writes it
        assertThat(moved.pieces()).filteredOn(p -> p.mark() != null)
                .extracting(p -> p.mark().at(), p -> p.text())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-03-14T15:00:00Z"),
                                "Thu 14 Mar 2024 15:00 UTC"),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-03-14T16:00:00Z"), "16:00 UTC"),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-03-14T14:00:00Z"),
                                "Thu 14 Mar 2024 14:00 UTC"),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2024-03-14T15:00:00Z"), "15:00 UTC"));
        assertThat(String.join("", moved.pieces().stream().map(p -> p.text()).toList())).isEqualTo(moved.text());
        org.ccnsobot.port.Block.TimedParagraph added = lines.stream().filter(l -> l.text().contains("Added:"))
                .findFirst().orElseThrow();
        assertThat(added.times()).extracting(org.ccnsobot.port.Block.TimeMark::at)
                .startsWith(Instant.parse("2024-03-17T14:00:00Z"));
        assertThat(m.fallbackText()).contains("• Moved: GRC Workshop is now Thu 14 Mar 2024 15:00 UTC");
    }
}
