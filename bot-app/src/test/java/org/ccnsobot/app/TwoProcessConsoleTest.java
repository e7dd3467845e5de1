package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes on one SQLite file: a console kept open (its input driven line by line) sees what another
 * process writes — an import, or a second console moving and cancelling events — in its answers, its reminder plan
 * and its change notices, each change told once.
 */
class TwoProcessConsoleTest {
    static final String NOW = "2024-02-10T12:00:00Z";
    static final int WAIT = 90;

    @TempDir
    Path dir;

    @Test
    void anImportByAnotherProcessShowsInNextAndItsReminderFires() throws Exception {
        Path db = dir.resolve("shared.db");
        Path ics = dir.resolve("extra.ics");
        Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
                "X-WR-CALNAME:extra", "BEGIN:VEVENT", "UID:extra-1", "DTSTAMP:20240101T000000Z",
                "DTSTART:20240211T150000Z", "DTEND:20240211T160000Z", "SUMMARY:Imported policy webinar",
                "END:VEVENT", "END:VCALENDAR", ""));
        try (AppProcess a = AppProcess.start(dir, "a", "console", "--now", NOW, "--db", db.toString())) {
            a.send("subscribe all");
            int at = a.awaitContaining(0, "You will get reminders", WAIT);
            // asked once before the import, so the answer below cannot come from a cold cache
            a.send("next");
            at = a.awaitContaining(at + 1, "Virtual Open Space Session", WAIT);
            try (AppProcess b = AppProcess.start(dir, "b", "import", ics.toString(), "--db", db.toString())) {
                assertThat(b.finish(WAIT)).as("import: %s", b.stderr()).isZero();
            }
            a.send("next");
            at = a.awaitContaining(at + 1, "Imported policy webinar", WAIT);
            assertThat(a.lines().get(at)).startsWith("Imported policy webinar");
            // the 24 h reminder of an event at 15:00 the next day is due at 15:00 today
            a.send("advance 3h");
            int moved = a.awaitContaining(at + 1, "Clock moved to 2024-02-10T15:00:00Z", WAIT);
            a.awaitContaining(moved + 1, "[to DM console] Reminder: Imported policy webinar starts in 24 hours", WAIT);
            int posted = a.awaitContaining(moved + 1, "[to #announcements] Reminder: Imported policy webinar", WAIT);
            assertThat(a.lines().get(posted)).startsWith("[to #announcements] Reminder: Imported policy webinar");
            assertThat(a.finish(WAIT)).isZero();
        }
    }

    @Test
    void aSecondConsoleMovesAndCancelsAndTheFirstReplansAndTellsEachChangeOnce() throws Exception {
        Path db = dir.resolve("shared.db");
        try (AppProcess a = AppProcess.start(dir, "a", "console", "--now", NOW, "--db", db.toString())) {
            a.send("subscribe all");
            int at = a.awaitContaining(0, "You will get reminders", WAIT);
            try (AppProcess b = AppProcess.start(dir, "b", "console", "--now", NOW, "--db", db.toString())) {
                b.send("event move council-202 --date 2024-02-15 --start 20:00");
                b.send("event cancel grc-open-space-2024-02-14");
                b.send("event council-202");
                b.awaitContaining(0, "20:00 UTC", WAIT);
                assertThat(b.finish(WAIT)).isZero();
                assertThat(b.stderr()).as("the second console leaves sending to the first").contains("warning");
                assertThat(b.stderr()).as("writing beside a sender shows no lock error").doesNotContain("SQLITE_BUSY")
                        .doesNotContain("listener failed");
            }
            // the next line takes B's writes; the change notices print after it, before the next line is read
            a.send("advance 1h");
            at = a.awaitContaining(at + 1, "Clock moved to 2024-02-10T13:00:00Z", WAIT);
            // 24 h before the moved Council meeting; the cancelled open space (14 Feb 14:00) would have fired on the way
            a.send("advance 4d7h");
            int last = a.awaitContaining(at + 1, "Clock moved to 2024-02-14T20:00:00Z", WAIT);
            int reminder = a.awaitContaining(last + 1, "[to DM console] Reminder: ccNSO Council meeting 202 starts in"
                    + " 24 hours — Thu 15 Feb 2024 20:00 UTC", WAIT);
            List<String> out = a.lines().subList(0, reminder + 1);
            List<String> dms = out.stream().filter(l -> l.startsWith("[to DM console]")).toList();
            // B's writes reach A through the change feed, told together when one batch brings both (a summary whose
            // lines follow its first), apart when two do: either way each change is told once
            List<String> dmMessages = new java.util.ArrayList<>();
            for (String l : out) {
                if (l.startsWith("[to DM console]")) {
                    dmMessages.add(l);
                } else if (l.startsWith("• ") && !dmMessages.isEmpty()) {
                    dmMessages.set(dmMessages.size() - 1, dmMessages.get(dmMessages.size() - 1) + "\n" + l);
                }
            }
            assertThat(dmMessages.stream().filter(m -> m.contains("Moved: ccNSO Council meeting 202")))
                    .as("one change notice for the move: %s", dmMessages).hasSize(1);
            assertThat(dmMessages.stream().filter(m -> m.contains("Cancelled: ") && m.contains("grc-open-space-2024-02-14")))
                    .as("one change notice for the cancellation: %s", dmMessages).hasSize(1);
            assertThat(out).noneMatch(l -> l.contains("Reminder: Virtual Open Space"));
            assertThat(out).noneMatch(l -> l.contains("Reminder: ccNSO Council meeting 202") && l.contains("18:00"));
            assertThat(a.finish(WAIT)).isZero();
            assertThat(a.stderr()).doesNotContain("SQLITE_BUSY").doesNotContain("listener failed");
        }
    }
}
