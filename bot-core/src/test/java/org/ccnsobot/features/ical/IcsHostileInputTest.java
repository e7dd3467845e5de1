package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.testing.BotFixture.schedSample;
import static org.ccnsobot.testing.BotFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile files: each is refused with the line and the reason, and the store is left exactly as it
 * was. The generous timeouts only catch a hang; they are not a speed test.
 */
class IcsHostileInputTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    java.nio.file.Path dir;
    Bot bot;
    IcsImporter importer;
    List<Event> before;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-03-01T12:00:00Z")));
        importer = new IcsImporter(bot.calendar());
        importer.importBytes(schedSample().getBytes(StandardCharsets.UTF_8), "sample.ics", ImportOptions.defaults());
        before = snapshot(bot);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private IcsException refused(byte[] data) {
        IcsException e = assertTimeoutPreemptively(HANG, () -> {
            try {
                importer.importBytes(data, "bad.ics", ImportOptions.defaults());
            } catch (IcsException ex) {
                return ex;
            }
            throw new AssertionError("the file was accepted");
        });
        assertThat(snapshot(bot)).as("the store is unchanged").isEqualTo(before);
        return e;
    }

    private IcsException refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture with its third event broken by {@code edit}: the feed's other (valid) events must not land either. */
    private String brokenSample(String from, String to) {
        String s = schedSample().replace("SUMMARY:Info Desk Hours", "SUMMARY:Info Desk Hours CHANGED");
        assertThat(s).contains(from);
        return s.replace(from, to);
    }

    @Test
    void anEventWithoutDtstartNamesItsLine() {
        IcsException e = refused(brokenSample("DTSTART:20240309T220000Z\n", ""));
        assertThat(e.line()).isEqualTo(33);
        assertThat(e).hasMessage("line 33: the event has no DTSTART");
    }

    @Test
    void aBadDateTimeNamesItsLine() {
        IcsException e = refused(brokenSample("DTSTART:20240309T220000Z", "DTSTART:2024-03-09 22:00"));
        assertThat(e.getMessage()).startsWith("line 35: ").contains("2024-03-09 22:00");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        IcsException e = refused(brokenSample("DTEND:20240309T220000Z", "DTEND:20240309T210000Z"));
        assertThat(e).hasMessage("line 36: the event ends before it starts");
    }

    @Test
    void anUnknownTzidIsRefused() {
        IcsException e = refused(brokenSample("DTSTART:20240309T220000Z", "DTSTART;TZID=Mars/Olympus:20240309T220000"));
        assertThat(e.getMessage()).startsWith("line 35: TZID 'Mars/Olympus'");
    }

    @Test
    void badStructureIsRefusedWithTheLine() {
        assertThat(refused(brokenSample("END:VEVENT\nBEGIN:VEVENT\nDTSTAMP:20240322T034027Z\nDTSTART:20240309T223000Z",
                "END:VTODO\nBEGIN:VEVENT\nDTSTAMP:20240322T034027Z\nDTSTART:20240309T223000Z")))
                .hasMessage("line 44: END:VTODO does not close BEGIN:VEVENT (line 33)");
        assertThat(refused(schedSample().replace("END:VCALENDAR\n", ""))).hasMessageContaining("is never closed");
        assertThat(refused("hello, world\n")).hasMessageContaining("must start with BEGIN:VCALENDAR");
        assertThat(refused(schedSample() + "BEGIN:VCALENDAR\nEND:VCALENDAR\n")).hasMessageContaining("more after END:VCALENDAR");
        assertThat(refused(schedSample().replace("CATEGORIES:PARTY", "this line has no colon")))
                .hasMessageContaining("is not a property");
        assertThat(refused(" starts folded\n")).hasMessageContaining("line 1: a continuation line");
        assertThat(refused("")).hasMessage("the file is empty");
    }

    @Test
    void wrongEncodingsAreRefused() {
        byte[] latin1 = schedSample().replace("Info Desk Hours", "Café Hours").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refused(latin1)).hasMessage("line 25: byte 0xE9 is not UTF-8 text; save the file as UTF-8");
        byte[] utf16 = ("\uFEFF" + schedSample()).getBytes(StandardCharsets.UTF_16);
        assertThat(refused(utf16)).hasMessageContaining("UTF-16");
        assertThat(refused(new byte[] {'B', 'E', 0, 'G'})).hasMessageContaining("NUL bytes");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() {
        byte[] big = new byte[importer.limits().maxBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'A');
        assertThat(refused(big)).hasMessageContaining("the limit is 32.0 MiB");
    }

    @Test
    void aHugeLineIsRefused() {
        String line = "DESCRIPTION:" + "x".repeat(300_000);
        assertThat(refused(schedSample().replace("DESCRIPTION:\n", line + "\n")))
                .hasMessageContaining("characters long; the limit is 262144");
        String folded = "DESCRIPTION:" + ("y".repeat(70) + "\n ").repeat(5_000) + "end";
        assertThat(refused(schedSample().replace("DESCRIPTION:\n", folded + "\n")))
                .hasMessageContaining("unfolded line is longer than");
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder sb = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("BEGIN:VEVENT\n");
        }
        assertThat(refused(sb.toString())).hasMessage("line 7: components are nested 5 deep; the limit is 4");
    }

    @Test
    void tooManyEventsAreRefusedAndManyWithinTheLimitImport() throws Exception {
        assertThat(refused(events(20_001))).hasMessage("line 80005: the file holds more than 20000 events");
        ImportReport r = assertTimeoutPreemptively(HANG, () -> importer.importBytes(
                events(3_000).getBytes(StandardCharsets.UTF_8), "many.ics", ImportOptions.defaults()));
        assertThat(r.added()).hasSize(3_000);
    }

    @Test
    void aRuleThatExplodesIsBounded() throws Exception {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "X-WR-CALNAME:secondly",
                "BEGIN:VEVENT", "UID:s", "DTSTAMP:20240101T000000Z", "DTSTART:20240101T000000Z",
                "RRULE:FREQ=SECONDLY", "SUMMARY:Every second", "END:VEVENT", "END:VCALENDAR", "");
        ImportReport r = assertTimeoutPreemptively(HANG, () -> importer.importBytes(
                ics.getBytes(StandardCharsets.UTF_8), "s.ics", ImportOptions.defaults()));
        assertThat(r.added()).hasSize(500);
        before = snapshot(bot);
        assertThat(refused(ics.replace("FREQ=SECONDLY", "FREQ=NEVER"))).hasMessageStartingWith("line 9: RRULE 'FREQ=NEVER' cannot be read");
    }

    private static String events(int n) {
        StringBuilder sb = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nX-WR-CALNAME:many\n");
        for (int i = 0; i < n; i++) {
            sb.append("BEGIN:VEVENT\nUID:e").append(i).append("\nDTSTART:20240305T120000Z\nEND:VEVENT\n");
        }
        return sb.append("END:VCALENDAR\n").toString();
    }
}
