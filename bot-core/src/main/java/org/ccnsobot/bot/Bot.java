package org.ccnsobot.bot;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.ccnsobot.calendar.CalendarException;
import org.ccnsobot.calendar.CalendarService;
import org.ccnsobot.calendar.Seeder;
import org.ccnsobot.command.Args;
import org.ccnsobot.command.CommandContext;
import org.ccnsobot.command.CommandEngine;
import org.ccnsobot.command.CommandException;
import org.ccnsobot.command.CommandSpec;
import org.ccnsobot.command.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;
import org.ccnsobot.query.SearchIndex;
import org.ccnsobot.query.Text;
import org.ccnsobot.reminder.LedgerBusyException;
import org.ccnsobot.reminder.Outlet;
import org.ccnsobot.reminder.ReminderService;
import org.ccnsobot.reminder.SubscriptionCommands;
import org.ccnsobot.reminder.Subscriptions;
import org.ccnsobot.staff.StaffCommands;
import org.ccnsobot.store.AuditLog;
import org.ccnsobot.store.CalendarStore;
import org.ccnsobot.store.ChangeFeed;
import org.ccnsobot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: what every adapter talks to. Each request runs through the same chain: input checks, rate limit,
 * command lookup (or a plain-words question), staff check, option binding, execution, and fault containment.
 */
