package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled announcement to 300 channels, confirmed by command, then posted by a child JVM that is killed with
 * SIGKILL part-way through and started again: every channel gets it exactly once. With a platform that can tell
 * what landed there is no second attempt at all; with one that cannot, only rows the kill left in 'sending' are
 * sent again, with the same idempotency key (which Discord's nonce and Slack's metadata check turn into one post).
 */
class AnnounceCrashTest {
    static final int CHANNELS = 300;
    static final Instant CONFIRMED = Instant.parse("2024-03-10T16:00:00Z");
    static final Instant RUN = Instant.parse("2024-03-10T17:05:00Z");

    @TempDir
    Path tmp;

    @Test
    void killedMidPostingAndRestartedEveryChannelGetsTheAnnouncementOnce() throws Exception {
        StringBuilder report = new StringBuilder();
        boolean[] canTells = {true, false};
        for (int i = 0; i < canTells.length; i++) {
            boolean canTell = canTells[i];
            Path dir = Files.createDirectories(tmp.resolve("run" + (i + 1)));
            Path deliveries = dir.resolve("deliveries.tsv");
            Path db = prepare(dir);

            Process first = child(dir, db, deliveries, canTell, 1);
            int seen = RecordingPlatform.awaitProgress(first, 60);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int atKill = RecordingPlatform.readLines(deliveries).size();
            Map<String, Integer> statesAtKill = states(db);
            assertThat(atKill).as("killed mid fan-out").isLessThan(CHANNELS);

            Process second = child(dir, db, deliveries, canTell, 2);
            RecordingPlatform.awaitProgress(second, Integer.MAX_VALUE);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("child-2.err"))).isZero();

            Set<String> expected = keys(db);
            assertThat(expected).hasSize(CHANNELS);
            Map<String, Integer> attempts = new HashMap<>();
            for (String line : RecordingPlatform.readLines(deliveries)) {
                attempts.merge(line.split("\t", 2)[0], 1, Integer::sum);
            }
            long duplicates = attempts.values().stream().mapToInt(n -> n - 1).sum();
            assertThat(attempts.keySet()).as("every channel, nothing else").isEqualTo(expected);
            assertThat(states(db)).containsEntry("sent", CHANNELS).containsEntry("sending", 0).containsEntry("pending", 0);
            if (canTell) {
                assertThat(duplicates).isZero();
            } else {
                assertThat(duplicates).isLessThanOrEqualTo(statesAtKill.getOrDefault("sending", 0));
            }
            report.append(String.format("  run %d (%s): killed after %d posted (%d seen), ledger at kill %s; after restart"
                            + " %d channels posted, %d second attempts%n", i + 1, canTell ? "platform can tell" : "cannot tell",
                    atKill, seen, statesAtKill, attempts.size(), duplicates));
        }
        System.out.print("Announcement crash test:\n" + report);
    }

    /** A database where staff confirmed an announcement for 17:00 to 300 channels, through the command. */
    private Path prepare(Path dir) throws Exception {
        RecordingPlatform fake;
        try (BotFixture f = BotFixture.builder().calendar("events: []\n").at(CONFIRMED).staff("fake", "staffer")
                .platform("fake", p -> p.withChannel(org.ccnsobot.port.ChannelRole.ANNOUNCEMENTS, "news"))
                .open(dir)) {
            fake = f.platform();
            f.bot().start(false);
            List<String> channels = new ArrayList<>();
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            for (int n = 0; n < CHANNELS; n++) {
                channels.add("" + alphabet.charAt(n / 36) + alphabet.charAt(n % 36));
            }
            String preview = fake.exec("staffer", "announce The ccNSO Council meets at 18:00 UTC --at 2024-03-10T17:00Z"
                    + " --to " + String.join(",", channels)).text();
            assertThat(preview).startsWith("Preview of announcement A1");
            assertThat(fake.exec("staffer", "announce confirm A1").text()).contains("scheduled for");
        }
        assertThat(fake.attempts()).isEmpty();
        return dir.resolve("bot.db");
    }

    private Process child(Path dir, Path db, Path deliveries, boolean canTell, int life) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), AnnounceCrashChild.class.getName(), db.toString(),
                dir.resolve("calendar").toString(), deliveries.toString(), RUN.toString(), Boolean.toString(canTell)));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("child-" + life + ".err").toFile()).start();
    }

    private static Map<String, Integer> states(Path db) {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                Map<String, Integer> out = new java.util.TreeMap<>(Map.of("pending", 0, "sending", 0, "sent", 0));
                try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox"
                        + " WHERE kind = 'announcement' GROUP BY state"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return out;
            });
        }
    }

    private static Set<String> keys(Path db) {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                Set<String> out = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM outbox"
                        + " WHERE kind = 'announcement'"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        }
    }
}
