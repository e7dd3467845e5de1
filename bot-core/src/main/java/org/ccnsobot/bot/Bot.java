// Over 500 lines on purpose: the one place every feature is wired, with the per-member zone and language resolution.
package org.ccnsobot.bot;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ccnsobot.features.calendar.CalendarException;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.Seeder;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandEngine;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.kernel.AuditTrail;
import org.ccnsobot.kernel.Executor;
import org.ccnsobot.kernel.Pipeline;
import org.ccnsobot.kernel.RateLimit;
import org.ccnsobot.kernel.Router;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Reply;
import org.ccnsobot.features.calendar.SearchIndex;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.outbox.LedgerBusyException;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.outbox.PlatformRegistry;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.features.reminders.ReminderService;
import org.ccnsobot.features.subscriptions.SubscriptionCommands;
import org.ccnsobot.features.subscriptions.Subscriptions;
import org.ccnsobot.features.calendaradmin.EventAdminCommands;
import org.ccnsobot.features.audit.AuditCommands;
import org.ccnsobot.features.committees.CommitteeCommands;
import org.ccnsobot.features.committees.UpdateCommands;
import org.ccnsobot.features.committees.UpdateFollowers;
import org.ccnsobot.features.digest.Digest;
import org.ccnsobot.features.mirror.EventMirroring;
import org.ccnsobot.features.ical.IcalCommands;
import org.ccnsobot.features.sources.SourceCommands;
import org.ccnsobot.features.sources.SourceWatcher;
import org.ccnsobot.features.questions.QuestionCommands;
import org.ccnsobot.features.timezone.TimezoneCommands;
import org.ccnsobot.features.timezone.TimezoneCommands.UserZones;
import org.ccnsobot.features.calendar.CalendarCommands;
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.features.calendar.CalendarStore;
import org.ccnsobot.store.ChangeFeed;
import org.ccnsobot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ccnsobot.features.questions.Questions;
import org.ccnsobot.kernel.StaffPolicy;
import org.ccnsobot.features.calendar.Views;
/**
 * The bot: what every adapter talks to. Each request runs through the same chain: input checks, rate limit,
 * command lookup (or a plain-words question), staff check, option binding, execution, and fault containment.
 */
