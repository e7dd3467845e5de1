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
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("config OK").contains("18 events");

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
        assertThat(r.out()).contains("last look 2024-03-01 12:00 UTC: 1 added", "next look 2024-03-01 12:15 UTC")
                .contains("GRC Workshop")
                .contains("last look 2024-03-01 12:20 UTC: unchanged", "next look 2024-03-01 12:35 UTC");
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
