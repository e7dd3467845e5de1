package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccnsobot.testing.BotFixture.schedSample;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.charset.StandardCharsets;
import org.ccnsobot.testing.BotFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing real and awkward iCalendar: the Sched fixture, re-imports, changed copies, quirks and recurrences. */
class IcsImportTest {
    private static final ZoneId SAN_JUAN = ZoneId.of("America/Puerto_Rico");

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

    private ImportReport importText(String text, ImportOptions options) throws IcsException {
        return importer.importBytes(text.getBytes(StandardCharsets.UTF_8), "test.ics", options);
    }

    private List<Event> imported(String sourceName) {
        return snapshot(bot).stream().filter(e -> ("ics:" + sourceName).equals(e.source())).toList();
    }

    private Event byTitle(String sourceName, String title) {
        return imported(sourceName).stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theSchedFixtureImportsWithTheMeetingsZoneAndItsQuirksResolved() throws Exception {
        int before = bot.calendar().store().eventCount();
        ImportReport r = importText(schedSample(), new ImportOptions(null, SAN_JUAN, null, false));

        assertThat(r.source()).isEqualTo("jococruise2024");
        assertThat(r.added()).hasSize(5);
        assertThat(bot.calendar().store().eventCount()).isEqualTo(before + 5);
        // escaped commas, in the title and the room; the UTC instant kept, shown in the venue's zone
        Event welcome = byTitle("jococruise2024", "Theme: Welcome, New Cruisers!");
        assertThat(welcome.start()).isEqualTo(Instant.parse("2024-03-09T12:00:00Z"));
        assertThat(welcome.zone()).isEqualTo(SAN_JUAN);
        assertThat(welcome.sourceUid()).isEqualTo("60d293f6385215465dadcf5225bb7996");
        assertThat(byTitle("jococruise2024", "Info Desk Hours").room()).isEqualTo("Lido Pool Area, Deck 9, Midship");
        // zero-length event
        Event opening = byTitle("jococruise2024", "Game Library Grand Opening");
        assertThat(opening.end()).isEqualTo(opening.start());
        assertThat(opening.description()).isNull();
        // across midnight UTC: 22:30Z to 00:15Z next day; in San Juan it is still 9 March
        Event concert = byTitle("jococruise2024", "Main Concert (Gold Team) - Opening Night Concert");
        assertThat(concert.end()).isEqualTo(Instant.parse("2024-03-10T00:15:00Z"));
        assertThat(concert.date()).isEqualTo(LocalDate.of(2024, 3, 9));
        assertThat(concert.links()).singleElement().satisfies(l -> assertThat(l.url())
                .isEqualTo("http://jococruise2024.sched.com/event/8e6c7ceffe2aa4abe92bea60dde73286"));
    }

    @Test
    void reImportingTheSameFeedChangesNothingAndDuplicatesNothing() throws Exception {
        importText(schedSample(), ImportOptions.defaults());
        List<Event> after1 = snapshot(bot);

        ImportReport again = importText(schedSample(), ImportOptions.defaults());

        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(again.cancelled()).isEmpty();
        assertThat(again.unchanged()).hasSize(5);
        assertThat(snapshot(bot)).isEqualTo(after1);
    }

    @Test
    void aChangedCopyUpdatesByUidAndCancelsWhatIsGoneWithoutDeletingIt() throws Exception {
        importText(schedSample(), ImportOptions.defaults());
        int count = bot.calendar().store().eventCount();
        String changed = schedSample()
                // the info desk moves an hour later, with a higher SEQUENCE
                .replace("DTSTART:20240309T163000Z\nDTEND:20240309T210000Z\nSUMMARY:Info Desk Hours",
                        "DTSTART:20240309T173000Z\nDTEND:20240309T220000Z\nSUMMARY:Info Desk Hours (new hours)")
                .replaceFirst("(UID:5dc283150b19e9f2126aa157590d31d1)", "$1")
                // the dance party is gone from the feed
                .replaceAll("(?s)BEGIN:VEVENT\nDTSTAMP:20240322T034027Z\nDTSTART:20240310T023000Z.*?END:VEVENT\n", "");
        assertThat(changed).doesNotContain("Dance Party").contains("Info Desk Hours (new hours)");

        ImportReport dry = importText(changed, ImportOptions.defaults().asDryRun());
        assertThat(dry.updated()).containsExactly("Info Desk Hours (new hours)");
        assertThat(dry.cancelled()).singleElement().asString().contains("Dance Party");
        assertThat(byTitle("jococruise2024", "Info Desk Hours").status()).isEqualTo(EventStatus.SCHEDULED);

        ImportReport r = importText(changed, ImportOptions.defaults());

        assertThat(r.updated()).containsExactly("Info Desk Hours (new hours)");
        assertThat(r.cancelled()).hasSize(1);
        assertThat(r.unchanged()).hasSize(3);
        assertThat(bot.calendar().store().eventCount()).as("nothing deleted, nothing duplicated").isEqualTo(count);
        Event desk = byTitle("jococruise2024", "Info Desk Hours (new hours)");
        assertThat(desk.start()).isEqualTo(Instant.parse("2024-03-09T17:30:00Z"));
        assertThat(desk.status()).isEqualTo(EventStatus.MOVED);
        Event party = imported("jococruise2024").stream().filter(e -> e.title().contains("Dance Party")).findFirst()
                .orElseThrow();
        assertThat(party.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(bot.calendar().upcoming(Instant.parse("2024-03-01T00:00:00Z"), 500)).doesNotContain(party);
    }

    @Test
    void anOlderSequenceDoesNotOverwriteANewerOne() throws Exception {
        String v2 = schedSample().replace("SUMMARY:Info Desk Hours", "SUMMARY:Info Desk (v2)")
                .replace("SEQUENCE:0\nUID:5dc283150b19e9f2126aa157590d31d1", "SEQUENCE:2\nUID:5dc283150b19e9f2126aa157590d31d1");
        importText(v2, ImportOptions.defaults());
        ImportReport r = importText(schedSample(), ImportOptions.defaults());
        assertThat(r.skipped()).containsExactly("Info Desk Hours");
        assertThat(imported("jococruise2024")).extracting(Event::title).contains("Info Desk (v2)");
    }

    @Test
    void crlfFoldedLinesHtmlEntitiesTzidAndDateValuesFromOtherSources() throws Exception {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other//EN", "X-WR-CALNAME:other",
                "BEGIN:VEVENT", "UID:tz-1", "DTSTAMP:20240101T000000Z",
                "DTSTART;TZID=Europe/Brussels:20240314T140000", "DTEND;TZID=Europe/Brussels:20240314T153000",
                "SUMMARY:Tarot Readings and Q&amp;A", "DESCRIPTION:A description that is long enough that the ex",
                " porter folded it\\, over two lines.", "LOCATION:Whole Ship\\,", "END:VEVENT",
                "BEGIN:VEVENT", "UID:day-1", "DTSTAMP:20240101T000000Z", "DTSTART;VALUE=DATE:20240320",
                "DTEND;VALUE=DATE:20240321", "SUMMARY:Deadline for comments", "END:VEVENT",
                "END:VCALENDAR", "");
        ImportReport r = importText(ics, ImportOptions.defaults());

        assertThat(r.added()).containsExactlyInAnyOrder("Tarot Readings and Q&A", "Deadline for comments");
        Event tarot = byTitle("other", "Tarot Readings and Q&A");
        assertThat(tarot.start()).isEqualTo(Instant.parse("2024-03-14T13:00:00Z"));
        assertThat(tarot.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(tarot.description()).isEqualTo("A description that is long enough that the exporter folded it, over two lines.");
        assertThat(tarot.room()).isEqualTo("Whole Ship");
        Event deadline = byTitle("other", "Deadline for comments");
        assertThat(deadline.dateOnly()).isTrue();
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2024, 3, 20));
    }

