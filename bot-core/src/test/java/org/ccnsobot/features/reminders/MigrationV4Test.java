package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.ccnsobot.testing.BotFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.outbox.JobState;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.testing.RecordingPlatform.Attempt;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-3 database with ledger rows is migrated by V4 into the outbox keeping ids, idempotency keys and notes,
 * and its rows still deliver once: a row a crash left in 'sending' is resent with its old key, a sent one is not
 * sent again when its slot expands, and a queued update notice goes out with its words.
 */
class MigrationV4Test {
    private static final String CHANNEL_KEY = "council-300|PT24H|chat:channel:announcements";

    @TempDir
    Path dir;

    @Test
    void ledgerRowsBecomeOutboxJobsWithTheirIdsAndKeysAndStillDeliverOnce() throws Exception {
        Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(dir.resolve("calendar").resolve("test.yaml"), BotFixture.REMINDERS_CALENDAR);
        Path file = dir.resolve("bot.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String name : new String[] {"V1__calendar.sql", "V2__reminders.sql", "V3__announcements.sql"}) {
                for (String sql : script(name).split(";\\s*\\n")) {
                    String body = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                    if (!body.isBlank()) {
                        st.execute(body);
                    }
                }
            }
            st.execute("PRAGMA user_version=3");
            long due = ReminderServiceTest.COUNCIL_24H.toEpochMilli();
            st.execute("INSERT INTO reminder_ledger(id, row_key, kind, event_id, offset_key, platform, destination,"
                    + " generation, due_at, next_at, state, attempts, note, updated_at) VALUES"
                    + " (41, '" + CHANNEL_KEY + "', 'reminder', 'council-300', 'PT24H', 'chat',"
                    + " 'chat:channel:announcements', 1, " + due + ", " + due + ", 'sending', 1, NULL, " + due + "),"
                    + " (42, 'council-300|PT24H|chat:dm:bob', 'reminder', 'council-300', 'PT24H', 'chat',"
                    + " 'chat:dm:bob', 1, " + due + ", " + due + ", 'sent', 1, NULL, " + due + "),"
                    + " (43, 'update|7|chat:dm:alice', 'update', 'update:7', 'Council', 'chat', 'chat:dm:alice', 1,"
                    + " " + due + ", " + due + ", 'pending', 0, 'Council update: the agenda is out', " + due + ")");
        }

        try (Database db = Database.open(file)) {
            List<String> rows = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, kind, job_key,"
                        + " idempotency_key, subject, part, state, payload FROM outbox ORDER BY id")) {
                    while (rs.next()) {
                        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " "
                                + rs.getString(8));
                    }
                }
                return out;
            });
            assertThat(rows).containsExactly(
                    "41 reminder reminder|" + CHANNEL_KEY + " " + CHANNEL_KEY + "#1 council-300 PT24H sending {}",
                    "42 reminder reminder|council-300|PT24H|chat:dm:bob council-300|PT24H|chat:dm:bob#1 council-300"
                            + " PT24H sent {}",
                    "43 update update|7|chat:dm:alice update|7|chat:dm:alice#1 update:7 Council pending"
                            + " {\"text\":\"Council update: the agenda is out\"}");
            boolean ledgerGone = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM"
                        + " sqlite_master WHERE name = 'reminder_ledger'")) {
                    return rs.next() && rs.getInt(1) == 0;
                }
            });
            assertThat(ledgerGone).isTrue();
        }

        ManualClock clock = new ManualClock(BotFixture.START);
        RecordingPlatform platform = new RecordingPlatform("chat", clock).canTell(false);
        try (BotFixture f = BotFixture.remindersWorld().clock(clock).platforms(platform).open(dir)) {
            f.say("bob", "subscribe all");
            clock.set(ReminderServiceTest.COUNCIL_24H);
            f.start(false);
            f.outbox().fireDue();
            assertThat(platform.attempts()).extracting(Attempt::key)
                    .containsExactlyInAnyOrder(CHANNEL_KEY + "#1", "update|7|chat:dm:alice#1");
            assertThat(platform.deliveredTo(new Destination.Channel("chat", "announcements"))).singleElement()
                    .satisfies(a -> assertThat(a.text()).startsWith("Reminder: ccNSO Council meeting 300 starts in 24"
                            + " hours"));
            assertThat(platform.deliveredTo(new Destination.DirectMessage("chat", "alice"))).singleElement()
                    .satisfies(a -> assertThat(a.text()).isEqualTo("Council update: the agenda is out"));
            assertThat(platform.deliveredTo(new Destination.DirectMessage("chat", "bob"))).isEmpty();
            assertThat(f.outbox().stats().resentAfterCrash()).isEqualTo(1);
            assertThat(f.outbox().stats().rowsByState()).containsEntry(JobState.SENT, 3)
                    .containsEntry(JobState.PENDING, 0).containsEntry(JobState.SENDING, 0);
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
