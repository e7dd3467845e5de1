package org.ccnsobot.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.testing.SeedBots;
import org.ccnsobot.time.ManualClock;

/**
 * One seeded bot per fuzz class and JVM: opening a seeded SQLite file per input would make each input cost tens of
 * milliseconds. The folder is removed when the JVM exits.
 */
final class FuzzBots {
    private FuzzBots() {
    }

    static Bot open(String name) {
        try {
            Path dir = Files.createTempDirectory("ccnso-fuzz-" + name);
            dir.toFile().deleteOnExit();
            ManualClock clock = new ManualClock(Instant.parse("2024-03-01T12:00:00Z"));
            Bot bot = SeedBots.open(dir, clock);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                bot.close();
                deleteQuietly(dir);
            }));
            return bot;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a bot for fuzzing", e);
        }
    }

    /** Moves the clock past the rate limit window so every input is really handled. */
    static void nextInput(Bot bot) {
        ((ManualClock) bot.clock()).advance(Duration.ofSeconds(3));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
