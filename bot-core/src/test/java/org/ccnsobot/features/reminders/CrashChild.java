package org.ccnsobot.features.reminders;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.RemindersConfig;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.FileRecordingPlatform;

/**
 * The bot as the crash test runs it, in its own JVM: opens the ledger, starts the reminder scheduler thread (which
 * fires at once: the reminder is due), waits until nothing is due, prints DONE and exits. The test kills it with
 * SIGKILL part-way and starts it again. Args: database, calendar folder, deliveries file, now, canTell.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path calendar = Path.of(args[1]);
        Path deliveries = Path.of(args[2]);
        Instant now = Instant.parse(args[3]);
        boolean canTell = Boolean.parseBoolean(args[4]);
        BotConfig cfg = new BotConfig(db, calendar, ZoneId.of("UTC"), Map.of(),
                new RemindersConfig(List.of(Duration.ofHours(1)), Map.of(), 5, "08:00"), Map.of(), null);
        try (Bot bot = Bot.open(cfg, Clock.fixed(now, ZoneId.of("UTC")));
             FileRecordingPlatform platform = new FileRecordingPlatform(deliveries, canTell, System.out, 2000,
                     Set.of(Capability.DM))) {
            platform.withChannel(ChannelRole.ANNOUNCEMENTS, "announcements").withChannel(ChannelRole.STAFF, "staff");
            Outbox reminders = bot.startReminders(List.of(platform), true,
                    s -> s.batching(100, 16, 50));
            reminders.fireDue();
            System.out.println("DONE " + reminders.stats());
            System.out.flush();
        }
        System.exit(0);
    }
}
