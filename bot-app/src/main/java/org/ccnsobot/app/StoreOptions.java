package org.ccnsobot.app;

import java.nio.file.Path;
import org.ccnsobot.config.BotConfig;
import picocli.CommandLine.Option;

/** The options every subcommand that opens the database shares: which config file, and which database file. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "Database file (default from config: data/ccnso-bot.db)")
    Path db;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/ccnso-bot.yaml if present)")
    Path config;

    /** This subcommand's --config, else the one given before the subcommand, else null (the default file). */
    Path configFile(Main parent) {
        return config != null ? config : parent == null ? null : parent.config;
    }

    /**
     * Loads the config of a tool that never connects (no platform tokens needed) and runs {@code body} with it; a bad
     * config prints its reason and gives exit code 1.
     */
    int withConfig(Main parent, java.util.function.ToIntFunction<BotConfig> body) {
        try {
            return body.applyAsInt(Main.loadToolConfig(configFile(parent)));
        } catch (org.ccnsobot.config.ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The config with --db applied. */
    BotConfig apply(BotConfig cfg) {
        return db != null ? cfg.withDatabase(db) : cfg;
    }
}
