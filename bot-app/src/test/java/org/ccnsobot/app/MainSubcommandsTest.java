package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A start builds only the subcommand it names (picocli reads every option of every subcommand it is given), and
 * help, suggestions and errors still see them all.
 */
class MainSubcommandsTest {
    @Test
    void aStartNamingACommandIsGivenOnlyThatOneAndTheDefaultCommandNone() {
        assertThat(Main.needed(new String[] {"console", "--db", "x.db"})).containsExactly(ConsoleCommand.class);
        assertThat(Main.needed(new String[] {"--config", "c.yaml", "run"})).containsExactly(RunCommand.class);
        assertThat(Main.needed(new String[] {"--config=c.yaml", "verify-db"})).containsExactly(VerifyDbCommand.class);
        assertThat(Main.needed(new String[] {})).isEmpty();
        assertThat(Main.needed(new String[] {"--config", "console"})).as("the file's name is not a command").isEmpty();
    }

    @Test
    void helpVersionAndAnUnknownCommandGetThemAll() {
        assertThat(Main.needed(new String[] {"--help"})).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.needed(new String[] {"-V"})).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.needed(new String[] {"consol"})).isEqualTo(Main.SUBCOMMANDS);
    }

    @Test
    void helpListsEveryCommandAndATypoIsAnsweredWithTheNearestOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"--help"}, print(out), print(err))).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (Class<?> sub : Main.SUBCOMMANDS) {
            assertThat(help).contains("  " + sub.getAnnotation(Command.class).name() + " ");
        }
        out.reset();
        assertThat(Main.run(new String[] {"consol"}, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("consol").contains("console");
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
