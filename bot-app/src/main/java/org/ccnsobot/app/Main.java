package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.ccnsobot.app.logging.Logging;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.port.PlatformProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar ccnso-bot.jar [command]}: with no command, runs the platforms configured, or the console. */
@Command(name = "ccnso-bot", mixinStandardHelpOptions = true, version = "ccnso-bot 0.1.0",
        description = "Chat bot for the ccNSO community: meeting calendar, committee updates and reminders.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    static final Path DEFAULT_CONFIG = Path.of("config/ccnso-bot.yaml");

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConsoleCommand.class, RunCommand.class,
            CheckConfigCommand.class, BenchCommand.class, ImportCommand.class, ExportCommand.class,
            AuditCommand.class, FeedsCommand.class, ReminderBenchCommand.class, ChangeBenchCommand.class,
            QuestionsScoreCommand.class, SourceBenchCommand.class, FanOutBenchCommand.class, BackupCommand.class,
            VerifyDbCommand.class, BackupBenchCommand.class, TranslationsCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/ccnso-bot.yaml if present)")
    Path config;

    public static void main(String[] args) {
        // every HTTP listener (feeds, admin, Slack's) answers without waiting on Nagle's algorithm; see AdminServer
        if (System.getProperty(org.ccnsobot.app.admin.AdminServer.NODELAY) == null) {
            System.setProperty(org.ccnsobot.app.admin.AdminServer.NODELAY, "true");
        }
        // logging starts on the warm-up thread while this one builds the command line (picocli reads the
        // annotations of every subcommand); nothing runs before logging is up
        Warmup warmup = Warmup.start();
        CommandLine cl = commandLine(System.out, System.err, args);
        // the config's YAML parser (about 400 classes) loads here rather than after logging is up: it logs nothing
        ConfigLoader.preload();
        warmup.awaitLogging();
        System.exit(cl.execute(args));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err, args).execute(args);
    }

    private static CommandLine commandLine(PrintStream out, PrintStream err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : needed(args)) {
            cl.addSubcommand(sub);
        }
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.println("error: " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    /**
     * The subcommands {@code args} can reach. picocli reads every option of every subcommand it is given, about a
     * tenth of a second of each start for sixteen of them, so a start is given only the one it names, or none when
     * it names none (the default command); help, a version question and anything unrecognised get them all, so
     * that usage, suggestions and errors read as they always do.
     */
    static List<Class<?>> needed(String[] args) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config")) {
                i++;
            } else if (a.startsWith("--config=")) {
                continue;
            } else if (a.startsWith("-")) {
                return SUBCOMMANDS;
            } else {
                named = a;
                break;
            }
        }
        if (named == null) {
            return List.of();
        }
        for (Class<?> sub : SUBCOMMANDS) {
            if (sub.getAnnotation(Command.class).name().equals(named)) {
                return List.of(sub);
            }
        }
        return SUBCOMMANDS;
    }

    /** With no subcommand: the platforms configured, or the console when there are none. */
    @Override
    public Integer call() throws Exception {
        BotConfig cfg;
        try {
            cfg = loadConfig(config);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        if (cfg.platforms().isEmpty()) {
            return new ConsoleCommand().runWith(cfg, System.in, System.out, System.err);
        }
        return new RunCommand().runWith(cfg);
    }

    static List<PlatformProvider> providers() {
        List<PlatformProvider> out = new ArrayList<>();
        ServiceLoader.load(PlatformProvider.class).forEach(out::add);
        return out;
    }

    /**
     * The config file given, or the default one when present, or the built-in defaults. Started by the launcher
     * ({@code bin/ccnso-bot} sets {@code ccnso.home} to the install folder), the default is the install's
     * {@code config/ccnso-bot.yaml} whatever the working directory, and relative paths in it (or in the defaults)
     * are relative to the install folder; a file given with {@code --config} is read as given.
     */
    static BotConfig loadConfig(Path file) throws ConfigException {
        return logged(load(new ConfigLoader(providers(), System::getenv), file));
    }

    private static BotConfig logged(BotConfig cfg) throws ConfigException {
        Logging.apply(cfg.logging().withEnvironment(System::getenv), ConfigLoader.secretValues(cfg));
        return cfg;
    }

    /**
     * The config for a subcommand that never connects (import, export, audit, serve-feeds): the platform sections
     * are read but neither checked nor resolved against the environment, so those tools run without the platform
     * tokens. Everything else is checked as for {@code run}.
     */
    static BotConfig loadToolConfig(Path file) throws ConfigException {
        List<PlatformProvider> unchecked = providers().stream().map(Main::unchecked).toList();
        return logged(load(new ConfigLoader(unchecked, name -> {
            String value = System.getenv(name);
            return value == null || value.isEmpty() ? NOT_NEEDED : value;
        }), file));
    }

    /** Stands in for an unset secret in a tool's config: tools build no platform, so it is never used. */
    private static final String NOT_NEEDED = "(not needed by this command)";

    private static PlatformProvider unchecked(PlatformProvider real) {
        return new PlatformProvider() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public void validate(org.ccnsobot.port.PlatformSettings section) {
                // a tool never connects: the section is checked by run, console and check-config
            }

            @Override
            public org.ccnsobot.port.ChatPlatform create(org.ccnsobot.port.PlatformSettings section,
                                                         org.ccnsobot.port.PlatformContext context)
                    throws org.ccnsobot.port.PlatformConfigException {
                throw new org.ccnsobot.port.PlatformConfigException(real.id() + ": this command does not connect to "
                        + real.id());
            }
        };
    }

    private static BotConfig load(ConfigLoader loader, Path file) throws ConfigException {
        if (file != null) {
            return loader.load(file);
        }
        Path home = home();
        if (home == null) {
            return Files.exists(DEFAULT_CONFIG) ? loader.load(DEFAULT_CONFIG) : BotConfig.defaults();
        }
        Path installed = home.resolve(DEFAULT_CONFIG);
        BotConfig cfg = Files.exists(installed) ? loader.load(installed) : BotConfig.defaults();
        return cfg.withDatabase(home.resolve(cfg.database())).withCalendar(home.resolve(cfg.calendar()));
    }

    /** The install folder the launcher names, or null when the jar was started directly. */
    static Path home() {
        String h = System.getProperty("ccnso.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }
}