    @Test
    void aWeeklyRuleKeepsItsWallClockAcrossTheDstChangeAndHonoursExdate() throws Exception {
        String ics = String.join("\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN", "X-WR-CALNAME:weekly",
                "BEGIN:VEVENT", "UID:weekly-1", "DTSTAMP:20240101T000000Z",
                "DTSTART;TZID=America/New_York:20240301T100000", "DURATION:PT1H",
                "RRULE:FREQ=WEEKLY;COUNT=5", "EXDATE;TZID=America/New_York:20240315T100000",
                "SUMMARY:Weekly call", "END:VEVENT", "END:VCALENDAR", "");
        ImportReport r = importText(ics, ImportOptions.defaults());

        assertThat(r.added()).hasSize(4);
        List<Instant> starts = imported("weekly").stream().map(Event::start).sorted().toList();
        // 10:00 in New York is 15:00 UTC before 10 March 2024 and 14:00 UTC after
        assertThat(starts).containsExactly(Instant.parse("2024-03-01T15:00:00Z"), Instant.parse("2024-03-08T15:00:00Z"),
                Instant.parse("2024-03-22T14:00:00Z"), Instant.parse("2024-03-29T14:00:00Z"));
        assertThat(imported("weekly")).allSatisfy(e -> assertThat(e.end()).isEqualTo(e.start().plusSeconds(3600)));
        // re-import: the occurrences are matched by UID and occurrence, not duplicated
        assertThat(importText(ics, ImportOptions.defaults()).unchanged()).hasSize(4);
    }

