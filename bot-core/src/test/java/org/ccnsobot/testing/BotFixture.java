package org.ccnsobot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.DigestConfig;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.config.StaffRule;
import org.ccnsobot.domain.Event;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.time.ManualClock;

/**
 * The one bot fixture of every module's tests: a bot on a fresh SQLite file in a (temp) folder, with the repository's
 * seed calendar or a calendar text of the test's own, a pinned {@link ManualClock}, any number of
 * {@link RecordingPlatform}s, and config tweaks (staff rules, reminders, digest). The bot is composed once with
 * {@code Bot.open(config, clock, platforms)}, each platform is started with the bot, and {@link #start} makes the
 * bot the sender (jitter off; the outbox may be tuned first). {@link #restart()} closes the bot and opens a new one
 * on the same files with the same (remembering) platforms, started again the way it was.
 *
 * <pre>{@code
 * try (BotFixture f = BotFixture.builder().calendar(TEXT).platform("chat").staff("chat", "staffer").open(dir)) {
 *     f.start(false);
 *     f.say("alice", "subscribe council");
 *     f.clock().advance(Duration.ofHours(1));
 *     f.fire();
 * }
 * }</pre>
 */
public final class BotFixture implements AutoCloseable {
    /** 10 February 2024, noon UTC: a few days before the newsletter's first session. */
    public static final Instant NEWSLETTER_DAY = Instant.parse("2024-02-10T12:00:00Z");
    /** 1 March 2024, noon UTC (a Friday): the feature tests' usual start. */
    public static final Instant START = Instant.parse("2024-03-01T12:00:00Z");
    /** A member in a public channel, on no real platform. */
    public static final Actor MEMBER = new Actor("test", "member-1", "Member", Set.of());
    public static final Place PLACE = new Place("test", "channel-1", false);
    /** The console user: staff under the default config ({@code staff.console.users: [console]}). */
    public static final Actor STAFF = new Actor("console", "console", "Console Operator", Set.of());
    public static final Place CONSOLE = new Place("console", "terminal", true);

    /** How a background start or a restart starts the bot again. */
    private record Started(boolean background, UnaryOperator<Outbox> tune) {
    }

    private final Path dir;
    private final ManualClock clock;
    private BotConfig config;
    private final Map<String, RecordingPlatform> platforms;
    private Bot bot;
    private Outbox outbox;
    private Started started;

