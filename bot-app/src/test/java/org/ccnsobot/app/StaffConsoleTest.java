package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccnsobot.testing.BotFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ccnsobot.app.Consoles.Run;
import org.ccnsobot.config.BotConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff workflows end to end through the console and the command line: import of the Sched fixture, re-import,
 * a changed copy, a malformed file, export round trip, calendar management and the audit CSV.
 */
class StaffConsoleTest {
    @TempDir
    Path dir;
    Path db;
    Path fixture;
    BotConfig cfg;

    @BeforeEach
    void files() throws Exception {
        db = dir.resolve("bot.db");
        fixture = dir.resolve("sched.ics");
        Files.writeString(fixture, BotFixture.schedSample());
        cfg = Consoles.seed();
    }

    private Run console(String input) {
        return Consoles.console(cfg, "2024-03-01T12:00:00Z", db, input);
    }

    private Run importFile(Path file, boolean dryRun, Path database) {
        return importFile(file, dryRun, false, database);
    }

    private Run importFile(Path file, boolean dryRun, boolean strict, Path database) {
        ImportCommand cmd = new ImportCommand();
        cmd.from = file.toString();
        cmd.dryRun = dryRun;
        cmd.strict = strict;
        cmd.meeting = "ICANN79";
        cmd.store.db = database;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cmd.runWith(cfg, print(out), print(err));
        return new Run(exit, text(out), text(err));
    }

    private Run export(Path database, Path outFile) {
        ExportCommand cmd = new ExportCommand();
        cmd.store.db = database;
        cmd.outFile = outFile;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cmd.runWith(cfg, Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC), print(out),
                print(err));
        return new Run(exit, text(out), text(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return Consoles.print(bytes);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return Consoles.text(bytes);
    }

    @Test
    void importReImportAndAChangedCopyThroughTheConsole() throws Exception {
        Path changed = dir.resolve("changed.ics");
        Files.writeString(changed, BotFixture.schedSample()
                .replace("SUMMARY:Info Desk Hours", "SUMMARY:Info Desk Hours (moved)")
                .replace("DTSTART:20240309T163000Z", "DTSTART:20240309T173000Z")
                .replaceAll("(?s)BEGIN:VEVENT\nDTSTAMP:20240322T034027Z\nDTSTART:20240310T023000Z.*?END:VEVENT\n", ""));
        Run r = console("import " + fixture + " --zone America/Puerto_Rico\n"
                + "import " + fixture + " --zone America/Puerto_Rico\n"
                + "import " + changed + " --zone America/Puerto_Rico --dry-run\n"
                + "import " + changed + " --zone America/Puerto_Rico\n"
                + "schedule 9 March\nschedule 10 March\n");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Imported jococruise2024: 5 added, 0 updated, 0 unchanged, 0 cancelled.")
                .contains("Imported jococruise2024: 0 added, 0 updated, 5 unchanged, 0 cancelled.")
                .contains("Dry run of jococruise2024 (nothing was changed): 0 would be added, 1 would be updated,"
                        + " 3 unchanged, 1 would be cancelled.")
                .contains("Imported jococruise2024: 0 added, 1 updated, 3 unchanged, 1 cancelled.\n"
                        + "Updated: Info Desk Hours (moved)\n"
                        + "Cancelled: \"By Grabthar’s Hammer, What a Party\" Opening Night Dance Party")
                .contains("Info Desk Hours (moved)")
                .contains("Opening Night Dance Party (CANCELLED)");
    }

    @Test
    void withStrictAMalformedEventRefusesTheFileWithItsLineAndChangesNothing() throws Exception {
        assertThat(importFile(fixture, false, db).exit()).isZero();
        Path bad = dir.resolve("bad.ics");
        Files.writeString(bad, BotFixture.schedSample().replace("SUMMARY:Info Desk Hours", "SUMMARY:Info Desk Hours X")
                .replace("DTEND:20240310T001500Z", "DTEND:2024-03-10"));
        Path exportBefore = dir.resolve("before.ics");
        export(db, exportBefore);

        Run r = importFile(bad, false, true, db);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: " + bad + ": line 48: DTEND '2024-03-10' cannot be read: Text"
                + " '2024-03-10' could not be parsed at index 4; nothing was changed\n");
        Path exportAfter = dir.resolve("after.ics");
        export(db, exportAfter);
        assertThat(Files.readString(exportAfter)).isEqualTo(Files.readString(exportBefore));
        Run console = console("import " + bad + " --strict\n");
        assertThat(console.out()).startsWith("Import refused, nothing was changed: line 48: DTEND '2024-03-10'");
    }

