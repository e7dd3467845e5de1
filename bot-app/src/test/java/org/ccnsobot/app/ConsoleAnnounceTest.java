package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.DigestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announcements and the digest through the console: scripted input, a pinned clock, and the same database file
 * across runs (each run is a process restart as far as the bot can tell).
 */
class ConsoleAnnounceTest {
    @TempDir
    Path dir;

    private List<String> run(String now, BotConfig cfg, String script) {
        Consoles.Run r = Consoles.console(cfg, now, dir.resolve("console.db"), script);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.lines();
    }

    private static BotConfig seed() {
        return Consoles.seed();
    }

    @Test
    void scheduledInPuertoRicoTimeThenPostedAtItsTimeEditedAndDeleted() {
        List<String> lines = run("2024-02-10T12:00:00Z", seed(), """
                announce ICANN79 registration is open --at "2024-02-10 13:00 America/Puerto_Rico" --ping everyone
                announce confirm A1
                advance 4h
                advance 1h
                announce edit A1 ICANN79 registration is open until 1 March
                announcements
                announce delete A1
                """);
        assertThat(lines).containsSubsequence(
                "Preview of announcement A1 — posts Sat 10 Feb 2024 17:00 UTC, to console #announcements; pings everyone:",
                "---",
                "ICANN79 registration is open",
                "---",
                "Post it: announce confirm A1 · drop it: announce cancel A1",
                "Announcement A1 is scheduled for Sat 10 Feb 2024 17:00 UTC to console #announcements. announcements shows"
                        + " where it landed; announce edit A1 <text> or announce delete A1 change it everywhere.",
                "Clock moved to 2024-02-10T16:00:00Z",
                "Clock moved to 2024-02-10T17:00:00Z",
                "[to #announcements] (pings @everyone) ICANN79 registration is open",
                "[edited in #announcements] (pings @everyone) ICANN79 registration is open until 1 March",
                "Announcement A1 edited. console #announcements: edited.",
                "Announcements (newest first):",
                "A1 · posted · Sat 10 Feb 2024 17:00 UTC · by console · \"ICANN79 registration is open until 1 March\"",
                "    console #announcements: sent",
                "[deleted in #announcements] message 1",
                "Announcement A1 deleted. console #announcements: deleted.");
        assertThat(lines.stream().filter(l -> l.startsWith("[to #announcements]"))).hasSize(1);
    }

    @Test
    void aScheduledAnnouncementSurvivesRestartsAndIsPostedExactlyOnce() {
        List<String> first = run("2024-02-10T12:00:00Z", seed(),
                "announce Council 202 agenda is published --at 2024-02-12T10:00Z\nannounce confirm A1\n");
        assertThat(first).noneMatch(l -> l.startsWith("[to "));
        List<String> beforeItsTime = run("2024-02-12T09:59:00Z", seed(), "announcements\n");
        assertThat(beforeItsTime).noneMatch(l -> l.startsWith("[to ")).contains("    console #announcements: pending")
                .anyMatch(l -> l.startsWith("A1 · scheduled · Mon 12 Feb 2024 10:00 UTC"));
        List<String> afterItsTime = run("2024-02-12T10:30:00Z", seed(), "announcements\n");
        assertThat(afterItsTime).filteredOn(l -> l.startsWith("[to ")).containsExactly(
                "[to #announcements] Council 202 agenda is published");
        List<String> later = run("2024-02-12T11:00:00Z", seed(), "announcements\n");
        assertThat(later).noneMatch(l -> l.startsWith("[to ")).contains("    console #announcements: sent");
    }

    @Test
    void membersCannotAnnounce() {
        // the console user is staff by default; a config that names nobody as staff makes it a member
        BotConfig member = new BotConfig(seed().database(), seed().calendar(), ZoneId.of("UTC"), java.util.Map.of(),
                seed().reminders(), java.util.Map.of(), null);
        List<String> lines = run("2024-02-10T12:00:00Z", member, "announce Free pizza --ping everyone\nannouncements\n");
        assertThat(lines).containsExactly("'announce' is for ccNSO staff only.",
                "'announcements' is for ccNSO staff only.");
    }

    @Test
    void aLongParagraphForTheConsoleIsAcceptedButAnEmptyOneIsNot() {
        List<String> lines = run("2024-02-10T12:00:00Z", seed(),
                "announce First paragraph.\\n\\nSecond paragraph.\nannounce confirm A1\nannounce \\n\\n\n");
        assertThat(lines).containsSubsequence("[to #announcements] First paragraph.", "Second paragraph.",
                "An announcement needs some text.");
    }

    @Test
    void theDigestIsPostedOnceOnMondayMorningWithTheWeeksEventsAndTheUpdates() {
        BotConfig cfg = seed().withDigest(new DigestConfig(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC")));
        List<String> lines = run("2024-02-12T08:00:00Z", cfg, "advance 1h\nadvance 1h\n");
        int at = lines.indexOf("Clock moved to 2024-02-12T09:00:00Z");
        assertThat(at).isNotNegative();
        assertThat(lines.get(at + 1)).isEqualTo("[to #announcements] ccNSO weekly digest — week of 12 February 2024");
        assertThat(lines.subList(at + 1, lines.size())).contains("This week:")
                .anyMatch(l -> l.contains("ccNSO Council meeting 202 [council-202]"))
                .anyMatch(l -> l.startsWith("Committee updates since 5 February 2024:"));
        List<String> again = run("2024-02-12T12:00:00Z", cfg, "advance 1h\n");
        assertThat(again).noneMatch(l -> l.contains("weekly digest"));
    }

    @Test
    void aCommitteeUpdateReachesItsFollowerOnceAndTheNextDigest() {
        BotConfig cfg = seed().withDigest(new DigestConfig(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC")));
        List<String> lines = run("2024-02-10T12:00:00Z", cfg, """
                subscribe GRC
                update GRC The GRC Open Space session moves to 15 February.
                advance 1d21h
                """);
        assertThat(lines.stream().filter(l -> l.startsWith("[to DM console]") && l.contains("GRC Open Space"))).hasSize(1);
        int digest = lines.indexOf("[to #announcements] ccNSO weekly digest — week of 12 February 2024");
        assertThat(digest).isNotNegative();
        assertThat(lines.subList(digest, lines.size()))
                .anyMatch(l -> l.startsWith("• GRC (10 February 2024): The GRC Open Space session moves to 15 February."));
        List<String> restarted = run("2024-02-12T10:00:00Z", cfg, "advance 1h\n");
        assertThat(restarted).noneMatch(l -> l.startsWith("[to "));
    }
}
