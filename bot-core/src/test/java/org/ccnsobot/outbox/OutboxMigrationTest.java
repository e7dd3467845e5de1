package org.ccnsobot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.Destination;
import org.ccnsobot.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V4 copies every kind of ledger row into the outbox: notes become each kind's JSON payload, ids and idempotency
 * keys stay, and a job queued again under today's key format (the digest re-plans its weeks, a slot expands)
 * finds the migrated row instead of adding a second one.
 */
class OutboxMigrationTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfLedgerRowBecomesAJobWithItsPayloadAndKeepsDedupingUnderTheNewKeys() throws Exception {
        Path file = dir.resolve("v3.db");
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
            st.execute("INSERT INTO reminder_ledger(id, row_key, kind, event_id, offset_key, platform, destination,"
                    + " generation, due_at, next_at, state, attempts, last_error, message_ref, note, updated_at) VALUES"
                    + " (7, 'ev|PT1H|d:dm:u', 'reminder', 'ev', 'PT1H', 'd', 'd:dm:u', 3, 10, 10, 'sent', 1, NULL, 'm1',"
                    + " NULL, 10),"
                    + " (8, 'change|ev|1|d:channel:c', 'change', 'ev', 'change-1', 'd', 'd:channel:c', 1, 11, 11,"
                    + " 'pending', 0, NULL, NULL, '{\"before\":null,\"after\":null}', 11),"
                    + " (9, 'alert|ev|PT1H|d:dm:u#3', 'alert', 'ev', 'PT1H', 'd', 'd:channel:staff', 1, 12, 12,"
                    + " 'failed', 5, 'HTTP 502', NULL, 'The 1h reminder could not be delivered', 12),"
                    + " (10, 'announcement|A1|1|d:channel:c', 'announcement', 'A1', '1', 'd', 'd:channel:c', 1, 13,"
                    + " 99, 'pending', 2, 'HTTP 500', NULL, NULL, 13),"
                    + " (11, 'digest|2024-W10|1|d:channel:c', 'digest', '2024-W10', '1', 'd', 'd:channel:c', 1, 14,"
                    + " 14, 'dropped', 0, 'its day was over', NULL, NULL, 14)");
        }
        try (Database db = Database.open(file)) {
            assertThat(Database.latestVersion()).isGreaterThanOrEqualTo(4);
            Map<Long, String> rows = db.read(c -> {
                Map<Long, String> out = new LinkedHashMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, kind, job_key,"
                        + " idempotency_key, subject, part, state, attempts, next_at, last_error, message_ref, payload"
                        + " FROM outbox ORDER BY id")) {
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 2; i <= 12; i++) {
                            sb.append(i > 2 ? " " : "").append(rs.getString(i));
                        }
                        out.put(rs.getLong(1), sb.toString());
                    }
                }
                return out;
            });
            assertThat(rows).containsExactly(
                    Map.entry(7L, "reminder reminder|ev|PT1H|d:dm:u ev|PT1H|d:dm:u#3 ev PT1H sent 1 10 null m1 {}"),
                    Map.entry(8L, "change change|ev|1|d:channel:c change|ev|1|d:channel:c#1 ev change-1 pending 0 11"
                            + " null null {\"before\":null,\"after\":null}"),
                    Map.entry(9L, "alert alert|ev|PT1H|d:dm:u#3 alert|ev|PT1H|d:dm:u#3#1 ev PT1H failed 5 12 HTTP 502"
                            + " null {\"text\":\"The 1h reminder could not be delivered\"}"),
                    Map.entry(10L, "announcement announcement|A1|1|d:channel:c announcement|A1|1|d:channel:c#1 A1 1"
                            + " pending 2 99 HTTP 500 null {}"),
                    Map.entry(11L, "digest digest|2024-W10|1|d:channel:c digest|2024-W10|1|d:channel:c#1 2024-W10 1"
                            + " dropped 0 14 its day was over null {}"));

            // the same work queued again under today's keys is found, not added; a new job continues the ids
            OutboxStore store = new OutboxStore(db);
            Instant now = Instant.ofEpochMilli(20);
            Destination channel = new Destination.Channel("d", "c");
            assertThat(store.insert(List.of(
                    insert("reminder", "ev", "PT1H", new Destination.DirectMessage("d", "u"), 3),
                    insert("announcement", "A1", "1", channel, 1),
                    insert("digest", "2024-W10", "1", channel, 1)), now)).isZero();
            assertThat(store.insert(List.of(insert("digest", "2024-W11", "1", channel, 1)), now)).isEqualTo(1);
            assertThat(store.rowsOf("digest", "2024-W11")).singleElement()
                    .satisfies(r -> assertThat(r.id()).isGreaterThan(11L));
            // a later generation of the reminder resets the migrated row under a new key
            assertThat(store.insert(List.of(insert("reminder", "ev", "PT1H", new Destination.DirectMessage("d", "u"),
                    4)), now)).isEqualTo(1);
            assertThat(store.rowsOf("reminder", "ev")).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(7L);
                assertThat(r.state()).isEqualTo(JobState.PENDING);
                assertThat(r.idempotencyKey()).isEqualTo("reminder|ev|PT1H|d:dm:u#4");
            });
        }
    }

    private static OutboxStore.Insert insert(String kind, String subject, String part, Destination d, int generation) {
        NewJob<String> job = new NewJob<>(subject, part, d, Instant.ofEpochMilli(20), "", generation);
        return new OutboxStore.Insert(kind, job.key(kind), subject, part, d, generation, job.due(), "{}");
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
