package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.ccnsobot.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database at schema 2 with ledger rows is rebuilt by V3 without losing a row, and then takes the new kinds. */
class MigrationV3Test {
    @TempDir
    Path dir;

    @Test
    void theLedgerKeepsItsRowsAndIdsAndAcceptsAnnouncementAndDigestRows() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String name : new String[] {"V1__calendar.sql", "V2__reminders.sql"}) {
                for (String sql : script(name).split(";\\s*\\n")) {
                    String body = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                    if (!body.isBlank()) {
                        st.execute(body);
                    }
                }
            }
            st.execute("PRAGMA user_version=2");
            st.execute("INSERT INTO reminder_ledger(id, row_key, kind, event_id, offset_key, platform, destination,"
                    + " generation, due_at, next_at, state, attempts, updated_at) VALUES (41, 'council|PT1H|x', 'reminder',"
                    + " 'council', 'PT1H', 'discord', 'discord:channel:1', 2, 5, 5, 'sent', 1, 5)");
        }
        // schema 4 replaced the ledger by the outbox (MigrationV4Test), so V3 is applied here as Database applied it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            migrateTo3(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_ledger(row_key, kind, event_id,"
                    + " offset_key, platform, destination, due_at, next_at, state, updated_at) VALUES"
                    + " ('announcement|A1|1|d', 'announcement', 'A1', '1', 'd', 'd:channel:c', 1, 1, 'pending', 1),"
                    + " ('digest|2024-W10|1|d', 'digest', '2024-W10', '1', 'd', 'd:channel:c', 1, 1, 'pending', 1)")) {
                ps.executeUpdate();
            }
            String rows;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id || ':' || kind || ':' || generation FROM reminder_ledger"
                         + " ORDER BY id")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ');
                }
                rows = sb.toString().strip();
            }
            assertThat(rows).isEqualTo("41:reminder:2 42:announcement:1 43:digest:1");
        }
    }

    /** Runs V3 on a schema-2 connection in one transaction, statement by statement, as the store does. */
    static void migrateTo3(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : script("V3__announcements.sql").split(";\\s*\\n")) {
                String body = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (x, y) -> x + y + "\n");
                if (!body.isBlank()) {
                    st.execute(body);
                }
            }
            st.execute("PRAGMA user_version=3");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