    private BotFixture(Path dir, ManualClock clock, BotConfig config, Map<String, RecordingPlatform> platforms,
                       Started started) throws Exception {
        this.dir = dir;
        this.clock = clock;
        this.config = config;
        this.platforms = platforms;
        open();
        if (started != null) {
            start(started.background(), started.tune());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A bot on the seed calendar in {@code dir}, with these platforms (started with it), not yet the sender. */
    public static BotFixture seeded(Path dir, ManualClock clock, RecordingPlatform... platforms) throws Exception {
        return builder().clock(clock).platforms(platforms).open(dir);
    }

    /** Just the bot of {@link #seeded}, for tests that own and close it. */
    public static Bot seedBot(Path dir, ManualClock clock, RecordingPlatform... platforms) throws Exception {
        return seeded(dir, clock, platforms).bot();
    }

    /**
     * One seeded bot (clock at {@link #START}) for the life of the JVM, in a temp folder removed at exit, for tests
     * that handle many inputs (fuzzing), where a seeded SQLite file per input would cost tens of milliseconds each.
     */
    public static BotFixture forJvm(String name) {
        try {
            Path dir = Files.createTempDirectory("ccnso-" + name);
            dir.toFile().deleteOnExit();
            BotFixture f = builder().open(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                f.close();
                deleteQuietly(dir);
            }));
            return f;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a bot for " + name, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private void open() throws Exception {
        bot = Bot.open(config, clock, List.copyOf(platforms.values()));
        for (RecordingPlatform p : platforms.values()) {
            p.start(bot);
        }
        outbox = bot.outbox();
    }

    /** Makes the bot the sender, with jitter off; without {@code background}, {@link #fire()} sends what is due. */
    public Outbox start(boolean background) throws Exception {
        return start(background, o -> o);
    }

    /** As above, tuning the outbox first ({@code batching}, {@code backoff}, {@code sendTimeout}, ...). */
    public Outbox start(boolean background, UnaryOperator<Outbox> tune) throws Exception {
        outbox = tune.apply(bot.outbox().jitter(() -> 0.0));
        started = new Started(background, tune);
        bot.start(background);
        return outbox;
    }

    /** Closes the bot and opens a new one on the same files with the same platforms, started as it was. */
    public void restart() throws Exception {
        bot.close();
        open();
        if (started != null) {
            start(started.background(), started.tune());
        }
    }

    /**
     * Opens a new bot on the same files and platforms with a changed config, started as the last one was; the test
     * has closed the last bot (as an operator stops the process, edits the config and starts it again).
     */
    public void reopen(UnaryOperator<BotConfig> change) throws Exception {
        config = change.apply(config);
        open();
        if (started != null) {
            start(started.background(), started.tune());
        }
    }

    public Bot bot() {
        return bot;
    }

    public ManualClock clock() {
        return clock;
    }

    public Path dir() {
        return dir;
    }

    public BotConfig config() {
        return config;
    }

    /** The outbox: the tuned one once {@link #start started}. */
    public Outbox outbox() {
        return outbox;
    }

    /** The first platform. */
    public RecordingPlatform platform() {
        if (platforms.isEmpty()) {
            throw new IllegalStateException("this fixture has no platform");
        }
        return platforms.values().iterator().next();
    }

    public RecordingPlatform platform(String id) {
        RecordingPlatform p = platforms.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no platform " + id + " in " + platforms.keySet());
        }
        return p;
    }

    public List<RecordingPlatform> platforms() {
        return List.copyOf(platforms.values());
    }

    /** Sends what is due now (a bot started without the background thread). */
    public int fire() {
        return outbox.fireDue();
    }

    /** A line typed by {@code user} in a DM on the first platform; the reply's text. */
    public String say(String user, String text) {
        return platform().exec(user, text).text();
    }

    public String say(RecordingPlatform p, String user, String text) {
        return p.exec(user, text).text();
    }

    /** A line from {@link #MEMBER} in a public channel. */
    public String ask(String text) {
        return ask(bot, text);
    }

    /** A line from the console operator, who is staff. */
    public Reply staff(String text) {
        return staff(bot, text);
    }

    @Override
    public void close() {
        bot.close();
    }

    public static String ask(Bot bot, String text) {
        return reply(bot, text).text();
    }

    public static Reply reply(Bot bot, String text) {
        return bot.handle(Invocation.text(MEMBER, PLACE, text, bot.clock().instant()));
    }

    public static Reply staff(Bot bot, String text) {
        return bot.handle(Invocation.text(STAFF, CONSOLE, text, bot.clock().instant()));
    }

    /** Every event as stored, for "nothing changed" checks. */
    public static List<Event> snapshot(Bot bot) {
        return bot.calendar().store().allEvents();
    }

    /** The digest the feature tests use: Mondays 09:00 UTC. */
    public static DigestConfig mondays() {
        return new DigestConfig(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"));
    }

    /** The repository's config/calendar folder, found from the module's working directory. */
    public static Path seedCalendar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("config/calendar");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/calendar not found above " + Path.of("").toAbsolutePath());
    }

    /** The real Sched export (JoCo Cruise 2024) from the shared seed fixtures. */
    public static String schedSample() {
        return resource("/org/ccnsobot/ical/sched-export-sample.ics");
    }

