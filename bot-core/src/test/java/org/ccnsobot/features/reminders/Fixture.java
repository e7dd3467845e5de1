package org.ccnsobot.features.reminders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;

/** A bot on a fresh SQLite file with a small calendar of its own, a pinned clock and a recording platform. */
final class Fixture implements AutoCloseable {
    static final Instant START = Instant.parse("2024-03-01T12:00:00Z");
    static final String CALENDAR = """
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

    final Path dir;
    final ManualClock clock;
    final RecordingPlatform platform;
    final Bot bot;
    Outbox reminders;

    Fixture(Path dir) throws Exception {
        this(dir, new ManualClock(START));
    }

    Fixture(Path dir, ManualClock clock) throws Exception {
        this(dir, clock, new RecordingPlatform("chat", clock));
    }

    /** A second life on the same files: after a stop or crash, with the same (remembering) platform. */
    Fixture(Path dir, ManualClock clock, RecordingPlatform platform) throws Exception {
        this.dir = dir;
        this.clock = clock;
        this.platform = platform;
        Path cal = dir.resolve("calendar");
        if (!Files.isDirectory(cal)) {
            Files.createDirectories(cal);
            Files.writeString(cal.resolve("test.yaml"), CALENDAR);
        }
        this.bot = Bot.open(config(dir), clock);
        platform.start(bot);
    }

    static BotConfig config(Path dir) {
        RemindersConfig reminders = new RemindersConfig(List.of(Duration.ofHours(24), Duration.ofHours(1)),
                Map.of("webinar", List.of(Duration.ofHours(2))), 3, "08:00");
        return new BotConfig(dir.resolve("bot.db"), dir.resolve("calendar"), ZoneId.of("UTC"),
                Map.of("chat", new org.ccnsobot.config.StaffRule(List.of("staffer"), List.of())), reminders, Map.of(), null);
    }

    Outbox start(boolean background) throws Exception {
        return start(background, s -> s);
    }

    Outbox start(boolean background, UnaryOperator<Outbox> tune) throws Exception {
        platform.withChannel(ChannelRole.ANNOUNCEMENTS, "announcements").withChannel(ChannelRole.STAFF, "staff");
        reminders = bot.startReminders(List.of(platform), background,
                s -> tune.apply(s.jitter(() -> 0.0)));
        return reminders;
    }

    String say(String user, String text) {
        return platform.exec(user, text).text();
    }

    @Override
    public void close() {
        bot.close();
    }
}
