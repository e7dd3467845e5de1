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

    /** As above, with standard input given as a stream (one that does something between lines, say). */
    static Run console(BotConfig cfg, String now, Path db, java.io.InputStream input) {
        ConsoleCommand cmd = new ConsoleCommand();
        cmd.now = now;
        cmd.store.db = db;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cmd.runWith(cfg, input, print(out), print(err));
        return new Run(exit, text(out), text(err));
    }

    /**
     * Standard input that hands out one line per read and runs {@code before} just before it hands out the first
     * line starting with {@code trigger}: the console has answered every line before it by then, since it reads a
     * line only when it is done with the last (no sleeps, no threads).
     */
    static java.io.InputStream linesWithHook(List<String> lines, String trigger, Runnable before) {
        return new java.io.InputStream() {
            private int next;
            private byte[] current = new byte[0];
            private int at;
            private boolean ran;

            private boolean load() {
                while (at >= current.length) {
                    if (next >= lines.size()) {
                        return false;
                    }
                    String line = lines.get(next++);
                    if (!ran && line.startsWith(trigger)) {
                        ran = true;
                        before.run();
                    }
                    current = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return load() ? current[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!load()) {
                    return -1;
                }
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                // never more than the line at hand: the reader must come back for the next one
                return current.length - at;
            }
        };
    }

    static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