    public static String resource(String name) {
        try (InputStream in = BotFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the fixture will be; {@link #open} makes one in a folder. Reusable: open copies what it needs. */
    public static final class Builder {
        private ManualClock clock;
        private Instant at = START;
        private String calendarText;
        private final List<Object> platforms = new ArrayList<>();
        private final Map<String, StaffRule> staff = new LinkedHashMap<>();
        private RemindersConfig reminders;
        private DigestConfig digest;
        private UnaryOperator<BotConfig> tweak = c -> c;
        private Started started;

        private Builder() {
        }

        /** The clock (pinned); default a new ManualClock at {@link #START}, or at {@link #at}. */
        public Builder clock(ManualClock value) {
            this.clock = value;
            return this;
        }

        /** A new ManualClock at this instant for each fixture opened. */
        public Builder at(Instant value) {
            this.at = value;
            this.clock = null;
            return this;
        }

        /** A calendar of the test's own, written to {@code dir/calendar/test.yaml} (unless it is there already). */
        public Builder calendar(String yaml) {
            this.calendarText = yaml;
            return this;
        }

        /** Existing platforms (a second life with the same, remembering platforms). */
        public Builder platforms(RecordingPlatform... values) {
            platforms.addAll(List.of(values));
            return this;
        }

        /** A new recording platform on the fixture's clock. */
        public Builder platform(String id) {
            return platform(id, p -> p);
        }

        /**
         * As above, with options ({@code p -> p.withChannel(ChannelRole.STAFF, "staff").editable(false)}). If an
         * existing platform with this id is also given ({@link #platforms}), the options apply to it instead.
         */
        public Builder platform(String id, UnaryOperator<RecordingPlatform> options) {
            platforms.add(new PlatformSpec(id, options));
            return this;
        }

        /** Users of {@code platform} who are staff. */
        public Builder staff(String platform, String... users) {
            staff.put(platform, new StaffRule(List.of(users), List.of()));
            return this;
        }

        public Builder staff(String platform, StaffRule rule) {
            staff.put(platform, rule);
            return this;
        }

        public Builder reminders(RemindersConfig value) {
            this.reminders = value;
            return this;
        }

        public Builder digest(DigestConfig value) {
            this.digest = value;
            return this;
        }

        /** Any other change to the config, applied last. */
        public Builder config(UnaryOperator<BotConfig> change) {
            UnaryOperator<BotConfig> before = tweak;
            this.tweak = c -> change.apply(before.apply(c));
            return this;
        }

        /** Makes the bot the sender as soon as it opens (and again on restart). */
        public Builder started(boolean background) {
            this.started = new Started(background, o -> o);
            return this;
        }

        public BotFixture open(Path dir) throws Exception {
            ManualClock c = clock != null ? clock : new ManualClock(at);
            Path calendar;
            if (calendarText == null) {
                calendar = seedCalendar();
            } else {
                calendar = dir.resolve("calendar");
                if (!Files.isDirectory(calendar)) {
                    Files.createDirectories(calendar);
                    Files.writeString(calendar.resolve("test.yaml"), calendarText);
                }
            }
            BotConfig cfg = BotConfig.defaults().withDatabase(dir.resolve("bot.db")).withCalendar(calendar);
            if (calendarText != null || !staff.isEmpty() || reminders != null) {
                // a test's own world: UTC, only the staff it names
                cfg = new BotConfig(cfg.database(), calendar, ZoneId.of("UTC"), Map.copyOf(staff),
                        reminders != null ? reminders : RemindersConfig.defaults(), Map.of(), null);
            }
            if (digest != null) {
                cfg = cfg.withDigest(digest);
            }
            cfg = tweak.apply(cfg);
            Map<String, RecordingPlatform> given = new LinkedHashMap<>();
            for (Object p : platforms) {
                if (p instanceof RecordingPlatform existing) {
                    given.put(existing.id(), existing);
                }
            }
            Map<String, RecordingPlatform> made = new LinkedHashMap<>();
            for (Object p : platforms) {
                String id = p instanceof PlatformSpec spec ? spec.id() : ((RecordingPlatform) p).id();
                RecordingPlatform base = made.containsKey(id) ? made.get(id)
                        : given.containsKey(id) ? given.get(id) : new RecordingPlatform(id, c);
                made.put(id, p instanceof PlatformSpec spec ? spec.options().apply(base) : base);
            }
            return new BotFixture(dir, c, cfg, made, started);
        }
    }

    private record PlatformSpec(String id, UnaryOperator<RecordingPlatform> options) {
    }

    /** For reminder tests: 24 h and 1 h before, webinars 2 h, three attempts, DMs not before 08:00. */
    public static RemindersConfig testReminders() {
        return new RemindersConfig(List.of(Duration.ofHours(24), Duration.ofHours(1)),
                Map.of("webinar", List.of(Duration.ofHours(2))), 3, "08:00");
    }

    /**
     * The reminder tests' world: {@link #REMINDERS_CALENDAR}, {@link #testReminders()}, UTC, and platform "chat"
     * (announcements in "announcements", staff alerts in "staff") where "staffer" is staff. Not yet the sender.
     */
    public static Builder remindersWorld() {
        return builder().calendar(REMINDERS_CALENDAR).reminders(testReminders()).staff("chat", "staffer")
                .platform("chat", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "announcements")
                        .withChannel(ChannelRole.STAFF, "staff"));
    }

    /**
     * The announcement tests' world: {@link #ANNOUNCEMENTS_CALENDAR}, UTC, two platforms ("disc": news and staff;
     * "slk": C-NEWS and C-STAFF) where "staffer" is staff, started at once without the scheduler thread, so
     * {@link #fire()} runs what is due, like the console does.
     */
    public static Builder announcementsWorld() {
        return builder().calendar(ANNOUNCEMENTS_CALENDAR).staff("disc", "staffer").staff("slk", "staffer")
                .platform("disc", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "news")
                        .withChannel(ChannelRole.STAFF, "staff"))
                .platform("slk", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "C-NEWS")
                        .withChannel(ChannelRole.STAFF, "C-STAFF"))
                .started(false);
    }

