package org.ccnsobot.features.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.schedSample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 1 (i18n14d): the iCalendar reader's lines about single events (an event left out and why, a time
 * in a DST gap, a refusal of the whole file in --strict) are worded in the importing staff member's language; the
 * line number, the UID and the values as written stay as they are. Real SQLite file, the console's import command.
 */
class LocalizedImportLinesTest {
    @TempDir
    Path dir;
    Bot bot;
    Path broken;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(Instant.parse("2024-03-01T12:00:00Z")));
        broken = dir.resolve("bad.ics");
        // the event on line 36 ends an hour before it starts
        Files.writeString(broken, schedSample().replace("DTEND:20240309T220000Z", "DTEND:20240309T210000Z"));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String staffIn(String tag, String text) {
        return bot.handle(Invocation.text(BotFixture.STAFF, BotFixture.CONSOLE, text, bot.clock().instant())
                .withLocale(Locale.forLanguageTag(tag))).text();
    }

    @Test
    void theSkippedEventsLineIsInTheStaffersLanguage() {
        String fr = staffIn("fr", "import " + broken);
        assertThat(fr).contains("Laissés de côté :", "\n  ligne 36 : l'événement se termine avant de commencer (UID ")
                .containsPattern("\\(UID [^)]+\\) ; écarté")
                .doesNotContain("ends before", "skipped");

        String es = staffIn("es", "import " + broken);
        assertThat(es).contains("\n  línea 36: el evento termina antes de empezar (UID ")
                .containsPattern("\\(UID [^)]+\\); descartado")
                .doesNotContain("ends before", "skipped", "ligne");

        // English as before
        assertThat(staffIn("en", "import " + broken)).contains("line 36: the event ends before it starts (UID ")
                .endsWith("); skipped");
    }

    @Test
    void aStrictImportsRefusalIsInTheStaffersLanguage() {
        assertThat(staffIn("fr", "import " + broken + " --strict")).isEqualTo("Importation refusée, rien n'a été"
                + " modifié : ligne 36 : l'événement se termine avant de commencer");
        assertThat(staffIn("es", "import " + broken + " --strict")).isEqualTo("Importación rechazada, no se ha"
                + " cambiado nada: línea 36: el evento termina antes de empezar");
    }

    @Test
    void aFileThatIsNotICalendarIsRefusedInTheStaffersLanguage() throws Exception {
        Path page = dir.resolve("page.ics");
        Files.writeString(page, "<html><body>Not found</body></html>\n");
        assertThat(staffIn("fr", "import " + page)).isEqualTo("Importation refusée, rien n'a été modifié : ligne 1 :"
                + " ce n'est pas un fichier iCalendar : il doit commencer par BEGIN:VCALENDAR");
        assertThat(staffIn("es", "import " + dir.resolve("missing.ics"))).isEqualTo("Importación rechazada, no se ha"
                + " cambiado nada: no existe el archivo: " + dir.resolve("missing.ics"));
        assertThat(staffIn("fr", "import http://[bad")).isEqualTo("« http://[bad » n'est pas une adresse valide.");
    }

    @Test
    void aTimeInADstGapIsNamedInTheStaffersLanguage() throws Exception {
        Path gap = dir.resolve("gap.ics");
        Files.writeString(gap, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "X-WR-CALNAME:gap", "BEGIN:VEVENT", "UID:early@test", "DTSTART;TZID=America/New_York:20240310T023000",
                "DTEND;TZID=America/New_York:20240310T040000", "SUMMARY:Early call", "END:VEVENT", "END:VCALENDAR", ""));
        assertThat(staffIn("fr", "import " + gap + " --dry-run")).contains("Avertissements :\n  ligne 7 :"
                + " 2024-03-10T02:30 n'existe pas dans le fuseau America/New_York (les horloges avancent à ce"
                + " moment-là) ; lu comme 2024-03-10T03:30");
        assertThat(staffIn("es", "import " + gap + " --dry-run")).contains("\n  línea 7: 2024-03-10T02:30 no existe en"
                + " America/New_York (en ese momento se adelantan los relojes); se lee como 2024-03-10T03:30");
    }
}
