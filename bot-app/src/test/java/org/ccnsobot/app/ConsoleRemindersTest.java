package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a scripted surface: reminders print as they fire, before the next line is read. */
class ConsoleRemindersTest {
    @TempDir
    Path dir;

    private List<String> run(String script) {
        Consoles.Run r = Consoles.console(Consoles.seed(), "2024-02-10T12:00:00Z", dir.resolve("console.db"), script);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.lines();
    }

    @Test
    void the24HourReminderOfCouncil202PrintsBeforeThe1HourOneEachAtItsTime() {
        List<String> lines = run("subscribe council\nadvance 4d6h\nadvance 23h\n");
        assertThat(lines).containsExactly(
                "You will get reminders of committee Council by direct message. To stop: unsubscribe Council, or"
                        + " unsubscribe everything.",
                "Clock moved to 2024-02-14T18:00:00Z",
                "[to #announcements] Reminder: ccNSO Council meeting 202 starts in 24 hours — Thu 15 Feb 2024 18:00 UTC"
                        + " [council-202]",
                "[to DM console] Reminder: ccNSO Council meeting 202 starts in 24 hours — Thu 15 Feb 2024 18:00 UTC"
                        + " [council-202]",
                "Clock moved to 2024-02-15T17:00:00Z",
                "[to #announcements] Reminder: ccNSO Council meeting 202 starts in 60 minutes — Thu 15 Feb 2024 18:00 UTC"
                        + " [council-202]",
                "[to DM console] Reminder: ccNSO Council meeting 202 starts in 60 minutes — Thu 15 Feb 2024 18:00 UTC"
                        + " [council-202]");
    }

    @Test
    void jumpingPastTheDueTimeSendsThe24HourReminderLateWithTextOfNowThenThe1HourOne() {
        // issue 12: late by 16 h (8 h before the start, 7 h before the 1 h reminder: more than a quarter of 24 h)
        List<String> lines = run("subscribe council\nadvance 4d22h\nadvance 3h\nadvance 4h\n");
        int first = indexOf(lines, "[to DM console] Reminder: ccNSO Council meeting 202 starts in 8 hours");
        int second = indexOf(lines, "[to DM console] Reminder: ccNSO Council meeting 202 starts in 60 minutes");
        assertThat(first).isNotNegative();
        assertThat(second).isGreaterThan(first);
        assertThat(lines.subList(first, second)).contains("Clock moved to 2024-02-15T13:00:00Z");
        assertThat(lines.stream().filter(l -> l.contains("[council-202]"))).hasSize(4);
    }

    @Test
    void a24HourReminderThatWouldGoOutWithinAQuarterOfADayOfThe1HourOneIsDropped() {
        // issue 12: 6 h before the start the late 24 h reminder is 5 h before the 1 h one (under 6 h): only that one
        List<String> lines = run("subscribe council\nadvance 5d\nadvance 1h\nadvance 4h\n");
        assertThat(lines.stream().filter(l -> l.contains("[council-202]")))
                .hasSize(2).allMatch(l -> l.contains("starts in 60 minutes"));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
