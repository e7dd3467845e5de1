package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staff member's slips (an option twice, a command pasted over two lines, the same line twice) lose nothing. */
class StaffSlipsTest {
    @TempDir
    Path dir;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("bot-core"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found");
    }

    /** The lines of the README's code blocks. */
    private static List<String> readmeCodeLines() throws Exception {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : Files.readAllLines(readme())) {
            if (l.startsWith("```")) {
                in = !in;
            } else if (in) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void anOptionGivenTwiceIsRefusedNamingItAndNothingIsSaved() {
        Reply r = BotFixture.staff(bot, "event add \"GRC prep\" --date 2024-03-05 --start 10:00 --date 2024-03-06");
        assertThat(r.text()).startsWith("--date is given twice ('2024-03-05', then '2024-03-06'); give it once. Usage: ")
                .doesNotContain("\n");
        assertThat(BotFixture.staff(bot, "event add \"GRC prep\" --date 2024-03-05 --force --force").text())
                .startsWith("--force is given twice; give it once.");
        assertThat(BotFixture.reply(bot, "next --filter a").text()).doesNotContain("given twice");
        assertThat(BotFixture.ask(bot, "when GRC prep")).doesNotContain("GRC prep [");
    }

    @Test
    void theSecondLineOfACommandPastedOverTwoLinesIsRefusedNotSearched() {
        Reply r = BotFixture.staff(bot, "    --meeting ICANN79 --room \"209 ABC\" --committees GRC,IGLC");
        assertThat(r.text()).isEqualTo("A line cannot start with an option (--meeting): options go on their command's"
                + " line, like event add \"GRC session\" --date 2024-03-05 --meeting ICANN79");
        assertThat(r.personal()).isTrue();
    }

    @Test
    void theSameTitleOnTheSameDayAgainIsSavedUnderANewIdWithAWarningNotSilently() {
        // as after pasting the old two-line example's first line, then the whole one-line form
        assertThat(BotFixture.staff(bot, "event add \"GRC working session\" --date 2024-03-05 --start 10:30 --end 12:00")
                .text()).startsWith("Added: ").doesNotContain("Warning");
        assertThat(BotFixture.staff(bot, "event add \"GRC working session\" --date 2024-03-05 --meeting ICANN79"
                + " --room \"209 ABC\"").text()).startsWith("Added: ")
                .contains("Warning: there is already an event [grc-working-session-20240305] with this title on this"
                        + " day; this one is [grc-working-session-20240305-2] (to drop it: event cancel"
                        + " grc-working-session-20240305-2).");
    }

    @Test
    void theReadmesEventExamplesAreOneLineEachAndWorkPastedAsPrinted() throws Exception {
        List<String> code = readmeCodeLines();
        assertThat(code).as("no continuation line in the README's examples")
                .noneMatch(l -> l.matches("\\s+--.*"));
        List<String> adds = code.stream().filter(l -> l.startsWith("event add ")).toList();
        assertThat(adds).isNotEmpty();
        for (String line : adds) {
            Reply r = BotFixture.staff(bot, line);
            assertThat(r.text()).as(line).startsWith("Added: ").doesNotContain("Warning");
        }
        String event = BotFixture.ask(bot, "event grc-working-session-20240305");
        assertThat(event).contains("209 ABC").contains("GRC").contains("closed");
        // the README's edit, move and cancel lines work on it as printed
        for (String line : code.stream().filter(l -> l.matches("event (edit|move|cancel) grc-working-session-20240305 .*|"
                + "event cancel grc-working-session-20240305")).toList()) {
            String cmd = line.replaceAll("\\s{2,}\\(.*\\)$", "");
            assertThat(BotFixture.staff(bot, cmd).text()).as(cmd).doesNotStartWith("Refused")
                    .doesNotContain("given twice").doesNotContain("has no option");
        }
    }
}