    @Test
    void anEndlessRuleIsCutAtTheOccurrenceLimitWithAWarning() throws Exception {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN", "X-WR-CALNAME:daily",
                "BEGIN:VEVENT", "UID:d", "DTSTAMP:20240101T000000Z", "DTSTART:20240101T090000Z",
                "RRULE:FREQ=DAILY", "SUMMARY:Stand-up", "END:VEVENT", "END:VCALENDAR", "");
        ImportReport r = importText(ics, ImportOptions.defaults());
        assertThat(r.added()).hasSize(500);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("line 9").contains("more than 500"));
    }

    @Test
    void aMeetingGivesItsZoneAndOnlyItsDaysGetTheMeeting() throws Exception {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN", "X-WR-CALNAME:icann79",
                "BEGIN:VEVENT", "UID:in", "DTSTAMP:20240101T000000Z", "DTSTART:20240305T143000Z",
                "DTEND:20240305T160000Z", "SUMMARY:ccNSO Members Meeting Day 1", "LOCATION:209 ABC (ccNSO)",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:out", "DTSTAMP:20240101T000000Z", "DTSTART:20240310T143000Z",
                "SUMMARY:After the meeting", "END:VEVENT", "END:VCALENDAR", "");
        ImportReport r = importText(ics, new ImportOptions("ICANN79", null, null, false));
        Event in = byTitle("icann79", "ccNSO Members Meeting Day 1");
        assertThat(in.meetingCode()).isEqualTo("ICANN79");
        assertThat(in.zone()).isEqualTo(SAN_JUAN);
        assertThat(byTitle("icann79", "After the meeting").meetingCode()).isNull();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("outside ICANN79"));
        assertThat(BotFixture.ask(bot, "event " + in.id())).contains("10:30 AST, San Juan");
    }

    @Test
    void aZoneDefinedOnlyByTheFilesVtimezoneIsHonoured() throws Exception {
        // Outlook names zones the Windows way and defines them in the file
        ImportReport r = importText(org.ccnsobot.testing.BotFixture.resource(
                "/org/ccnsobot/ical/outlook-vtimezone.ics"), new ImportOptions(null, null, "outlook", false));
        assertThat(r.added()).containsExactly("Outlook meeting");
        Event e = byTitle("outlook", "Outlook meeting");
        assertThat(e.start()).isEqualTo(Instant.parse("2024-03-14T13:00:00Z"));
        assertThat(e.zone().getId()).doesNotContain("~");
    }

    @Test
    void anUnknownMeetingIsRefused() {
        assertThatThrownBy(() -> importText(schedSample(), new ImportOptions("ICANN99", null, null, false)))
                .isInstanceOf(IcsException.class).hasMessageContaining("no meeting called 'ICANN99'");
    }
    /**
     * A hand import takes what a source takes (20,000 events, 32 MiB): 10,000 events were refused outright under
     * the old limit of 5,000. The importer is built as {@code import} and the staff command build theirs.
     */
    @Test
    void aHandImportTakesTenThousandEvents() throws Exception {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Big\r\n");
        Instant first = Instant.parse("2024-03-02T00:00:00Z");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 10_000; i++) {
            Instant start = first.plusSeconds(600L * i);
            ics.append("BEGIN:VEVENT\r\nUID:big-").append(i).append("@example\r\nDTSTAMP:20240301T000000Z\r\n")
                    .append("DTSTART:").append(f.format(start)).append("\r\nDTEND:")
                    .append(f.format(start.plusSeconds(1800))).append("\r\nSUMMARY:Session ").append(i)
                    .append("\r\nEND:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        ImportReport r = importText(ics.toString(), new ImportOptions(null, null, "big", false));
        assertThat(r.added()).hasSize(10_000);
        assertThat(r.rejected()).isEmpty();
        assertThat(imported("big")).hasSize(10_000);
        assertThat(new IcsImporter(bot.calendar()).limits().maxEvents()).isEqualTo(20_000);
        assertThat(new IcsImporter(bot.calendar()).limits().maxBytes()).isEqualTo(32 * 1024 * 1024);
    }
}
