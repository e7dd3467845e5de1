package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.schedSample;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import keeps true: our own exports recognised, HTML made plain, hostile characters removed, zones. */
class FidelityTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    java.nio.file.Path dir;
    Bot bot;
    IcsImporter importer;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(NOW));
        importer = new IcsImporter(bot.calendar());
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private ImportReport importText(String text) throws IcsException {
        return importer.importBytes(text.getBytes(StandardCharsets.UTF_8), "test.ics", ImportOptions.defaults());
    }

    private static String one(String... props) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:fidelity\r\nBEGIN:VEVENT\r\nUID:f-1\r\n"
                + "DTSTAMP:20240301T000000Z\r\n" + String.join("\r\n", props) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private Event only() {
        return snapshot(bot).stream().filter(e -> "ics:fidelity".equals(e.source())).findFirst().orElseThrow();
    }

    @Test
    void exportThenImportIntoTheSameDatabaseChangesNothing() throws Exception {
        importer.importBytes(schedSample().getBytes(StandardCharsets.UTF_8), "sched.ics",
                new ImportOptions(null, ZoneId.of("America/Puerto_Rico"), null, false));
        List<Event> before = snapshot(bot);
        String exported = IcsExporter.export("ccnso-bot", before, NOW);

        ImportReport r = importText(exported);
        assertThat(r.added()).isEmpty();
        assertThat(r.updated()).isEmpty();
        assertThat(r.cancelled()).isEmpty();
        assertThat(snapshot(bot)).isEqualTo(before);
    }

    @Test
    void htmlDescriptionsBecomePlainTextWithEveryEntityAndTheirLinks() throws Exception {
        importText(one("DTSTART:20240302T130000Z", "SUMMARY:Session en Fran&ccedil;ais &eacute;t&eacute; &hellip;",
                "DESCRIPTION:<p>Fran&ccedil;ais &amp; English&nbsp;&ndash; <b>bold</b></p><p>See the <a href=\"https:"
                        + "//ccnso.icann.org/s\">ccNSO schedule</a><br>or <a href=\"https://x.example/\">https://x.ex"
                        + "ample/</a></p><ul><li>one</li><li>two &euro;</li></ul>"));
        Event e = only();
        assertThat(e.title()).isEqualTo("Session en Français été …");
        assertThat(e.description()).isEqualTo("Français & English – bold\nSee the ccNSO schedule"
                + " (https://ccnso.icann.org/s)\nor https://x.example/\n- one\n- two €");
    }

    @Test
    void entitiesAloneAreDecodedAndTextWithoutTagsIsLeftAlone() throws Exception {
        importText(one("DTSTART:20240302T130000Z", "SUMMARY:Q&amp;A", "DESCRIPTION:Caf&eacute; 3 < 4 &unknown;"));
        assertThat(only().title()).isEqualTo("Q&A");
        assertThat(only().description()).isEqualTo("Café 3 < 4 &unknown;");
    }

    @Test
    void controlCharactersAndBidiOverridesAreRemovedBeforeTheyAreStored() throws Exception {
        importText(one("DTSTART:20240302T130000Z", "SUMMARY:\u001B[31mRed\u001B[0m \u001B]0;pwned\u0007Title"
                        + " \u202Egnp.exe\u202C",
                "LOCATION:Room\u0007 1\u2066", "DESCRIPTION:line\u0001one\\nline \u001B[2Jtwo",
                "CATEGORIES:\u202EGRC"));
        Event e = only();
        assertThat(e.title()).isEqualTo("Red Title gnp.exe");
        assertThat(e.room()).isEqualTo("Room 1");
        assertThat(e.description()).isEqualTo("lineone\nline two");
        assertThat(e.committees()).containsExactly("GRC");
    }

    @Test
    void windowsZoneNamesAreStoredAsIanaZones() throws Exception {
        importText(one("DTSTART;TZID=Eastern Standard Time:20240305T100000",
                "DTEND;TZID=Eastern Standard Time:20240305T110000", "SUMMARY:Council call"));
        Event e = only();
        assertThat(e.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(e.start()).isEqualTo(Instant.parse("2024-03-05T15:00:00Z"));
    }

    @Test
    void aTimeInADstGapOrOverlapIsNamedInTheSummary() throws Exception {
        ImportReport gap = importText(one("DTSTART;TZID=America/New_York:20240310T023000",
                "DTEND;TZID=America/New_York:20240310T040000", "SUMMARY:Early call"));
        assertThat(gap.warnings()).anySatisfy(w -> assertThat(w)
                .contains("2024-03-10T02:30 does not exist in America/New_York", "read as 2024-03-10T03:30"));
        assertThat(gap.describe(10)).contains("does not exist in America/New_York");
        ImportReport overlap = importText(one("DTSTART;TZID=America/New_York:20241103T013000",
                "DTEND;TZID=America/New_York:20241103T030000", "SUMMARY:Late call"));
        assertThat(overlap.warnings()).anySatisfy(w -> assertThat(w)
                .contains("2024-11-03T01:30 happens twice in America/New_York", "-04:00"));
    }

    @Test
    void everyChangeOfTimePlaceOrStatusRaisesTheSequenceEvenWhenTheFeedKeepsZero() throws Exception {
        String v1 = one("SEQUENCE:0", "DTSTART:20240302T130000Z", "DTEND:20240302T140000Z", "SUMMARY:Call",
                "LOCATION:Room 1", "DESCRIPTION:first");
        importText(v1);
        assertThat(only().sequence()).isZero();

        String moved = v1.replace("T130000Z", "T150000Z").replace("T140000Z", "T160000Z");
        assertThat(importText(moved).updated()).containsExactly("Call");
        assertThat(only().sequence()).isEqualTo(1);
        assertThat(importText(moved).unchanged()).containsExactly("Call");
        assertThat(only().sequence()).isEqualTo(1);

        String movedAgain = moved.replace("T150000Z", "T170000Z").replace("T160000Z", "T180000Z");
        assertThat(importText(movedAgain).updated()).as("the feed's 0 is not older than its own 0")
                .containsExactly("Call");
        assertThat(only().sequence()).isEqualTo(2);
        String reRoomed = movedAgain.replace("Room 1", "Room 2");
        importText(reRoomed);
        assertThat(only().sequence()).isEqualTo(3);
        importText(reRoomed.replace("DESCRIPTION:first", "DESCRIPTION:second"));
        assertThat(only().sequence()).as("a new description alone is no reason to").isEqualTo(3);
        assertThat(only().description()).isEqualTo("second");
        assertThat(IcsExporter.export("x", List.of(only()), NOW)).contains("SEQUENCE:3");

        // a cancellation is a change of status: the feed says so, or drops the event from the file
        String cancelled = reRoomed.replace("DESCRIPTION:first", "DESCRIPTION:second")
                .replace("SUMMARY:Call", "STATUS:CANCELLED\r\nSUMMARY:Call");
        // the feed's own STATUS:CANCELLED is reported as a cancellation, like an event dropped from the file
        ImportReport report = importText(cancelled);
        assertThat(report.cancelled()).containsExactly("Call");
        assertThat(report.updated()).isEmpty();
        assertThat(only().status()).isEqualTo(org.ccnsobot.domain.EventStatus.CANCELLED);
        assertThat(only().sequence()).as("cancelled by the feed's STATUS").isEqualTo(4);
        assertThat(IcsExporter.export("x", List.of(only()), NOW)).contains("SEQUENCE:4", "STATUS:CANCELLED");
    }

    @Test
    void anEventDroppedFromTheFileIsCancelledWithItsSequenceRaised() throws Exception {
        String two = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:fidelity\r\n"
                + "BEGIN:VEVENT\r\nUID:f-1\r\nDTSTAMP:20240301T000000Z\r\nDTSTART:20240302T130000Z\r\n"
                + "DTEND:20240302T140000Z\r\nSUMMARY:Call\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:f-2\r\nDTSTAMP:20240301T000000Z\r\nDTSTART:20240303T130000Z\r\n"
                + "DTEND:20240303T140000Z\r\nSUMMARY:Other\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        importText(two);
        assertThat(only().sequence()).isZero();
        int second = two.indexOf("BEGIN:VEVENT\r\nUID:f-2");
        String withoutCall = two.substring(0, two.indexOf("BEGIN:VEVENT")) + two.substring(second);
        assertThat(importText(withoutCall).cancelled()).containsExactly("Call");
        Event call = snapshot(bot).stream().filter(e -> "f-1".equals(e.sourceUid())).findFirst().orElseThrow();
        assertThat(call.status()).isEqualTo(org.ccnsobot.domain.EventStatus.CANCELLED);
        assertThat(call.sequence()).isEqualTo(1);
    }

    @Test
    void accessComesFromTheTitleOrACategory() throws Exception {
        importText(one("DTSTART:20240302T130000Z", "SUMMARY:GRC Workshop (CLOSED)"));
        assertThat(only().access()).isEqualTo(org.ccnsobot.domain.Access.CLOSED);
        assertThat(only().committees()).containsExactly("GRC");
        importText(one("DTSTART:20240302T130000Z", "SUMMARY:GRC Workshop", "CATEGORIES:Closed session"));
        assertThat(only().access()).isEqualTo(org.ccnsobot.domain.Access.CLOSED);
        assertThat(CommitteeMatcher.closed("Disclosed findings", List.of("Enclosed"))).isFalse();
        assertThat(CommitteeMatcher.closed("Council [closed]", List.of())).isTrue();
    }
}
