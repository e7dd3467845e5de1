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
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.testing.RecordingPlatform;

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
        Clock clock = Clock.fixed(Instant.parse(args[3]), ZoneId.of("UTC"));
        // paced, so the test's kill lands near the delivery count it watches for; posts only (edits are not asked)
        try (RecordingPlatform platform = new RecordingPlatform("fake", clock).canTell(Boolean.parseBoolean(args[4]))
                     .capabilities(Set.of(Capability.EDIT)).editable(false).limits(new SendLimits(500, 1))
                     .recordTo(Path.of(args[2]), System.out);
             Bot bot = Bot.open(cfg, clock, List.of(platform))) {
            platform.withChannel(ChannelRole.ANNOUNCEMENTS, "news");
            Outbox reminders = bot.outbox().batching(50, 8, 10);
            bot.start(true);
            reminders.fireDue();
            System.out.println("DONE " + reminders.stats());
            System.out.flush();
        }
        System.exit(0);
    }
}
