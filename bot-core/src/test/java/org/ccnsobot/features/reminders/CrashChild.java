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
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.testing.RecordingPlatform;

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
        Clock clock = Clock.fixed(now, ZoneId.of("UTC"));
        // paced, so the test's kill lands near the delivery count it watches for
        try (RecordingPlatform platform = new RecordingPlatform("fake", clock).canTell(canTell)
                     .capabilities(Set.of(Capability.DM)).limits(new SendLimits(2000, 1)).recordTo(deliveries, System.out);
             Bot bot = Bot.open(cfg, clock, List.of(platform))) {
            platform.withChannel(ChannelRole.ANNOUNCEMENTS, "announcements").withChannel(ChannelRole.STAFF, "staff");
            Outbox reminders = bot.outbox().batching(100, 16, 50);
            bot.start(true);
            reminders.fireDue();
            System.out.println("DONE " + reminders.stats());
            System.out.flush();
        }
        System.exit(0);
    }
}