    @Test
    void byDefaultAMalformedEventIsLeftOutNamedAndTheRestLands() throws Exception {
        // on purpose: this used to be refused whole by default; now only --strict refuses it
        Path bad = dir.resolve("bad.ics");
        Files.writeString(bad, BotFixture.schedSample().replace("SUMMARY:Info Desk Hours", "SUMMARY:Info Desk Hours X")
                .replace("DTEND:20240310T001500Z", "DTEND:2024-03-10"));
        Run r = importFile(bad, false, db);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Imported jococruise2024: 4 added, 0 updated, 0 unchanged, 0 cancelled,"
                + " 1 event(s) left out (they cannot be read).")
                .contains("line 48: DTEND '2024-03-10' cannot be read");
        Path notIcs = dir.resolve("page.ics");
        Files.writeString(notIcs, "<html>gone</html>\n");
        Run refused = importFile(notIcs, false, db);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("BEGIN:VCALENDAR", "nothing was changed");
    }

    @Test
    void aDryRunReportsAndWritesNothing() {
        Run r = importFile(fixture, true, db);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Dry run of jococruise2024 (nothing was changed): 5 would be added");
        assertThat(console("event 9cd29a34\nschedule 9 March\n").out()).doesNotContain("Game Library");
    }

    @Test
    void anExportImportedIntoAFreshDatabaseExportsTheSameEvents() throws Exception {
        importFile(fixture, false, db);
        console("event add \"GRC working session\" --date 2024-03-05 --start 10:30 --end 12:00 --meeting ICANN79"
                + " --room \"209 ABC\" --committees GRC\nevent cancel icann79-uac-working-session\n");
        Path first = dir.resolve("first.ics");
        assertThat(export(db, first).exit()).isZero();

        Path fresh = dir.resolve("fresh.db");
        ImportCommand imp = new ImportCommand();
        imp.from = first.toString();
        imp.store.db = fresh;
        assertThat(imp.runWith(cfg, print(new ByteArrayOutputStream()), print(new ByteArrayOutputStream()))).isZero();
        Path second = dir.resolve("second.ics");
        assertThat(export(fresh, second).exit()).isZero();

        // the same events; each database stamps them (DTSTAMP) with when it last changed them
        String stamp = "(?m)^DTSTAMP:[^\r\n]*\r?\n";
        assertThat(Files.readString(second).replaceAll(stamp, "")).isEqualTo(Files.readString(first)
                .replaceAll(stamp, ""));
        assertThat(Files.readString(first)).contains("SUMMARY:GRC working session").contains("STATUS:CANCELLED")
                .contains("DTSTART;VALUE=DATE:20240305");
        ExportCommand meeting = new ExportCommand();
        meeting.store.db = db;
        meeting.meeting = "ICANN79";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(meeting.runWith(cfg, Clock.systemUTC(), print(out), print(new ByteArrayOutputStream()))).isZero();
        assertThat(text(out)).contains("X-WR-CALNAME:ccNSO — ICANN79").doesNotContain("Info Desk");
    }

    @Test
    void calendarManagementRefusalsAndTheAuditCsv() throws Exception {
        Run r = console("""
                event add "Council" --date "Thursday 6 March 2024" --meeting ICANN79
                event add "GRC working session" --date 2024-03-05 --weekday Tuesday --start 10:30 --end 12:00 --meeting ICANN79 --room "209 ABC"
                event add "DASC" --date 2024-03-05 --start 11:00 --end 11:30 --meeting ICANN79 --room "209 ABC"
                event move grc-working-session-20240305 --start 14:00
                event cancel grc-working-session-20240305
                update GRC Workshops at ICANN79 confirmed, "see the schedule"
                """);
        assertThat(r.out()).contains("Refused: 2024-03-06 is a Wednesday, not a Thursday")
                .contains("Added: Tue 5 Mar 2024 14:30 UTC to 16:00 UTC · 10:30 AST, San Juan — GRC working session")
                .contains("Refused: room 209 ABC is already booked")
                .contains("Moved: Tue 5 Mar 2024 18:00 UTC to 19:30 UTC")
                .contains("Cancelled (it stays in the calendar, marked cancelled)")
                .contains("Posted for the GRC");

        AuditCommand audit = new AuditCommand();
        audit.store.db = db;
        audit.export = dir.resolve("audit.csv");
        assertThat(audit.runWith(cfg, print(new ByteArrayOutputStream()), print(new ByteArrayOutputStream()))).isZero();
        String csv = Files.readString(audit.export);
        assertThat(csv).startsWith("id,at_utc,platform,user,action,outcome,detail\r\n")
                .contains(",console,console,event-add,\"failed: Refused: 2024-03-06 is a Wednesday, not a Thursday;")
                .contains(",console,console,event-add,done,\"event add \"\"GRC working session\"\" --date 2024-03-05")
                .contains(",console,console,update,done,\"update GRC Workshops at ICANN79 confirmed, \"\"see the schedule\"\"\"\r\n");
        assertThat(csv.split("\r\n")).hasSize(7);
    }

    @Test
    void theSubcommandsAreWiredIntoTheCommandLine() throws Exception {
        for (String sub : new String[] {"import", "export", "audit", "serve-feeds"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {sub, "--help"}, print(out), print(new ByteArrayOutputStream()));
            assertThat(exit).as(sub).isZero();
            assertThat(text(out)).contains("Usage: ccnso-bot " + sub);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExportCommand export = new ExportCommand();
        export.store.db = db;
        export.meeting = "ICANN99";
        assertThat(export.runWith(cfg, Clock.systemUTC(), print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(text(err)).isEqualTo("error: no meeting called 'ICANN99'\n");
    }
}
