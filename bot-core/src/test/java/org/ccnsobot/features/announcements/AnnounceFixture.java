package org.ccnsobot.features.announcements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.DigestConfig;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.config.StaffRule;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;

/**
 * A bot on a SQLite file in {@code dir} with two recording platforms ("disc" and "slk", each with an announcement
 * channel), a pinned clock, and no scheduler thread: {@link #fire()} runs what is due, like the console does.
 * {@link #restart()} closes the bot and opens a new one on the same file, with the same (remembering) platforms.
 */
final class AnnounceFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2024-03-01T12:00:00Z"); // a Friday
    static final String CALENDAR = """
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

    final Path dir;
    final ManualClock clock;
    final RecordingPlatform disc;
    final RecordingPlatform slk;
    DigestConfig digest;
    final PlainPlatform plain;
    Bot bot;
    Outbox reminders;

    AnnounceFixture(Path dir) throws Exception {
        this(dir, null);
    }

    AnnounceFixture(Path dir, DigestConfig digest) throws Exception {
        this(dir, digest, false);
    }

    /** With {@code withPlain}, a third platform that posts but, like the port's default, cannot edit or delete. */
    AnnounceFixture(Path dir, DigestConfig digest, boolean withPlain) throws Exception {
        this.plain = withPlain ? new PlainPlatform() : null;
        this.dir = dir;
        this.digest = digest;
        this.clock = new ManualClock(START);
        this.disc = new RecordingPlatform("disc", clock);
        this.slk = new RecordingPlatform("slk", clock);
        Path cal = dir.resolve("calendar");
        Files.createDirectories(cal);
        Files.writeString(cal.resolve("test.yaml"), CALENDAR);
        open();
    }

    static DigestConfig mondays() {
        return new DigestConfig(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"));
    }

    private void open() throws Exception {
        BotConfig cfg = new BotConfig(dir.resolve("bot.db"), dir.resolve("calendar"), ZoneId.of("UTC"),
                Map.of("disc", new StaffRule(List.of("staffer"), List.of()),
                        "slk", new StaffRule(List.of("staffer"), List.of())),
                RemindersConfig.defaults(), Map.of(), null).withDigest(digest);
        bot = Bot.open(cfg, clock);
        disc.start(bot);
        slk.start(bot);
        disc.withChannel(ChannelRole.ANNOUNCEMENTS, "news").withChannel(ChannelRole.STAFF, "staff");
        slk.withChannel(ChannelRole.ANNOUNCEMENTS, "C-NEWS").withChannel(ChannelRole.STAFF, "C-STAFF");
        List<org.ccnsobot.port.ChatPlatform> outlets = new java.util.ArrayList<>(List.of(disc, slk));
        if (plain != null) {
            outlets.add(plain);
        }
        reminders = bot.startReminders(outlets, false, s -> s.jitter(() -> 0.0));
    }

    /** Opens a new bot on the same file with another digest schedule (the bot must be closed). */
    void reopen(DigestConfig newDigest) throws Exception {
        this.digest = newDigest;
        open();
    }

    void restart() throws Exception {
        bot.close();
        open();
    }

    int fire() {
        return reminders.fireDue();
    }

    String say(RecordingPlatform p, String user, String text) {
        return p.exec(user, text).text();
    }

    /** The announcement id a preview names ("Preview of announcement A3 — ..."). */
    static String idIn(String preview) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("announcement (A\\d+)").matcher(preview);
        if (!m.find()) {
            throw new AssertionError("no announcement id in: " + preview);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        bot.close();
    }

    /** A platform that only posts: edit and delete are the port's defaults. */
    static final class PlainPlatform implements org.ccnsobot.port.ChatPlatform {
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "plain";
        }

        @Override
        public java.util.Optional<String> channel(ChannelRole role) {
            return role == ChannelRole.ANNOUNCEMENTS ? java.util.Optional.of("town-square") : java.util.Optional.empty();
        }

        @Override
        public java.util.Set<org.ccnsobot.port.Capability> capabilities() {
            return java.util.Set.of();
        }

        @Override
        public void start(org.ccnsobot.port.InboundHandler handler) {
        }

        @Override
        public java.util.concurrent.CompletableFuture<org.ccnsobot.port.SentRef> send(
                org.ccnsobot.port.Destination destination, org.ccnsobot.port.OutgoingMessage message) {
            sent.add(message.fallbackText());
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new org.ccnsobot.port.SentRef("plain", "town-square", "p" + sent.size()));
        }

        @Override
        public void close() {
        }
    }
}
