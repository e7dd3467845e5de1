package org.ccnsobot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the bot on every platform that has a section in the config, until the process is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Connect to the configured platforms (Discord, Slack) and serve until stopped.")
final class RunCommand implements Callable<Integer> {
    /**
     * Got when the command runs, not when picocli makes the command: logging starts on the warm-up thread meanwhile,
     * and a logger asked for in the middle of that would be a stand-in (see Main.main).
     */
    private static org.slf4j.Logger log() {
        return org.slf4j.LoggerFactory.getLogger(RunCommand.class);
    }
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
        // SIGTERM and SIGINT stop the bot in order on this thread and exit 0 (systemd counts 143 as a failure);
        // installed before connecting, so a stop asked for during start-up is not lost either
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onStop(stop::countDown);
        List<ChatPlatform> platforms;
        try {
            platforms = Wiring.platforms(cfg, Clock.systemUTC());
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        try (Bot bot = Wiring.serving(cfg, Clock.systemUTC(), platforms);
             org.ccnsobot.features.ical.FeedServer feeds = cfg.feeds() == null ? null
                     : org.ccnsobot.features.ical.FeedServer.start(cfg.feeds().bind(), cfg.feeds().port(), bot.calendar(), bot.clock(),
                             cfg.feeds().refresh());
             org.ccnsobot.app.admin.AdminServer admin = Wiring.admin(cfg, bot, System.err)) {
            for (ChatPlatform platform : platforms) {
                platform.start(bot);
                started.add(platform);
                log().info("Connected to {}", platform.id());
            }
            java.util.Optional<org.ccnsobot.outbox.Outbox> outbox = Wiring.send(bot, true, System.err);
            log().info("Serving on {} from {} (heap at most {} MiB)", String.join(", ", cfg.platforms().keySet()),
                    bot.databaseFile(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            CountDownLatch stopped = new CountDownLatch(1);
            // any other end of the JVM still closes the connections, through the main thread, within 30 s
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            System.err.println("serving; stop with SIGTERM or Ctrl-C");
            stop.await();
            System.err.println("stopping: settling the deliveries in flight, then closing the connections");
            log().info("Stopping: closing {}", String.join(", ", cfg.platforms().keySet()));
            // the outbox first, while the platforms can still deliver what is in flight; then the gateway and socket
            outbox.ifPresent(org.ccnsobot.outbox.Outbox::close);
            started.forEach(ChatPlatform::close);
            stopped.countDown();
            System.err.println("stopped");
            return 0;
        } catch (PlatformException e) {
            started.forEach(ChatPlatform::close);
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
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