public final class Bot implements InboundHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
    /** Longer input is refused: no command needs more, and it bounds the work one message can cause. */
    public static final int MAX_INPUT = 2000;
    /** Staff may send more (a long announcement), up to Discord's 6000 characters for a command's options. */
    public static final int STAFF_MAX_INPUT = 6000;
    /** Requests a member may make per minute. */
    public static final int RATE_LIMIT = 30;

    private final BotConfig config;
    private final Clock clock;
    private final Database db;
    private final CalendarService calendar;
    private final AuditLog audit;
    private final CommandEngine engine;
    private final Questions questions;
    private final StaffPolicy staff;
    private final RateLimiter rateLimiter;
    private final Map<String, ZoneId> zoneOverrides = new ConcurrentHashMap<>();
    private final LoadingCache<String, Optional<ZoneId>> userZones;
    private final Subscriptions subscriptions;
    private volatile ReminderService reminders;
    private final org.ccnsobot.announce.AnnounceService announcements;
    private volatile ChangeFeed changes;

    private Bot(BotConfig config, Clock clock, Database db) {
        this.config = config;
        this.clock = clock;
        this.db = db;
        CalendarStore store = CalendarStore.sqlite(db);
        this.calendar = new CalendarService(store);
        this.audit = new AuditLog(db);
        this.userZones = Caffeine.newBuilder().maximumSize(50_000).build(key -> {
            int colon = key.indexOf(':');
            return store.userZone(key.substring(0, colon), key.substring(colon + 1));
        });
        Views views = new Views(calendar, config.updates().staleAfter());
        this.questions = new Questions(calendar, views);
        MemberCommands.UserZones zones = (platform, user, zone) -> {
            store.setUserZone(platform, user, zone);
            userZones.invalidate(platform + ":" + user);
        };
        List<CommandSpec> specs = new ArrayList<>(new MemberCommands(calendar, views, questions, zones).specs());
        this.subscriptions = Subscriptions.sqlite(db);
        specs.addAll(new SubscriptionCommands(calendar, subscriptions, this::reminders).specs());
        specs.addAll(new StaffCommands(calendar, audit, config, clock).specs());
        this.announcements = org.ccnsobot.announce.AnnounceService.create(db, calendar, config, clock);
        specs.addAll(announcements.specs());
        specs.add(helpSpec());
        this.engine = new CommandEngine(specs, calendar);
        this.staff = new StaffPolicy(config.staff());
        this.rateLimiter = new RateLimiter(RATE_LIMIT, Duration.ofMinutes(1), clock);
    }

    /**
     * Opens the database named in the config (creating and seeding it from the calendar folder on first start).
     * A database that is not SQLite or too new, or a calendar with errors, fails here and changes nothing.
     */
    public static Bot open(BotConfig config, Clock clock) throws CalendarException {
        Database db = Database.open(config.database());
        try {
            Bot bot = new Bot(config, clock, db);
            Seeder.seedIfEmpty(bot.calendar, config.calendar());
            bot.followChanges();
            return bot;
        } catch (CalendarException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Follows writes made by other processes (an import, a second console) and other connections: the calendar's
     * caches and listeners (so the reminder plan and the mirrors) and the user-zone cache take them. Started here,
     * after seeding, so every process that opens the bot follows the file the same way.
     */
    private void followChanges() {
        ChangeFeed feed = ChangeFeed.open(db);
        feed.subscribe(calendar::applyExternal);
        feed.subscribe(batch -> {
            if (batch.resync()) {
                userZones.invalidateAll();
            } else {
                userZones.invalidateAll(batch.keys("user_prefs"));
            }
        });
        changes = feed.start();
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

    @Override
    public Reply handle(Invocation invocation) {
        try {
            Result r = run(invocation);
            return new Reply(r.message(), r.personal());
        } catch (CommandException e) {
            return Reply.personally(OutgoingMessage.text(e.getMessage()));
        } catch (RuntimeException e) {
            String ref = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            LOG.error("Fault {} while handling '{}' from {}:{}", ref, Text.shorten(invocation.rawText(), 200),
                    invocation.actor().platform(), invocation.actor().userId(), e);
            return Reply.personally(OutgoingMessage.text("Something went wrong on our side (reference " + ref
                    + "); the staff can look it up in the log."));
        }
    }

    private Result run(Invocation inv) throws CommandException {
        String who = inv.actor().platform() + ":" + inv.actor().userId();
        boolean isStaff = staff.isStaff(inv.actor());
        // Staff are trusted (and the console's scripted sessions run as staff), so only members are limited.
        if (!isStaff && !rateLimiter.allow(who)) {
            throw new CommandException("You are sending requests faster than I answer them; wait a minute and try again.");
        }
        Instant now = clock.instant();
        ZoneId zone = zoneFor(inv.actor().platform(), inv.actor().userId());
        LocalDate today = LocalDate.ofInstant(now, zone);
        CommandContext ctx = new CommandContext(inv, now, zone, isStaff);
        if (inv.isTyped()) {
            CommandSpec spec = engine.lookup(inv.command()).orElseThrow(() -> unknown(inv.command(),
                    "The command '" + Text.shorten(inv.command(), 40) + "' no longer exists"));
            checkInput(String.join(" ", inv.options().values()), isStaff ? STAFF_MAX_INPUT : MAX_INPUT);
            permit(spec, ctx);
            Args args = engine.bind(spec, inv.options(), today);
            return execute(spec, ctx, args);
        }
        String text = checkInput(inv.rawText(), isStaff ? STAFF_MAX_INPUT : MAX_INPUT).strip();
        boolean slash = text.startsWith("/");
        String body = slash ? text.substring(1).strip() : text;
        if (body.isEmpty()) {
            throw new CommandException("Nothing to do: type help for the commands, or ask something like"
                    + " 'when is the next council meeting?'");
        }
        String[] parts = body.split("\\s+", 2);
        if (parts.length > 1) {
            // two-word commands: "event add ..." is event-add, as typed platforms show it
            String[] sub = parts[1].split("\\s+", 2);
            if (engine.lookup(parts[0] + "-" + sub[0]).isPresent()) {
                parts = new String[] {parts[0] + "-" + sub[0], sub.length > 1 ? sub[1] : ""};
            }
        }
        Optional<CommandSpec> spec = engine.lookup(parts[0]);
        if (spec.isPresent()) {
            permit(spec.get(), ctx);
            Args args = engine.bindText(spec.get(), parts.length > 1 ? parts[1] : "", today);
            return execute(spec.get(), ctx, args);
        }
        if (parts.length == 1 && looksLikeACommand(parts[0])) {
            throw unknown(parts[0], "Unknown command '" + Text.shorten(parts[0], 40) + "'");
        }
        try {
            return questions.answer(body, zone, now);
        } catch (CommandException e) {
            // "/something" was meant as a command: say so, rather than that the calendar has no "something".
            if (slash) {
                throw unknown(parts[0], "Unknown command '" + Text.shorten(parts[0], 40) + "'");
            }
            throw e;
        }
    }

    /** A lone word that is a typo of a command name, and not a committee or meeting name. */
    private boolean looksLikeACommand(String word) {
        if (calendar.committee(word).isPresent() || calendar.meeting(word).isPresent()) {
            return false;
        }
        String w = Text.normalize(word);
        int tol = Math.max(1, Text.tolerance(w.length()));
        return engine.specs().stream().flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.name()),
                s.aliases().stream())).anyMatch(n -> Text.distance(w, n, tol) <= tol);
    }

    private Result execute(CommandSpec spec, CommandContext ctx, Args args) throws CommandException {
        Result r;
        try {
            r = spec.handler().run(ctx, args);
        } catch (CommandException e) {
            if (spec.staffOnly()) {
                audit.record(ctx.now(), ctx.platform(), ctx.userId(), spec.name(),
                        "failed: " + Text.shorten(e.getMessage(), 200), Text.shorten(ctx.invocation().rawText(), 500));
            }
            throw e;
        }
        if (spec.staffOnly()) {
            audit.record(ctx.now(), ctx.platform(), ctx.userId(), spec.name(), "done",
                    Text.shorten(ctx.invocation().rawText(), 500));
        }
        return spec.personal() ? r.asPersonal() : r;
    }

    private void permit(CommandSpec spec, CommandContext ctx) throws CommandException {
        if (spec.staffOnly() && !ctx.staff()) {
            audit.record(ctx.now(), ctx.platform(), ctx.userId(), spec.name(), "refused: not staff",
                    Text.shorten(ctx.invocation().rawText(), 500));
            throw new CommandException("'" + spec.name() + "' is for ccNSO staff only.");
        }
    }

    private CommandException unknown(String word, String lead) {
        List<String> close = engine.suggest(word, 3);
        return new CommandException(lead + (close.isEmpty() ? "; type help for the commands."
                : "; did you mean " + String.join(", ", close) + "?"));
    }

    /** Refuses input no person types: over-long lines and control characters. */
    static String checkInput(String text) throws CommandException {
        return checkInput(text, MAX_INPUT);
    }

    static String checkInput(String text, int max) throws CommandException {
        if (text.length() > max) {
            throw new CommandException("That is too long (" + text.length() + " characters; the limit is " + max + ").");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                throw new CommandException("That contains control characters (at position " + (i + 1)
                        + "); please send plain text.");
            }
        }
        return text;
    }

    private CommandSpec helpSpec() {
        return new CommandSpec("help", List.of("?", "commands"), "The commands, or how to use one of them",
                List.of(org.ccnsobot.command.OptionSpec.optional("command", CommandInfo.OptionKind.TEXT, "A command's name")),
                List.of("help", "help next"), false, false, (c, a) -> help(c, a.text("command")));
    }

    private Result help(CommandContext c, Optional<String> command) throws CommandException {
        if (command.isPresent()) {
            CommandSpec s = engine.lookup(command.get()).orElseThrow(() -> unknown(command.get(),
                    "There is no command '" + Text.shorten(command.get(), 40) + "'"));
            StringBuilder sb = new StringBuilder(s.usage()).append(" — ").append(s.summary());
            if (!s.aliases().isEmpty()) {
                sb.append("\nAlso: ").append(String.join(", ", s.aliases()));
            }
            for (var o : s.options()) {
                sb.append("\n  ").append(o.name()).append(": ").append(o.description());
            }
            if (!s.examples().isEmpty()) {
                sb.append("\nExamples: ").append(String.join(" · ", s.examples()));
            }
            if (s.staffOnly()) {
                sb.append("\n(staff only)");
            }
            return Result.text(sb.toString());
        }
        StringBuilder sb = new StringBuilder("Commands:");
        for (CommandSpec s : engine.specs()) {
            if (s.staffOnly() && !c.staff()) {
                continue;
            }
            sb.append("\n  ").append(s.usage()).append(" — ").append(s.summary()).append(s.staffOnly() ? " (staff)" : "");
        }
        sb.append("\nOr ask in plain words: 'when is the next council meeting?', 'what is on tech day?', 'grc'.");
        return Result.text(sb.toString());
    }

    @Override
    public List<CommandInfo> commands() {
        return engine.specs().stream().map(CommandSpec::info).toList();
    }

    @Override
    public List<Choice> complete(String command, String option, String prefix, int limit) {
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
                            || k.name().toLowerCase(Locale.ROOT).contains(lower)) {
                        out.add(new Choice(k.acronym() + " — " + k.name(), k.acronym()));
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

    /**
     * Starts the reminders for the running platforms: plans every upcoming event, resolves deliveries a crash
     * interrupted, and (with {@code background}) runs the scheduler thread. Refuses, saying why, when another
     * process already sends from this database.
     */
    public ReminderService startReminders(List<Outlet> outlets, boolean background) throws LedgerBusyException {
        return startReminders(outlets, background, s -> s);
    }

    /** As above, with a chance to tune the service (time-outs, back-off) before it starts. */
    public ReminderService startReminders(List<Outlet> outlets, boolean background,
                                          java.util.function.UnaryOperator<ReminderService> tune)
            throws LedgerBusyException {
        if (reminders != null) {
            throw new IllegalStateException("reminders are already started");
        }
        ReminderService service = tune.apply(ReminderService.create(db, calendar, subscriptions, config.reminders(),
                config.timezone(), clock, outlets, this::zoneFor));
        calendar.onEventChanged(service::eventChanged);
        calendar.onUpdateAdded(service::committeeUpdated);
        announcements.attach(service);
        service.start(background);
        announcements.started();
        reminders = service;
        return service;
    }

    public Optional<ReminderService> reminders() {
        return Optional.ofNullable(reminders);
    }

    /** Convenience for tests and the console: where the config's database lives. */
    public Path databaseFile() {
        return db.file();
    }

    @Override
    public void close() {
        ChangeFeed feed = changes;
        if (feed != null) {
            feed.close();
        }
        ReminderService r = reminders;
        if (r != null) {
            r.close();
        }
        db.close();
    }
}
