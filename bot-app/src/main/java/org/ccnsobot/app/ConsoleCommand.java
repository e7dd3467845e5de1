package org.ccnsobot.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.Durations;
import org.ccnsobot.store.StoreException;
import org.ccnsobot.time.ManualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The bot in the terminal: one command per line from standard input, replies on standard output. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Answer commands typed (or piped) on standard input; exits at end of input.")
final class ConsoleCommand implements Callable<Integer> {
    static final String ANNOUNCEMENTS = "announcements";
    static final String STAFF = "staff";
    @ParentCommand
    Main parent;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Pin the clock, e.g. 2024-02-10T12:00:00Z or 2024-02-10 (midnight UTC); 'advance 1h' moves it")
    String now;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--tz", paramLabel = "ZONE", description = "Show times in this IANA zone (default from config: UTC)")
    String tz;

    @Override
    public Integer call() {
        BotConfig cfg;
        try {
            cfg = Main.loadConfig(store.configFile(parent));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        return runWith(cfg, System.in, System.out, System.err);
    }

    int runWith(BotConfig cfg, InputStream in, PrintStream out, PrintStream err) {
        cfg = store.apply(cfg);
        Clock clock;
        ManualClock manual = null;
        if (now != null) {
            try {
                manual = new ManualClock(parseInstant(now));
            } catch (DateTimeException e) {
                err.println("error: --now '" + now + "' is not an instant like 2024-02-10T12:00:00Z or a date like 2024-02-10");
                return 1;
            }
            clock = manual;
        } else {
            clock = Clock.systemUTC();
        }
        ZoneId zone = null;
        if (tz != null) {
            try {
                zone = org.ccnsobot.kernel.CommandEngine.zone(tz);
            } catch (org.ccnsobot.kernel.CommandException e) {
                err.println("error: --tz: " + e.getMessage());
                return 1;
            }
        }
        boolean interactive = System.console() != null && in == System.in;
        ManualClock pinned = manual;
        ConsolePlatform console = new ConsolePlatform(in, out, err, interactive, clock,
                line -> consoleLine(line, pinned));
        try (Bot bot = Wiring.serving(cfg, clock, List.of(console));
             org.ccnsobot.app.admin.AdminServer admin = Wiring.admin(cfg, bot, err)) {
            if (zone != null) {
                bot.overrideZone(ConsolePlatform.ID, ConsolePlatform.USER.userId(), zone);
            }
            if (interactive) {
                err.println("ccnso-bot console on " + bot.databaseFile() + ". Type help, or ask 'when is the next council"
                        + " meeting?'. End with Ctrl-D.");
            }
            console.beforeEachLine(() -> {
                try {
                    bot.changes().pollNow();
                } catch (StoreException e) {
                    // the feed thread tries again on its own; the line is still answered
                    err.println("warning: reading other processes' changes failed: " + e.getMessage());
                }
            });
            startSending(bot, console, pinned != null, err);
            console.start(bot);
            console.close();
            return 0;
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (CalendarException e) {
            err.println("error: the calendar cannot be loaded; nothing was changed:\n  "
                    + String.join("\n  ", e.problems()));
            return 2;
        }
    }

    /**
     * The console is one platform whose announcement channel is #announcements and staff channel #staff; the console
     * user can subscribe. With a pinned clock there is no scheduler thread: everything due fires on the console's
     * thread after each line, before the next is read, so a scripted session prints the same thing every time.
     */
    private static void startSending(Bot bot, ConsolePlatform console, boolean pinned, PrintStream err) {
        Wiring.send(bot, !pinned, err).filter(o -> pinned).ifPresent(reminders -> {
            // guarded like the scheduler thread: a failed firing is reported and the console carries on
            Runnable fire = () -> {
                try {
                    reminders.fireDue();
                } catch (RuntimeException e) {
                    err.println("warning: firing reminders failed: " + e.getMessage());
                }
            };
            console.afterEachLine(fire);
            fire.run();
        });
    }

    /** Console-only commands: {@code advance <duration>} and {@code now}, which need a pinned clock. */
    private static String consoleLine(String line, ManualClock clock) {
        String t = line.strip();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("/")) {
            lower = lower.substring(1);
        }
        if (lower.equals("advance") || lower.startsWith("advance ")) {
            if (clock == null) {
                return "advance needs a pinned clock: start the console with --now";
            }
            try {
                java.time.Duration d = Durations.parse(lower.substring("advance".length()));
                if (d.isNegative() || d.isZero()) {
                    return "advance needs a positive duration, like advance 1h";
                }
                clock.advance(d);
                return "Clock moved to " + clock.instant();
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    static Instant parseInstant(String s) {
        String t = s.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
    }
}
