package org.ccnsobot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the bot on every platform that has a section in the config, until the process is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Connect to the configured platforms (Discord, Slack) and serve until stopped.")
final class RunCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);
    @ParentCommand
    Main parent;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file")
    Path config;

    @Override
    public Integer call() {
        try {
            return runWith(Main.loadConfig(config != null ? config : parent == null ? null : parent.config));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    int runWith(BotConfig cfg) {
        if (cfg.platforms().isEmpty()) {
            System.err.println("error: no platform is configured; add a discord or slack section, or use the console");
            return 1;
        }
        List<ChatPlatform> started = new ArrayList<>();
        try (Bot bot = Bot.open(cfg, Clock.systemUTC());
             org.ccnsobot.features.ical.FeedServer feeds = cfg.feeds() == null ? null
                     : org.ccnsobot.features.ical.FeedServer.start(cfg.feeds().bind(), cfg.feeds().port(), bot.calendar(), bot.clock())) {
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : cfg.platforms().entrySet()) {
                PlatformProvider provider = Main.providers().stream().filter(p -> p.id().equals(e.getKey()))
                        .findFirst().orElseThrow();
                ChatPlatform platform = org.ccnsobot.config.ConfigLoader.create(provider, cfg, new PlatformContext(bot.clock()));
                platform.start(bot);
                started.add(platform);
                LOG.info("Connected to {}", platform.id());
            }
            try {
                bot.startReminders(started, true);
                // Like reminders, only the process that holds the ledger mirrors events, so two never race.
                org.ccnsobot.features.mirror.EventMirroring mirroring =
                        org.ccnsobot.features.mirror.EventMirroring.start(bot.calendar(), started, bot.clock());
                if (mirroring != null) {
                    mirroring.syncUpcoming();
                }
            } catch (org.ccnsobot.outbox.LedgerBusyException e) {
                // commands still work; only one process may send reminders from this database
                LOG.warn("{}", e.getMessage());
            }
            LOG.info("Serving on {} from {} (heap at most {} MiB)", String.join(", ", cfg.platforms().keySet()),
                    bot.databaseFile(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("Stopping: closing {}", String.join(", ", cfg.platforms().keySet()));
                started.forEach(ChatPlatform::close);
                stop.countDown();
            }, "shutdown"));
            stop.await();
            return 0;
        } catch (PlatformException | ConfigException e) {
            started.forEach(ChatPlatform::close);
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (CalendarException e) {
            System.err.println("error: the calendar cannot be loaded; nothing was changed:\n  "
                    + String.join("\n  ", e.problems()));
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("error: the feed server cannot listen on " + cfg.feeds().bind() + ":" + cfg.feeds().port()
                    + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
