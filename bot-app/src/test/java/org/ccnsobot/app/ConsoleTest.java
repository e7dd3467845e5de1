package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccnsobot.testing.BotFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccnsobot.app.Consoles.Run;
import org.ccnsobot.config.BotConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console driven by scripted input, as a user or a script would drive it. */
class ConsoleTest {
    @TempDir
    Path dir;

    private Run console(String input, String now, Path db) {
        return Consoles.console(Consoles.seed(), now, db, input);
    }

    @Test
    void answersTheNewslettersQuestionsAndExitsZeroAtEndOfInput() {
        Run r = console("""
                when is the next council meeting?
                what's on tech day
                /grc
                nxt

                """, "2024-02-10T12:00:00Z", dir.resolve("bot.db"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ccNSO Council meeting 202\nWhen: Thu 15 Feb 2024 18:00 UTC (in 5 days)")
                .contains("Tech Day\nWhen: Mon 4 Mar 2024 (time not yet announced) · San Juan")
                .contains("Guidelines Review Committee (GRC)")
                .contains("Unknown command 'nxt'; did you mean next?")
                .contains("Nothing to do: type help");
        // Not a terminal: no prompt or banner anywhere.
        assertThat(r.out()).doesNotContain("ccnso>");
        assertThat(r.err()).doesNotContain("ccnso>");
        assertThat(dir.resolve("bot.db")).exists();
    }

    @Test
    void aLeadingSlashIsOptionalAndTheZoneCanBePinned() {
        Run r = Consoles.console(Consoles.seed(), "2024-02-10", dir.resolve("tz.db"),
                "/event council-202\nevent council-202\n", c -> c.tz = "Asia/Tokyo");
        int exit = r.exit();
        assertThat(exit).isZero();
        String text = r.out();
        assertThat(text.split("When: Fri 16 Feb 2024 03:00 JST \\(18:00 UTC Thu\\)", -1)).hasSize(3);
    }

    @Test
    void advanceMovesThePinnedClock() {
        Run r = console("next\nadvance 5d\nnext\n", "2024-02-10T12:00:00Z", dir.resolve("adv.db"));
        assertThat(r.out()).contains("Clock moved to 2024-02-15T12:00:00Z");
        String afterAdvance = r.out().substring(r.out().indexOf("Clock moved"));
        assertThat(afterAdvance).contains("Next up:\nccNSO Council meeting 202");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedByNameWithANonZeroExitAndLeftUntouched() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "meeting notes, not a database");
        Run r = console("next\n", "2024-02-10", notes);
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains(notes.toAbsolutePath().toString()).contains("not a SQLite database");
        assertThat(Files.readString(notes)).isEqualTo("meeting notes, not a database");
    }

    @Test
    void aCalendarWithAnErrorStopsTheStartAndWritesNothing() throws Exception {
        Path cal = Files.createDirectories(dir.resolve("cal"));
        Files.writeString(cal.resolve("bad.yaml"), """
                events:
                  - id: x
                    title: X
                    date: 2024-03-06
                    weekday: Thursday
                    zone: UTC
                """);
        Run r = Consoles.console(BotConfig.defaults().withCalendar(cal), null, dir.resolve("bad.db"), "");
        int exit = r.exit();
        assertThat(exit).isNotZero();
        assertThat(r.err()).contains("bad.yaml").contains("event x")
                .contains("is a Wednesday, not a Thursday");
    }

    @Test
    void aBadNowIsRefused() {
        Run r = console("next\n", "last tuesday", dir.resolve("n.db"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--now 'last tuesday' is not an instant");
    }

    @Test
    void checkConfigSaysWhatIsWrong() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "calendar: " + BotFixture.seedCalendar() + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CheckConfigCommand.check(good, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("config OK").contains("26 events");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "calendar: " + BotFixture.seedCalendar() + "\ndiscord:\n  token: literal-token\n");
        out.reset();
        assertThat(CheckConfigCommand.check(bad, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("discord.token").doesNotContain("literal-token");

        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "matrix:\n  homeserver: x\n");
        out.reset();
        assertThat(CheckConfigCommand.check(unknown, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown key 'matrix'").contains("discord")
                .contains("slack");
    }

    @Test
    void thePinnedClockDrivesASourceInTheConsole() throws Exception {
        Path ics = dir.resolve("council.ics");
        Files.writeString(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Council\r\nBEGIN:VEVENT\r\n"
                + "UID:grc-1@example\r\nDTSTART:20240302T130000Z\r\nDTEND:20240302T140000Z\r\n"
                + "SUMMARY:GRC Workshop\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        BotConfig cfg = Consoles.seed().withSources(List.of(new org.ccnsobot.config.SourceConfig("council",
                ics.toUri(), "ICANN79", java.time.Duration.ofMinutes(15), List.of())));
        Run r = Consoles.console(cfg, "2024-03-01T12:00:00Z", dir.resolve("src.db"),
                "sources\nnext grc\nadvance 20m\nsources\n");
        assertThat(r.exit()).isZero();
        // the GRC Workshop at 13:00 UTC (09:00 AST) takes over the seed's GRC workshop 1, which starts then
        assertThat(r.out()).contains("last look 2024-03-01 12:00 UTC: 0 added, 1 updated",
                        "next look 2024-03-01 12:15 UTC")
                .contains("GRC Workshop")
                .contains("last look 2024-03-01 12:20 UTC: unchanged", "next look 2024-03-01 12:35 UTC");
    }

    /**
     * The "done when": a pinned-clock console with a file source shows the first look, then the file is
     * changed (a GRC session moved, its time stamp on), {@code advance 20m} looks again, and the change is told once
     * in #announcements and once by DM to the member who follows the GRC. README's Sources section shows this run.
     */
    @Test
    void aFileSourceChangedDuringAConsoleSessionIsToldInTheChannelAndByDm() throws Exception {
        Path ics = dir.resolve("icann79.ics");
        String first = icann79("20240305T130000Z", "20240305T143000Z");
        Files.writeString(ics, first);
        BotConfig cfg = Consoles.seed().withSources(List.of(new org.ccnsobot.config.SourceConfig("icann79",
                ics.toUri(), "ICANN79", java.time.Duration.ofMinutes(15), List.of())));
        java.io.InputStream input = Consoles.linesWithHook(List.of("subscribe grc", "next grc", "advance 20m",
                "sources"), "advance", () -> {
                    try {
                        Files.writeString(ics, icann79("20240305T170000Z", "20240305T183000Z"));
                        Files.setLastModifiedTime(ics, java.nio.file.attribute.FileTime.fromMillis(
                                Files.getLastModifiedTime(ics).toMillis() + 5_000));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        Run r = Consoles.console(cfg, "2024-03-01T12:00:00Z", dir.resolve("live.db"), input);
        assertThat(r.exit()).isZero();
        String out = r.out();
        int advance = out.indexOf("Clock moved to 2024-03-01T12:20:00Z");
        assertThat(advance).isPositive();
        String before = out.substring(0, advance);
        String after = out.substring(advance);
        // the first look took the file: its GRC session is the next GRC one, at the first time
        assertThat(before).contains("GRC Workshop").contains("Tue 5 Mar 2024 13:00 UTC").doesNotContain("Moved");
        // the second look took the change: one summary to the channel, one DM to the subscriber
        assertThat(after).contains("[to #announcements] Moved: GRC Workshop is now Tue 5 Mar 2024 17:00 UTC")
                .contains("(was Tue 5 Mar 2024 13:00 UTC");
        assertThat(after).contains("[to DM console] Moved: GRC Workshop is now Tue 5 Mar 2024 17:00 UTC");
        assertThat(after.split("\\[to #announcements\\] Moved", -1)).hasSize(2);
        assertThat(after.split("\\[to DM console\\] Moved", -1)).hasSize(2);
        assertThat(after).contains("last look 2024-03-01 12:20 UTC: 0 added, 1 updated, 0 cancelled, 1 unchanged");
    }

    /**
     * A title stored with a terminal escape and a bidi override (written to the SQLite file by another hand, not
     * through an import, which would have removed them) reaches the terminal neutralised: each becomes U+FFFD.
     */
    @Test
    void controlAndBidiCharactersAlreadyStoredAreNeutralisedOnTheTerminal() throws Exception {
        Path db = dir.resolve("hostile.db");
        assertThat(console("event council-202\n", "2024-02-10T12:00:00Z", db).out())
                .contains("ccNSO Council meeting 202");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement st = c.prepareStatement("UPDATE events SET title = ? WHERE id = ?")) {
            st.setString(1, "Council \u001B[31mred\u001B[0m \u202Eevil\u0007");
            st.setString(2, "council-202");
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        String out = console("event council-202\nnext\n", "2024-02-10T12:00:00Z", db).out();
        assertThat(out).contains("Council \uFFFD[31mred\uFFFD[0m \uFFFDevil\uFFFD")
                .doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\u0007");
    }

    /** A Sched-shaped export with the GRC session at {@code start}–{@code end} and a Tech Day session beside it. */
    private static String icann79(String start, String end) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sched.com//EN\r\nX-WR-CALNAME:ICANN79\r\n"
                + "X-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nUID:grc-ws@icann79.sched.com\r\nDTSTAMP:20240301T100000Z\r\n"
                + "DTSTART:" + start + "\r\nDTEND:" + end + "\r\nSUMMARY:GRC Workshop\r\nCATEGORIES:ccNSO\r\n"
                + "LOCATION:Room 101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:tld-ops@icann79.sched.com\r\n"
                + "DTSTAMP:20240301T100000Z\r\nDTSTART:20240304T150000Z\r\nDTEND:20240304T160000Z\r\n"
                + "SUMMARY:TLD-OPS Standing Committee\r\nCATEGORIES:ccNSO\r\nLOCATION:Salon A\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
    }

    @Test
    void checkConfigChecksTheSources() throws Exception {
        Path good = dir.resolve("sources.yaml");
        Files.writeString(good, "calendar: " + BotFixture.seedCalendar() + "\nsources:\n"
                + "  - {name: icann79, url: 'https://icann79.sched.com/all.ics', meeting: ICANN79,"
                + " committees: {'Tech Day': TechWG}}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CheckConfigCommand.check(good, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("config OK").contains("1 source(s): icann79");

        Path meeting = dir.resolve("meeting.yaml");
        Files.writeString(meeting, "calendar: " + BotFixture.seedCalendar() + "\nsources:\n"
                + "  - {name: icann99, url: 'https://icann99.sched.com/all.ics', meeting: ICANN99}\n");
        out.reset();
        assertThat(CheckConfigCommand.check(meeting, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sources[0].meeting: the calendar has no meeting");

        Path every = dir.resolve("every.yaml");
        Files.writeString(every, "sources:\n  - {name: x, url: 'https://a.example/x.ics', every: 10s}\n");
        out.reset();
        assertThat(CheckConfigCommand.check(every, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sources[0].every: must be at least 1m");

        Path rule = dir.resolve("rule.yaml");
        Files.writeString(rule, "calendar: " + BotFixture.seedCalendar() + "\nsources:\n"
                + "  - {name: icann79, url: 'https://icann79.sched.com/all.ics', committees: {'Budget': SOPC,"
                + " 'Tech Day': TECHX}}\n");
        out.reset();
        assertThat(CheckConfigCommand.check(rule, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("config is invalid: sources[0].committees.Tech Day: the calendar has no committee 'TECHX'");
    }

    @Test
    void bothAdaptersAreFoundByServiceLoader() {
        assertThat(Main.providers()).extracting(p -> p.id()).contains("discord", "slack");
    }
}
