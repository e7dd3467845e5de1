package org.ccnsobot.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.testing.BotFixture;

/**
 * bot-app's one way to run the console in-process, as a user or a script would drive it: the console opens its bot
 * through {@link Wiring} (the code under test), on a config whose calendar is the seed calendar that
 * {@link BotFixture} uses, with the database the test names.
 */
final class Consoles {
    private Consoles() {
    }

    /** The console's exit code and what it printed. */
    record Run(int exit, String out, String err) {
        /** The non-blank lines printed to stdout. */
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The default config with the repository's seed calendar. */
    static BotConfig seed() {
        return BotConfig.defaults().withCalendar(BotFixture.seedCalendar());
    }

    /** Runs {@code input} through the console with {@code --now now} (null: none) on the database {@code db}. */
    static Run console(BotConfig cfg, String now, Path db, String input) {
        return console(cfg, now, db, input, c -> { });
    }

    /** As above, with more of the console's options set ({@code c -> c.tz = "Asia/Tokyo"}). */
    static Run console(BotConfig cfg, String now, Path db, String input, Consumer<ConsoleCommand> options) {
        ConsoleCommand cmd = new ConsoleCommand();
        cmd.now = now;
        cmd.store.db = db;
        options.accept(cmd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cmd.runWith(cfg, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), print(out),
                print(err));
        return new Run(exit, text(out), text(err));
    }

    static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
