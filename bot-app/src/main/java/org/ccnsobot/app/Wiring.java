package org.ccnsobot.app;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.outbox.LedgerBusyException;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;

/**
 * The composition root: the one place that decides how a process is put together. Every subcommand gets its bot
 * here, so the database, the platforms, the outbox and the features are wired the same way for {@code run},
 * {@code console} and the tools: the platforms are created first, the bot is built once around them (features,
 * outbox and its kinds, mirrors, change feed), the platforms connect to it, and only then may the process become
 * the database's sender.
 */
final class Wiring {
    private Wiring() {
    }

    /**
     * A bot for a tool that reads and writes the database and never sends (import, export, audit, serve-feeds, the
     * benches): no platform. What it changes reaches the running bot through the database's change log.
     */
    static Bot tool(BotConfig cfg, Clock clock) throws CalendarException {
        return Bot.open(cfg, clock, List.of());
    }

    /** What a tool does with its bot; returns the exit code. */
    @FunctionalInterface
    interface ToolWork {
        int run(Bot bot) throws java.io.IOException, CalendarException;
    }

    /**
     * Opens a tool's bot ({@link #tool}), runs {@code work} and closes it. The one way the tools report what stops
     * them: a database that cannot be opened (not ours, too new, read-only, locked) or a calendar with errors is one
     * {@code error:} line on {@code err} and exit 2, nothing changed; a file {@code work} cannot write
     * ({@code file}) is one line and exit 1.
     */
    static int withTool(BotConfig cfg, Clock clock, PrintStream err, Object file, ToolWork work) {
        try (Bot bot = tool(cfg, clock)) {
            return work.run(bot);
        } catch (java.io.IOException e) {
            err.println("error: " + file + ": " + e.getMessage());
            return 1;
        } catch (org.ccnsobot.store.StoreException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (CalendarException e) {
            err.println("error: the calendar cannot be loaded; nothing was changed:\n  "
                    + String.join("\n  ", e.problems()));
            return 2;
        }
    }

    /** A bot serving {@code platforms}, created but not yet connected; connect them, then {@link #send}. */
    static Bot serving(BotConfig cfg, Clock clock, List<? extends ChatPlatform> platforms) throws CalendarException {
        return Bot.open(cfg, clock, platforms);
    }

    /** The platforms the config switches on, each built by its adapter's provider from its own section. */
    static List<ChatPlatform> platforms(BotConfig cfg, Clock clock) throws ConfigException {
        List<ChatPlatform> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : cfg.platforms().entrySet()) {
            PlatformProvider provider = Main.providers().stream().filter(p -> p.id().equals(e.getKey()))
                    .findFirst().orElseThrow();
            out.add(ConfigLoader.create(provider, cfg, new PlatformContext(clock)));
        }
        return out;
    }

    /**
     * The admin listener (/healthz, /metrics) when the config has an {@code admin:} section, else null; its address
     * is printed on {@code err}. A port that cannot be listened on is a config problem, named in one line.
     */
    static org.ccnsobot.app.admin.AdminServer admin(BotConfig cfg, Bot bot, PrintStream err) throws ConfigException {
        if (cfg.admin() == null) {
            return null;
        }
        try {
            org.ccnsobot.app.admin.AdminServer admin = org.ccnsobot.app.admin.AdminServer.start(cfg.admin(),
                    bot.metrics());
            err.println("admin listener on http://" + cfg.admin().bind() + ":" + admin.port() + " (/healthz, /metrics)");
            return admin;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ConfigException("admin: cannot listen on " + cfg.admin().bind() + ":" + cfg.admin().port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Makes this process the database's sender, or says on {@code err} why not (another process holds the lock:
     * commands still work, and that process sends what this one queues).
     */
    static Optional<Outbox> send(Bot bot, boolean background, PrintStream err) {
        try {
            return Optional.of(bot.start(background));
        } catch (LedgerBusyException e) {
            err.println("warning: " + e.getMessage());
            return Optional.empty();
        }
    }
}
