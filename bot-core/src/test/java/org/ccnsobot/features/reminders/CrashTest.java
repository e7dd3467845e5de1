package org.ccnsobot.features.reminders;

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
import org.ccnsobot.bot.Bot;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.testing.RecordingPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of a fan-out of 1,001 deliveries (1 event, 1 offset, 1,000 subscribers plus the channel),
 * restart, and check that every delivery landed exactly once. The bot runs in a child JVM; its platform appends
 * every attempt to a file and forces it to disk before answering. The file records attempts, not deduplicated
 * deliveries, so any resend would show as a duplicate.
 *
 * <p>Runs 1 and 2: the platform can tell what landed (findDelivered), so rows a kill leaves in 'sending' are marked
 * sent without a resend: zero duplicate attempts. Run 3: it cannot tell, so those rows are resent with the same
 * idempotency key; a platform deduping by key (Discord's nonce) shows each once, and the test checks that only
 * rows left in 'sending' were attempted twice. The deliveries file lives on /dev/shm when there is one (fsync
 * there is cheap; a SIGKILL loses no written data either way); the SQLite ledger is a real file in the temp dir.
 */
class CrashTest {
    static final int SUBSCRIBERS = 1000;
    static final Instant NOW = Instant.parse("2024-03-10T17:00:00Z");
    static final String CALENDAR = """
            events:
              - id: crash-event
                title: Crash-test meeting
                date: 2024-03-10
                start: "18:00"
                zone: UTC
            """;

    @TempDir
    Path tmp;

    record Run(int killAfter, boolean canTell) {
    }

    @Test
    void killedMidFanOutAndRestartedEveryDeliveryLandsExactlyOnce() throws Exception {
        List<Run> runs = List.of(new Run(97, true), new Run(815, true), new Run(430, false));
        long started = System.nanoTime();
        int kills = 0;
        long deliveries = 0;
        long duplicates = 0;
        long losses = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Path dir = Files.createDirectories(tmp.resolve("run" + (i + 1)));
            Path shm = Path.of("/dev/shm");
            Path deliveriesFile = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempFile(shm, "ccnso-crash-", ".tsv") : dir.resolve("deliveries.tsv");
            Files.deleteIfExists(deliveriesFile);
            try {
                Path db = prepare(dir);
                // first life: killed with SIGKILL once it has been seen to deliver killAfter messages
                Process first = child(dir, db, deliveriesFile, run.canTell(), 1);
                int seen = RecordingPlatform.awaitProgress(first, run.killAfter());
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                int atKill = RecordingPlatform.readLines(deliveriesFile).size();
                Map<String, Integer> states = states(db);
                assertThat(atKill).as("the kill came mid fan-out").isLessThan(SUBSCRIBERS + 1);
                // second life: resolves what the kill interrupted and finishes
                Process second = child(dir, db, deliveriesFile, run.canTell(), 2);
                RecordingPlatform.awaitProgress(second, Integer.MAX_VALUE);
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(second.exitValue()).as(Files.readString(dir.resolve("child-2.err"))).isZero();

                Set<String> expected = idempotencyKeys(db);
                assertThat(expected).hasSize(SUBSCRIBERS + 1);
                Map<String, Integer> attempts = new HashMap<>();
                for (String line : RecordingPlatform.readLines(deliveriesFile)) {
                    attempts.merge(line.split("\t", 2)[0], 1, Integer::sum);
                }
                long dup = attempts.values().stream().mapToInt(n -> n - 1).sum();
                long lost = expected.stream().filter(k -> !attempts.containsKey(k)).count();
                long unknown = attempts.keySet().stream().filter(k -> !expected.contains(k)).count();
                deliveries += attempts.size();
                losses += lost;
                if (run.canTell()) {
                    duplicates += dup;
                }
                report.append(String.format("  run %d: killed after %d delivered (watching for %d, %d seen), ledger at kill"
                                + " %s; platform %s; after restart: %d distinct deliveries, %d duplicate attempts,"
                                + " %d lost%n", i + 1, atKill, run.killAfter(), seen, states,
                        run.canTell() ? "can tell what landed" : "cannot tell (resends with the same key)",
                        attempts.size(), dup, lost));
                assertThat(lost).as("lost deliveries").isZero();
                assertThat(unknown).isZero();
                assertThat(states(db)).containsEntry("sent", SUBSCRIBERS + 1).containsEntry("sending", 0)
                        .containsEntry("pending", 0);
                if (run.canTell()) {
                    assertThat(dup).as("duplicate attempts").isZero();
                } else {
                    // only rows the kill left in 'sending' may be attempted twice, always with the same key
                    assertThat(dup).isLessThanOrEqualTo(states.getOrDefault("sending", 0));
                    assertThat(attempts.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
                }
            } finally {
                if (deliveriesFile.startsWith("/dev/shm")) {
                    Files.deleteIfExists(deliveriesFile);
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Crash test: %d runs, %d kills (SIGKILL), %d deliveries, %d duplicates, %d losses"
                + " (runs where the platform can tell), %d ms%n%s", runs.size(), kills, deliveries, duplicates, losses, ms,
                report);
        assertThat(losses).isZero();
        assertThat(duplicates).isZero();
    }

    /** A fresh ledger with the calendar seeded and 1,000 members subscribed to everything (one transaction). */
    private Path prepare(Path dir) throws Exception {
        try (BotFixture f = BotFixture.builder().calendar(CALENDAR).at(NOW).open(dir)) {
            Bot bot = f.bot();
            bot.database().transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions(platform, user_id, topic_kind,"
                        + " topic, created_at) VALUES ('fake', ?, 'all', '*', 0)")) {
                    for (int i = 0; i < SUBSCRIBERS; i++) {
                        ps.setString(1, String.format("user%04d", i));
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                }
            });
        }
        return dir.resolve("bot.db");
    }

    private Process child(Path dir, Path db, Path deliveries, boolean canTell, int life) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        cmd.addAll(sqliteNative());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(),
                dir.resolve("calendar").toString(), deliveries.toString(), NOW.toString(), Boolean.toString(canTell)));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("child-" + life + ".err").toFile()).start();
    }

    /**
     * Start-up speed only: sqlite-jdbc unpacks its native library from the jar on every JVM start, which costs about
     * a second here; the children load one copy unpacked once instead. Elsewhere than Linux x86-64 they unpack it.
     */
    private List<String> sqliteNative() throws Exception {
        String resource = "/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so";
        if (!System.getProperty("os.name").startsWith("Linux") || !System.getProperty("os.arch").equals("amd64")) {
            return List.of();
        }
        Path lib = tmp.resolve("native");
        if (!Files.exists(lib.resolve("libsqlitejdbc.so"))) {
            try (var in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.of();
                }
                Files.createDirectories(lib);
                Files.copy(in, lib.resolve("libsqlitejdbc.so"));
            }
        }
        return List.of("-Dorg.sqlite.lib.path=" + lib, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
    }

    private static Map<String, Integer> states(Path db) {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                Map<String, Integer> out = new java.util.TreeMap<>();
                for (String s : List.of("pending", "sending", "sent")) {
                    out.put(s, 0);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return out;
            });
        }
    }

    private static Set<String> idempotencyKeys(Path db) {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                Set<String> out = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM outbox");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        }
    }
}