public final class Bot implements InboundHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
    /** Requests a member may make per minute. */
    public static final int RATE_LIMIT = RateLimit.DEFAULT_LIMIT;

    private final BotConfig config;
    private final Clock clock;
    private final Database db;
    private final org.ccnsobot.store.SeenDeliveries seen;
    private final CalendarService calendar;
    private final AuditLog audit;
    private final CommandEngine engine;
    private final Questions questions;
    private final StaffPolicy staff;
    private final Pipeline pipeline;
    private final Pipeline formOpener;
    private final Pipeline formSubmitter;
    private final Map<String, ZoneId> zoneOverrides = new ConcurrentHashMap<>();
    private final LoadingCache<String, Optional<ZoneId>> userZones;
    private final LoadingCache<String, org.ccnsobot.features.language.UserLanguages.Stored> userLanguages;
    private final org.ccnsobot.features.language.UserLanguages languages;
    private final Subscriptions subscriptions;
    private final org.ccnsobot.features.announcements.AnnounceService announcements;
    private final Outbox outbox;
    private final Digest digest;
    private final EventMirroring mirroring;
    private final ChangeFeed changes;
    private final BotMetrics metrics;
    private final org.ccnsobot.features.personalfeed.PersonalFeeds personalFeeds;

    /**
     * Wires every feature once: the calendar and its caches, the commands, the outbox with each feature's kinds and
     * the platforms it sends to, the mirrors, and the feed of other processes' writes. Nothing here sends or starts
     * a thread; {@link #start} does, in the process that may send.
     */
    private Bot(BotConfig config, Clock clock, Database db, List<? extends ChatPlatform> platforms) {
        this.config = config;
        this.clock = clock;
        this.db = db;
        // the bundles are read and compiled once, here at start, not on a member's first request
        LOG.debug("message bundles loaded in {} ms", org.ccnsobot.i18n.Messages.get().loadNanos() / 1_000_000);
        this.seen = new org.ccnsobot.store.SeenDeliveries(db);
        CalendarStore store = CalendarStore.sqlite(db);
        this.calendar = new CalendarService(store);
        this.audit = new AuditLog(db);
        this.userZones = Caffeine.newBuilder().maximumSize(50_000).build(key -> {
            int colon = key.indexOf(':');
            return store.userZone(key.substring(0, colon), key.substring(colon + 1));
        });
        org.ccnsobot.features.language.UserLanguages languages = new org.ccnsobot.features.language.UserLanguages(db);
        this.userLanguages = Caffeine.newBuilder().maximumSize(50_000).build(key -> {
            int colon = key.indexOf(':');
            return languages.stored(key.substring(0, colon), key.substring(colon + 1));
        });
        this.languages = languages;
        Views views = new Views(calendar, config.updates().staleAfter(), config.feeds());
        this.questions = new Questions(calendar, views);
        UserZones zones = (platform, user, zone) -> {
            store.setUserZone(platform, user, zone);
            userZones.invalidate(platform + ":" + user);
        };
        List<CommandSpec> specs = new ArrayList<>(new CalendarCommands(calendar, views, questions::answerFor).specs());
        specs.addAll(new QuestionCommands(questions).specs());
        specs.addAll(new CommitteeCommands(calendar, views).specs());
        specs.addAll(new TimezoneCommands(zones).specs());
        specs.addAll(new org.ccnsobot.features.language.LanguageCommands(
                new org.ccnsobot.features.language.LanguageCommands.Choices() {
                    @Override
                    public void set(String platform, String userId, org.ccnsobot.i18n.Language language) {
                        languages.set(platform, userId, language);
                        userLanguages.invalidate(platform + ":" + userId);
                    }

                    @Override
                    public Optional<org.ccnsobot.i18n.Language> get(String platform, String userId) {
                        return userLanguages.get(platform + ":" + userId).chosen();
                    }
                }).specs());
        this.subscriptions = Subscriptions.sqlite(db);
        ZoneId botZone = config.timezone();
        // a DM is read in its member's zone; a channel is public, so UTC (the venue's time stands beside it)
        this.outbox = Outbox.create(db, clock, PlatformRegistry.of(platforms), new org.ccnsobot.outbox.ReaderZones() {
            @Override
            public ZoneId zoneOf(Destination d) {
                return d instanceof Destination.DirectMessage dm ? zoneFor(dm.platform(), dm.userId()) : ZoneOffset.UTC;
            }

            /** A DM in its member's language; a channel (several readers) in its own, else the config's. */
            @Override
            public Locale localeOf(Destination d) {
                if (d instanceof Destination.Channel ch) {
                    return config.channelLanguage(ch.platform(), ch.channelId()).locale();
                }
                return d instanceof Destination.DirectMessage dm
                        ? languageFor(dm.platform(), dm.userId(), null).locale() : config.language().locale();
            }
        }).maxAttempts(config.reminders().maxAttempts());
        this.metrics = new BotMetrics(db, platforms, outbox);
        outbox.observe(metrics::delivered);
        ReminderService reminderPlan = ReminderService.attach(db, calendar, subscriptions, config.reminders(), botZone,
                outbox, config.feeds());
        // a write's changes reach the reminders together, so members hear of them in one message
        calendar.onEventsChanged(reminderPlan::eventsChanged);
        calendar.onUpdateAdded(UpdateFollowers.attach(subscriptions, outbox)::committeeUpdated);
        this.digest = config.digest() == null ? null // channels: public, so UTC
                : new Digest(config.digest(), calendar, outbox, clock, ZoneOffset.UTC, config.feeds());
        if (digest != null) {
            outbox.register(digest);
        }
        // a server's event list is read beside its announcement channel, so it is worded in that channel's language
        this.mirroring = EventMirroring.of(calendar, platforms, clock, p -> p.channel(ChannelRole.ANNOUNCEMENTS)
                .map(id -> config.channelLanguage(p.id(), id)).orElse(config.language()).locale());
        specs.addAll(new SubscriptionCommands(calendar, subscriptions, outbox).specs());
        org.ccnsobot.features.personalfeed.FeedTokens feedTokens =
                org.ccnsobot.features.personalfeed.FeedTokens.sqlite(db);
        this.personalFeeds = new org.ccnsobot.features.personalfeed.PersonalFeeds(feedTokens, subscriptions, calendar,
                new org.ccnsobot.features.reminders.ReminderPolicy(config.reminders()),
                (platform, user) -> languageFor(platform, user, null).locale());
        specs.addAll(new org.ccnsobot.features.personalfeed.FeedCommands(feedTokens, config.feeds(), personalFeeds)
                .specs());
        EventAdminCommands eventAdmin = new EventAdminCommands(calendar);
        specs.addAll(eventAdmin.specs());
        specs.addAll(new org.ccnsobot.features.forms.FormCommands(calendar).specs());
        specs.addAll(new UpdateCommands(calendar).specs());
        IcalCommands ical = new IcalCommands(calendar, config, clock);
        specs.addAll(ical.specs());
        SourceWatcher sourceWatcher = SourceWatcher.attach(config.sources(), calendar, outbox, clock, db);
        sourceWatcher.onLook(metrics::looked);
        specs.addAll(new SourceCommands(sourceWatcher).specs());
        specs.addAll(new AuditCommands(audit).specs());
        this.announcements = org.ccnsobot.features.announcements.AnnounceService.create(db, calendar, config, clock,
                outbox);
        specs.addAll(announcements.specs());
        specs.add(helpSpec());
        this.engine = new CommandEngine(specs, calendar);
        this.staff = new StaffPolicy(config.staff());
        Router router = new Router(engine, word -> calendar.committee(word).isPresent()
                || calendar.meeting(word).isPresent());
        this.changes = followChanges(db, calendar, userZones, userLanguages);
        // jobs another process queued: the sender's scheduler looks again instead of sleeping past them
        changes.subscribe(batch -> {
            if (batch.resync() || batch.touches("outbox")) {
                outbox.wake();
            }
        });
        List<org.ccnsobot.kernel.Middleware> steps = new ArrayList<>(Pipeline.standard(new RateLimit(RATE_LIMIT,
                Duration.ofMinutes(1), clock), router, new AuditTrail(audit), new Executor(engine, questions::answerFor)));
        steps.add(steps.indexOf(router) + 1, metrics.commandTimer());  // timed by the command it was routed to
        this.pipeline = new Pipeline(steps, clock, staff::isStaff, actor -> zoneFor(actor.platform(), actor.userId()),
                this::localeFor);
        // staff forms: opening one stops where the command would run; a submission runs the command itself
        List<org.ccnsobot.kernel.FormSpec> formSpecs = new ArrayList<>(eventAdmin.forms());
        formSpecs.addAll(announcements.forms());
        org.ccnsobot.kernel.Forms forms = new org.ccnsobot.kernel.Forms(formSpecs,
                new org.ccnsobot.features.forms.SqliteFormDrafts(db), engine);
        this.formOpener = new Pipeline(List.of(steps.get(0), steps.get(1), steps.get(2), router,
                org.ccnsobot.kernel.Forms.auditRefusals(audit), new org.ccnsobot.kernel.StaffGate(), forms.maker()),
                clock, staff::isStaff,
                actor -> zoneFor(actor.platform(), actor.userId()), this::localeFor);
        List<org.ccnsobot.kernel.Middleware> submitSteps = new ArrayList<>(steps);
        submitSteps.add(1, forms.keeper());
        this.formSubmitter = new Pipeline(submitSteps, clock, staff::isStaff,
                actor -> zoneFor(actor.platform(), actor.userId()), this::localeFor);
    }

    /**
     * Opens the database named in the config (creating and seeding it from the calendar folder on first start).
     * A database that is not SQLite or too new, or a calendar with errors, fails here and changes nothing.
     */
    public static Bot open(BotConfig config, Clock clock) throws CalendarException {
        return open(config, clock, List.of());
    }

    /**
     * As above, for a process that serves {@code platforms} (created, not yet started): the outbox sends to them
     * once {@link #start} has taken the database's sender lock.
     */
    public static Bot open(BotConfig config, Clock clock, List<? extends ChatPlatform> platforms)
            throws CalendarException {
        if (!java.nio.file.Files.exists(config.database())) {
            createSeeded(config.database().toAbsolutePath(), config.calendar());
        }
        Database db = Database.open(config.database());
        try {
            Seeder.seedIfEmpty(new CalendarService(CalendarStore.sqlite(db)), config.calendar());
            return new Bot(config, clock, db, platforms);
        } catch (CalendarException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A first start: the database is created, migrated and seeded under a temporary name beside {@code file}, and
     * linked into place only once complete, so a first start that fails (a bad calendar, a full disk) leaves no
     * file behind. Linking never replaces: when another process's first start won the race, its file is used.
     */
    private static void createSeeded(Path file, Path calendarFolder) throws CalendarException {
        Path dir = file.getParent();
        Path tmp = dir.resolve(file.getFileName() + ".new-" + ProcessHandle.current().pid());
        try {
            java.nio.file.Files.createDirectories(dir);
            deleteDatabaseFiles(tmp);
            // made unsynced and synced once when closed: until it is linked into place a crash only leaves a temporary file
            Seeder.Reading calendar = Seeder.readAhead(calendarFolder);
            try (Database fresh = Database.open(tmp, Database.Durability.SCRATCH)) {
                Seeder.seedIfEmpty(new CalendarService(CalendarStore.sqlite(fresh)), calendar);
            }
            // the last connection is closed: SQLite has checkpointed the WAL into the file, which is complete
            try {
                java.nio.file.Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                LOG.info("{} was created by another process meanwhile; using it", file);
            } catch (UnsupportedOperationException noLinks) {
                java.nio.file.Files.move(tmp, file);
            }
            syncFolder(dir);
        } catch (java.io.IOException e) {
            throw new org.ccnsobot.store.StoreException(file + ": cannot be created (" + e.getMessage() + ")", e);
        } finally {
            deleteDatabaseFiles(tmp);
        }
    }

    /** The new name is on the disk too, not only the file's content (where the system lets a folder be synced). */
    private static void syncFolder(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.io.IOException e) {
            LOG.debug("Cannot sync the folder {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteDatabaseFiles(Path db) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                java.nio.file.Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            } catch (java.io.IOException e) {
                LOG.warn("Cannot delete {}{}: {}", db, suffix, e.getMessage());
            }
        }
    }

    /**
     * Follows writes made by other processes (an import, a second console) and other connections: the calendar's
     * caches and listeners (so the reminder plan and the mirrors) and the user-zone cache take them.
     */
    private static ChangeFeed followChanges(Database db, CalendarService calendar,
                                            LoadingCache<String, Optional<ZoneId>> userZones,
                                            LoadingCache<String, org.ccnsobot.features.language.UserLanguages.Stored> userLanguages) {
        ChangeFeed feed = ChangeFeed.open(db);
        feed.subscribe(calendar::applyExternal);
        feed.subscribe(batch -> {
            if (batch.resync()) {
                userZones.invalidateAll();
                userLanguages.invalidateAll();
            } else {
                userZones.invalidateAll(batch.keys("user_prefs"));
                userLanguages.invalidateAll(batch.keys("user_prefs"));
            }
        });
        return feed.start();
    }

    /** The bot's meters and health checks, for the admin listener. */
    public BotMetrics metrics() {
        return metrics;
    }

    /** The feed of writes to the database file; the console polls it before each line. */
    public ChangeFeed changes() {
        return changes;
    }

    public CalendarService calendar() {
        return calendar;
    }

    public Database database() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public BotConfig config() {
        return config;
    }

    public CommandEngine engine() {
        return engine;
    }

    /** Pins a user's zone for this process only (the console's --tz), ahead of any stored preference. */
    public void overrideZone(String platform, String userId, ZoneId zone) {
        zoneOverrides.put(platform + ":" + userId, zone);
    }

    public ZoneId zoneFor(String platform, String userId) {
        String key = platform + ":" + userId;
        ZoneId pinned = zoneOverrides.get(key);
        if (pinned != null) {
            return pinned;
        }
        return userZones.get(key).orElse(config.timezone());
    }

    /**
     * The language an answer is written in: the member's own choice; else the platform's locale for them when it
     * names a language the bot offers (Discord's interaction locale, Slack's user locale); else the config's.
     */
    public Locale localeFor(Invocation invocation) {
        return languageFor(invocation.actor().platform(), invocation.actor().userId(), invocation.locale()).locale();
    }

    @Override
    public Locale languageOf(org.ccnsobot.port.Actor actor, Locale platformLocale) {
        return languageFor(actor.platform(), actor.userId(), platformLocale).locale();
    }

    /**
     * As {@link #localeFor}, for a member known by id (a DM the outbox sends), with the platform's locale if any;
     * without one, the language their platform said when they last wrote to the bot.
     */
    public org.ccnsobot.i18n.Language languageFor(String platform, String userId, Locale platformLocale) {
        org.ccnsobot.features.language.UserLanguages.Stored stored = userLanguages.get(platform + ":" + userId);
        if (stored.chosen().isPresent()) {
            return stored.chosen().get();
        }
        if (platformLocale != null) {
            // the platform says what the member uses now: a language the bot lacks means the config's, not one
            // the platform said another time
            return org.ccnsobot.i18n.Language.choice(platformLocale.toLanguageTag()).orElse(config.language());
        }
        return stored.seen().orElse(config.language());
    }

    @Override
    public Reply handle(Invocation invocation) {
        rememberLocale(invocation);
        return pipeline.handle(invocation);
    }

    @Override
    public Reply form(Invocation request) {
        rememberLocale(request);
        return formOpener.handle(request);
    }

    @Override
    public Reply submit(Invocation filled) {
        rememberLocale(filled);
        return formSubmitter.handle(filled);
    }

    /**
     * Keeps the language the platform says a member uses, when they chose none and it changed, so the outbox's DMs
     * (reminders, change notices), which carry no platform locale, are in it too. Written only on a change.
     */
    private void rememberLocale(Invocation invocation) {
        if (invocation.locale() == null || invocation.actor() == null) {
            return;
        }
        Optional<org.ccnsobot.i18n.Language> said = org.ccnsobot.i18n.Language.choice(invocation.locale().toLanguageTag());
        if (said.isEmpty()) {
            return;
        }
        String key = invocation.actor().platform() + ":" + invocation.actor().userId();
        org.ccnsobot.features.language.UserLanguages.Stored stored = userLanguages.get(key);
        if (stored.chosen().isPresent() || stored.seen().equals(said)) {
            return;
        }
        try {
            languages.rememberSeen(invocation.actor().platform(), invocation.actor().userId(), said.get());
            userLanguages.invalidate(key);
        } catch (org.ccnsobot.store.StoreException e) {
            // the answer does not need it: the member is answered in the platform's language all the same
            LOG.warn("could not keep the platform language of {}: {}", key, e.getMessage());
        }
    }

    private CommandSpec helpSpec() {
        return new CommandSpec("help", List.of("?", "commands"), "The commands, or how to use one of them",
                List.of(org.ccnsobot.kernel.OptionSpec.optional("command", CommandInfo.OptionKind.TEXT, "A command's name")),
                List.of("help", "help next"), false, false, (c, a) -> help(c, a.text("command")));
    }

    private Result help(CommandContext c, Optional<String> command) throws CommandException {
        Locale l = c.locale();
        if (command.isPresent()) {
            CommandSpec s = engine.lookup(command.get()).orElseThrow(() -> Router.unknown(engine, command.get(),
                    c.text("error.noSuchCommand", Text.shorten(command.get(), 40)), l));
            StringBuilder sb = new StringBuilder(s.usage()).append(" — ").append(summary(s, l));
            if (!s.aliases().isEmpty()) {
                sb.append('\n').append(c.text("help.also", String.join(", ", s.aliases())));
            }
            for (var o : s.options()) {
                sb.append("\n  ").append(o.name()).append(": ").append(describe(s, o, l));
            }
            if (!s.examples().isEmpty()) {
                sb.append('\n').append(c.text("help.examples", String.join(" · ", s.examples())));
            }
            if (s.staffOnly()) {
                sb.append('\n').append(c.text("help.staffOnly"));
            }
            return Result.text(sb.toString());
        }
        StringBuilder sb = new StringBuilder(c.text("help.title"));
        for (CommandSpec s : engine.specs()) {
            if (s.staffOnly() && !c.staff()) {
                continue;
            }
            sb.append("\n  ").append(s.usage()).append(" — ").append(summary(s, l))
                    .append(s.staffOnly() ? c.text("help.staffMark") : "");
        }
        sb.append('\n').append(c.text("help.plainWords"));
        return Result.text(sb.toString());
    }

    /** A command's summary in {@code locale}: its bundle entry {@code cmd.<name>}, the spec's own words without one. */
    public static String summary(CommandSpec s, Locale locale) {
        String key = "cmd." + s.name();
        return org.ccnsobot.i18n.Messages.get().has(key) ? org.ccnsobot.i18n.Messages.t(locale, key) : s.summary();
    }

    /** An option's description in {@code locale}: bundle entry {@code cmd.<name>.<option>}, else the spec's. */
    public static String describe(CommandSpec s, org.ccnsobot.kernel.OptionSpec o, Locale locale) {
        String key = "cmd." + s.name() + "." + o.name();
        return org.ccnsobot.i18n.Messages.get().has(key) ? org.ccnsobot.i18n.Messages.t(locale, key) : o.description();
    }

    @Override
    public boolean firstDelivery(String key, java.time.Duration keep) {
        java.time.Instant now = clock.instant();
        try {
            return seen.firstTime(key, now, now.plus(keep));
        } catch (org.ccnsobot.store.StoreException e) {
            // the adapter's in-memory check still stands; running a delivery beats losing it
            LOG.warn("could not record delivery {}: {}", key, e.getMessage());
            return true;
        }
    }

    @Override
    public Optional<String> translation(String key, String english, Locale locale) {
        org.ccnsobot.i18n.Messages m = org.ccnsobot.i18n.Messages.get();
        if (english == null || !m.has(key) || !m.text(Locale.ENGLISH, key).equals(english)) {
            return Optional.empty();
        }
        return Optional.of(m.text(locale, key));
    }

    @Override
    public Optional<String> wording(String key, String english, Locale locale, Object... args) {
        org.ccnsobot.i18n.Messages m = org.ccnsobot.i18n.Messages.get();
        if (english == null || !m.englishPattern(key).map(english::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(m.text(locale == null ? Locale.ENGLISH : locale, key, args));
    }

    @Override
    public boolean isStaff(org.ccnsobot.port.Actor actor) {
        return staff.isStaff(actor);
    }

    @Override
    public List<CommandInfo> commands() {
        return engine.specs().stream().map(CommandSpec::info).toList();
    }

    @Override
    public List<Choice> complete(String command, String option, String prefix, int limit) {
        return complete(command, option, prefix, limit, null);
    }

    /** As above, a committee's name in {@code language} where the calendar has it translated, else English. */
    @Override
    public List<Choice> complete(String command, String option, String prefix, int limit, Locale language) {
        Optional<CommandSpec> spec = engine.lookup(command);
        if (spec.isEmpty()) {
            return List.of();
        }
        var opt = spec.get().options().stream().filter(o -> o.name().equals(option)).findFirst();
        if (opt.isEmpty()) {
            return List.of();
        }
        String p = prefix == null ? "" : prefix.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        List<Choice> out = new ArrayList<>();
        switch (opt.get().kind()) {
            case COMMITTEE -> {
                for (Committee k : calendar.committees()) {
                    if (lower.isEmpty() || k.acronym().toLowerCase(Locale.ROOT).startsWith(lower)
                            || k.name().toLowerCase(Locale.ROOT).contains(lower)
                            || k.names().byLanguage().values().stream()
                                    .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(lower))) {
                        out.add(new Choice(k.acronym() + " — " + k.name(language), k.acronym()));
                    }
                }
                if (out.isEmpty()) {
                    calendar.closestCommittees(p, limit).forEach(a -> out.add(new Choice(a, a)));
                }
            }
            case MEETING -> calendar.meetingsByCode().values().stream()
                    .filter(m -> m.code().toLowerCase(Locale.ROOT).startsWith(lower))
                    .forEach(m -> out.add(new Choice(m.code() + " — " + m.name(), m.code())));
            case EVENT -> {
                Instant now = clock.instant();
                List<Event> events = lower.isEmpty() ? calendar.upcoming(now, limit)
                        : calendar.index().search(Text.words(p)).stream().map(SearchIndex.Hit::event).toList();
                for (Event e : events) {
                    out.add(new Choice(Text.shorten(e.title(), 80), e.id()));
                }
            }
            case ZONE -> CommandEngine.ZONES.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(lower))
                    .sorted().forEach(z -> out.add(new Choice(z, z)));
            default -> {
                for (String ch : opt.get().choices()) {
                    if (ch.toLowerCase(Locale.ROOT).startsWith(lower)) {
                        out.add(new Choice(ch, ch));
                    }
                }
            }
        }
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Members' personal feeds, for the feed server ({@code /personal/<token>.ics}). */
    public org.ccnsobot.features.personalfeed.PersonalFeeds personalFeeds() {
        return personalFeeds;
    }

    /**
     * Makes this process the database's sender: takes the sender lock, resolves deliveries a crash interrupted,
     * plans every upcoming event, and (with {@code background}) runs the scheduler thread; without it, what is due
     * is sent by {@link Outbox#fireDue()} (the console with a pinned clock calls it after each line). The digest is
     * planned and the upcoming events are mirrored. Refuses, saying which process holds the lock, when another
     * process already sends from this database; the bot still answers commands then.
     */
    public Outbox start(boolean background) throws LedgerBusyException {
        outbox.start(background);
        if (digest != null) {
            // this week's digest (if its day is not over) and next week's
            digest.plan(clock.instant());
        }
        if (mirroring != null) {
            // like the outbox, only the sending process mirrors events, so two processes never race
            mirroring.follow();
        }
        return outbox;
    }

    /** The outbox every feature enqueues to; it sends only in the process that {@link #start started} it. */
    public Outbox outbox() {
        return outbox;
    }

    /** The outbox, if this process sends (it holds the database's sender lock). */
    public Optional<Outbox> reminders() {
        return outbox.running() ? Optional.of(outbox) : Optional.empty();
    }

    /** Convenience for tests and the console: where the config's database lives. */
    public Path databaseFile() {
        return db.file();
    }

    @Override
    public void close() {
        if (mirroring != null) {
            mirroring.close();
        }
        changes.close();
        outbox.close();
        db.close();
    }
}
