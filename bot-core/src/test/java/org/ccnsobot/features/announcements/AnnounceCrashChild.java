package org.ccnsobot.features.announcements;

import java.nio.file.Path;
import java.time.Clock;
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
 * The bot in its own JVM for {@link AnnounceCrashTest}: opens the ledger after the announcement's time, starts the
 * scheduler thread (which posts it at once), waits until nothing is due, prints DONE and exits. Args: database,
 * calendar folder, deliveries file, now, canTell.
 */
public final class AnnounceCrashChild {
    private AnnounceCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        BotConfig cfg = new BotConfig(Path.of(args[0]), Path.of(args[1]), ZoneId.of("UTC"), Map.of(),
                RemindersConfig.defaults(), Map.of(), null);
        try (Bot bot = Bot.open(cfg, Clock.fixed(Instant.parse(args[3]), ZoneId.of("UTC")));
             FileRecordingPlatform platform = new FileRecordingPlatform(Path.of(args[2]), Boolean.parseBoolean(args[4]),
                     System.out, 500, Set.of(Capability.EDIT))) {
            platform.withChannel(ChannelRole.ANNOUNCEMENTS, "news");
            Outbox reminders = bot.startReminders(List.of(platform), true,
                    s -> s.batching(50, 8, 10));
            reminders.fireDue();
            System.out.println("DONE " + reminders.stats());
            System.out.flush();
        }
        System.exit(0);
    }
}
