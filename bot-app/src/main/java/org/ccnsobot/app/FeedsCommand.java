package org.ccnsobot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.features.ical.FeedServer;
import org.ccnsobot.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Serves the iCalendar feeds on their own (the run command serves them too when feeds are configured). */
@Command(name = "serve-feeds", mixinStandardHelpOptions = true,
        description = "Serve /calendar.ics, /meetings/<code>.ics, /committees/<acronym>.ics until stopped.")
final class FeedsCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default from config feeds.port, else 8080)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address (default from config feeds.bind, else 127.0.0.1)")
    String bind;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        BotConfig cfg;
        try {
            cfg = Main.loadToolConfig(store.configFile(parent));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        cfg = store.apply(cfg);
        FeedsConfig f = cfg.feeds();
        String b = bind != null ? bind : f != null ? f.bind() : "127.0.0.1";
        int p = port != null ? port : f != null ? f.port() : 8080;
        try (Bot bot = Wiring.tool(cfg, Clock.systemUTC());
             FeedServer server = FeedServer.start(b, p, bot.calendar(), bot.clock(),
                     f != null ? f.refresh() : FeedsConfig.DEFAULT_REFRESH, bot.personalFeeds())) {
            System.err.println("serving feeds on http://" + b + ":" + server.port() + "/calendar.ics");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
            stop.await();
            return 0;
        } catch (IOException e) {
            System.err.println("error: cannot listen on " + b + ":" + p + ": " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (CalendarException e) {
            System.err.println("error: the calendar cannot be loaded:\n  " + String.join("\n  ", e.problems()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
