package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 6: {@code seed-translations} takes the calendar folder's translations into a database seeded
 * before, on a copy of the real seed calendar (whose Council has ICANN's French and Spanish names); a bad map is
 * named in one line and writes nothing.
 */
class SeedTranslationsCommandTest {
    @TempDir
    Path dir;

    @Test
    void aChangedTranslationIsTakenInAndABadMapChangesNothing() throws Exception {
        Path calendar = Files.createDirectories(dir.resolve("calendar"));
        try (Stream<Path> files = Files.list(BotFixture.seedCalendar())) {
            for (Path f : files.toList()) {
                Files.copy(f, calendar.resolve(f.getFileName()));
            }
        }
        Path db = dir.resolve("bot.db");
        Path config = dir.resolve("ccnso-bot.yaml");
        Files.writeString(config, "calendar: " + calendar + "\n");
        String[] args = {"seed-translations", "--config", config.toString(), "--db", db.toString()};

        // a first run seeds (the seed has the Council's names already), so there is nothing left to change
        Consoles.Run first = run(args);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("translations from " + calendar + ": 0 committee(s) and 0 event(s) changed\n");
        assertThat(names(db)).isEqualTo("{\"es\":\"Consejo de la ccNSO\",\"fr\":\"Conseil de la ccNSO\"}");

        Path committees = calendar.resolve("committees.yaml");
        String text = Files.readString(committees);
        Files.writeString(committees, text.replace("fr: Conseil de la ccNSO", "fr: Le Conseil de la ccNSO"));
        Consoles.Run second = run(args);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("translations from " + calendar + ": 1 committee(s) and 0 event(s) changed\n");
        assertThat(names(db)).isEqualTo("{\"es\":\"Consejo de la ccNSO\",\"fr\":\"Le Conseil de la ccNSO\"}");

        Files.writeString(committees, text.replace("fr: Conseil de la ccNSO", "de: ccNSO-Rat"));
        Consoles.Run bad = run(args);
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains(committees + ": committees[0].name (line ").contains("): 'de' is not a language"
                + " the bot has (known: en, fr, es, ar)");
        assertThat(names(db)).as("nothing written").isEqualTo("{\"es\":\"Consejo de la ccNSO\",\"fr\":\"Le Conseil de la ccNSO\"}");
    }

    private static String names(Path db) {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT names FROM committees WHERE acronym = 'Council'")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
        }
    }

    private static Consoles.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        java.io.PrintStream oldOut = System.out;
        // the subcommands print to System.out/err themselves
        System.setErr(Consoles.print(err));
        System.setOut(Consoles.print(out));
        try {
            int exit = Main.run(args, Consoles.print(out), Consoles.print(err));
            return new Consoles.Run(exit, Consoles.text(out), Consoles.text(err));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