    /** A platform that only posts, like the port's default: cannot edit, delete or tell what it delivered. */
    public static RecordingPlatform plainPlatform(RecordingPlatform p) {
        return p.capabilities(Set.of()).editable(false).canTell(false)
                .withChannel(ChannelRole.ANNOUNCEMENTS, "town-square");
    }

    public static final String REMINDERS_CALENDAR = """
            committees:
              - acronym: Council
                name: ccNSO Council
              - acronym: GRC
                name: Guidelines Review Committee
              - acronym: TLD-OPS
                name: TLD Operations Standing Committee
            events:
              - id: council-300
                title: ccNSO Council meeting 300
                kind: council-meeting
                date: 2024-03-10
                start: "18:00"
                zone: UTC
                committees: [Council]
              - id: grc-webinar
                title: GRC webinar
                kind: webinar
                date: 2024-03-12
                start: "14:00"
                zone: UTC
                committees: [GRC]
              - id: own-offsets
                title: Session with its own reminders
                date: 2024-03-15
                start: "12:00"
                zone: UTC
                reminders: [48h, 1h]
              - id: date-only
                title: Milestone with a date only
                kind: milestone
                date: 2024-03-20
                zone: America/Puerto_Rico
              - id: ams-session
                title: Amsterdam session
                date: 2024-04-01
                start: "09:00"
                zone: Europe/Amsterdam
            """;

    public static final String ANNOUNCEMENTS_CALENDAR = """
            committees:
              - acronym: Council
                name: ccNSO Council
              - acronym: GRC
                name: Guidelines Review Committee
            events:
              - id: council-300
                title: ccNSO Council meeting 300
                kind: council-meeting
                date: 2024-03-06
                start: "18:00"
                zone: UTC
                committees: [Council]
              - id: grc-webinar
                title: GRC webinar
                kind: webinar
                date: 2024-03-08
                start: "14:00"
                zone: UTC
                committees: [GRC]
              - id: later
                title: Session two weeks on
                date: 2024-03-20
                start: "12:00"
                zone: UTC
            """;
}
