package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.testing.BotFixture.schedSample;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lenient import (what a live source does): a bad event is left out and named, the others land. */
class SkipBadEventsTest {
    @TempDir
    java.nio.file.Path dir;
    Bot bot;
    IcsImporter importer;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-03-01T12:00:00Z")));
        importer = new IcsImporter(bot.calendar());
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private static ImportOptions lenient() {
        return new ImportOptions(null, null, null, false, List.of(), true);
    }

    private List<Event> imported() {
        return snapshot(bot).stream().filter(e -> "ics:jococruise2024".equals(e.source())).toList();
    }

    @Test
    void anEndBeforeItsStartIsLeftOutWithItsLineAndUid() throws Exception {
        String broken = schedSample().replace("DTEND:20240309T220000Z", "DTEND:20240309T210000Z");
        ImportReport r = importer.importBytes(broken.getBytes(StandardCharsets.UTF_8), "bad.ics", lenient());

        assertThat(r.added()).hasSize(4);
        assertThat(imported()).hasSize(4);
        assertThat(r.rejected()).singleElement().asString()
                .startsWith("line 36: the event ends before it starts (UID ").endsWith("); skipped");
        assertThat(r.describe(10)).contains("1 event(s) left out", "Left out:", "line 36");
    }

    @Test
    void eventsWithoutAStartOrWithAnUnknownZoneAreLeftOutToo() throws Exception {
        String broken = schedSample().replace("DTSTART:20240309T220000Z\n", "")
                .replace("DTSTART:20240309T223000Z", "DTSTART;TZID=Mars/Olympus:20240309T223000");
        ImportReport r = importer.importBytes(broken.getBytes(StandardCharsets.UTF_8), "bad.ics", lenient());
        assertThat(r.rejected()).hasSize(2);
        assertThat(r.rejected().get(0)).contains("the event has no DTSTART");
        assertThat(r.rejected().get(1)).contains("TZID 'Mars/Olympus'");
        assertThat(r.added()).hasSize(3);
    }

    @Test
    void aFileThatIsNotICalendarIsStillRefusedWhole() throws Exception {
        List<Event> before = snapshot(bot);
        assertThatThrownBy(() -> importer.importBytes("hello, world\n".getBytes(StandardCharsets.UTF_8), "x.ics",
                lenient())).isInstanceOf(IcsException.class).hasMessageContaining("must start with BEGIN:VCALENDAR");
        assertThat(snapshot(bot)).isEqualTo(before);
    }

    @Test
    void theImportCommandLeavesBadEventsOutByDefaultAndStrictRefusesTheFile() throws Exception {
        // on purpose: a hand import used to refuse the whole file by default; now only --strict does
        java.nio.file.Path file = dir.resolve("bad.ics");
        Files.writeString(file, schedSample().replace("DTEND:20240309T220000Z", "DTEND:20240309T210000Z"));
        List<Event> before = snapshot(bot);
        assertThat(BotFixture.staff(bot, "import " + file + " --strict").text())
                .startsWith("Import refused, nothing was changed: line 36: the event ends before it starts");
        assertThat(snapshot(bot)).isEqualTo(before);
        assertThat(BotFixture.staff(bot, "import " + file).text())
                .contains("4 added", "1 event(s) left out", "line 36: the event ends before it starts (UID ");
        assertThat(imported()).hasSize(4);
    }

    @Test
    void theImportCommandStillRefusesAFileThatIsNotICalendar() throws Exception {
        java.nio.file.Path file = dir.resolve("page.ics");
        Files.writeString(file, "<html><body>Not found</body></html>\n");
        List<Event> before = snapshot(bot);
        assertThat(BotFixture.staff(bot, "import " + file).text())
                .startsWith("Import refused, nothing was changed").contains("BEGIN:VCALENDAR");
        assertThat(snapshot(bot)).isEqualTo(before);
    }

    @Test
    void anEventAlreadyHeldWhoseEntryBecomesUnreadableIsKeptNotCancelled() throws Exception {
        importer.importBytes(schedSample().getBytes(StandardCharsets.UTF_8), "ok.ics", lenient());
        List<Event> first = imported();
        String broken = schedSample().replace("DTEND:20240309T220000Z", "DTEND:20240309T210000Z");
        ImportReport r = importer.importBytes(broken.getBytes(StandardCharsets.UTF_8), "bad.ics", lenient());
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.cancelled()).isEmpty();
        assertThat(imported()).isEqualTo(first);
    }

    @Test
    void aValueTheParserItselfCannotReadLeavesOutOnlyItsEvent() throws Exception {
        // ical4j stops the whole file at such a value; the lenient read leaves out just the event holding it
        String broken = schedSample().replace("DTEND:20240310T001500Z", "DTEND:2024-03-10")
                .replace("DTEND:20240309T220000Z", "DTEND:20240309T210000Z");
        ImportReport r = importer.importBytes(broken.getBytes(StandardCharsets.UTF_8), "bad.ics", lenient());
        assertThat(r.rejected()).hasSize(2);
        assertThat(r.rejected()).anySatisfy(s -> assertThat(s).startsWith("line 48: DTEND '2024-03-10' cannot be read")
                .contains("(UID ").endsWith("; skipped"));
        assertThat(r.rejected()).anySatisfy(s -> assertThat(s).startsWith("line 36: the event ends before it starts"));
        assertThat(r.added()).hasSize(3);
        assertThat(imported()).hasSize(3);
    }
}
