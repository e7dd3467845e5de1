package org.ccnsobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of existing file, on real files: ours (new, legacy) is opened and migrated; anything else is refused
 * with the file byte-for-byte untouched, no sidecar file left behind and its journal mode unchanged.
 */
class FileCheckTest {
    @TempDir
    Path dir;

    @Test
    void aForeignDatabaseInRollbackJournalModeIsRefusedAndLeftExactlyAsItWas() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("CREATE TABLE foo(x TEXT)");
            st.execute("INSERT INTO foo VALUES ('bar')");
        }
        assertRefusedUntouched(file, "another application", "foo");
        assertThat(journalMode(file)).isEqualTo("delete");
    }

    @Test
    void aDatabaseWithAnotherApplicationIdIsRefusedEvenWithOurTableNames() throws Exception {
        Path file = dir.resolve("lookalike.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("PRAGMA application_id=1234");
            st.execute("CREATE TABLE events(id TEXT)");
            st.execute("PRAGMA user_version=2");
        }
        assertRefusedUntouched(file, "another application", "application_id 0x4d2");
        assertThat(journalMode(file)).isEqualTo("delete");
    }

    @Test
    void aFileOfOursWithANewerSchemaIsRefusedAndLeftInWalMode() throws Exception {
        Path file = dir.resolve("newer.db");
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // what a newer build would have recorded after applying its next migration
            st.execute("INSERT INTO flyway_schema_history(installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '" + (Database.latestVersion() + 1)
                    + "', 'future', 'SQL', 'V9__future.sql', 0, 'x', 1, 1)");
        }
        assertThat(Files.exists(Path.of(file + "-wal"))).as("closed cleanly").isFalse();
        assertRefusedUntouched(file, "newer than this build");
        assertThat(journalMode(file)).isEqualTo("wal");
    }

    @Test
    void aLegacyFileAtUserVersion3IsBaselinedThenMigratedWithItsDataKept() throws Exception {
        Path file = dir.resolve("legacy.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // exactly what the hand-made runner did: WAL, each script split on ';', then user_version
            st.execute("PRAGMA journal_mode=WAL");
            for (String name : List.of("V1__calendar.sql", "V2__reminders.sql", "V3__announcements.sql")) {
                for (String sql : Database.splitStatements(script(name))) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version=3");
            st.execute("INSERT INTO committees(acronym, name) VALUES ('GRC', 'Guidelines Review Committee')");
        }
        try (Database db = Database.open(file)) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    assertThat(single(st, "PRAGMA application_id")).isEqualTo(String.valueOf(Database.APPLICATION_ID));
                    assertThat(single(st, "PRAGMA user_version")).isEqualTo(String.valueOf(Database.latestVersion()));
                    assertThat(single(st, "SELECT group_concat(version || ':' || type, ' ') FROM"
                            + " (SELECT version, type FROM flyway_schema_history ORDER BY installed_rank)"))
                            .isEqualTo("3:BASELINE 4:SQL 5:SQL 6:SQL 7:SQL 9:SQL 10:SQL 11:SQL 12:SQL 13:SQL 14:SQL 16:SQL 17:SQL");
                    assertThat(single(st, "SELECT name FROM committees")).isEqualTo("Guidelines Review Committee");
                    assertThat(single(st, "SELECT count(*) FROM change_log")).isEqualTo("0");
                }
                return null;
            });
        }
        // and opened again, it is simply ours
        Database.open(file).close();
    }

    @Test
    void aNewFileGetsEveryMigrationOfTheBuildInOrderAndOurApplicationId() throws Exception {
        Path file = dir.resolve("new.db");
        try (Database db = Database.open(file)) {
            String versions = db.read(c -> {
                try (Statement st = c.createStatement()) {
                    return single(st, "SELECT group_concat(script, ' ') FROM (SELECT script FROM flyway_schema_history"
                            + " ORDER BY installed_rank)");
                }
            });
            assertThat(versions).isEqualTo("V1__calendar.sql V2__reminders.sql V3__announcements.sql V4__outbox.sql"
                    + " V5__change_log.sql V6__outbox_changes.sql V7__search.sql V9__seen_deliveries.sql"
                    + " V10__multi_day_and_stamps.sql V11__member_language.sql V12__outbox_failed_index.sql"
                    + " V13__feed_tokens.sql V14__source_validators.sql V16__form_drafts.sql V17__calendar_translations.sql");
            assertThat(Database.latestVersion()).as("Database.SCHEMA_VERSION is the newest migration's")
                    .isEqualTo(17).isEqualTo(Database.resolvedVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA application_id")).isEqualTo(String.valueOf(0x63634E53));
        }
    }

    @Test
    void anEmptySqliteFileWithNoTablesIsOursToCreate() throws Exception {
        Path file = dir.resolve("empty.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE scratch(x)");
            st.execute("DROP TABLE scratch");
        }
        assertThat(Files.size(file)).isPositive();
        try (Database db = Database.open(file)) {
            String count = db.read(c -> {
                try (Statement st = c.createStatement()) {
                    return single(st, "SELECT count(*) FROM events");
                }
            });
            assertThat(count).isEqualTo("0");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedWithNoSidecarFile() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "SQLite is mentioned here but this is prose\n".repeat(20));
        assertRefusedUntouched(file, "not a SQLite database");
    }

    private void assertRefusedUntouched(Path file, String... reasons) throws Exception {
        byte[] before = Files.readAllBytes(file);
        Set<String> filesBefore = names();
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContainingAll(reasons)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(names()).isEqualTo(filesBefore);
    }

    private Set<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The journal mode as the file header records it (bytes 18-19: 1 rollback journal, 2 WAL), read as bytes. */
    private static String journalMode(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        List<Integer> v = new ArrayList<>(List.of((int) b[18], (int) b[19]));
        assertThat(v.get(0)).isEqualTo(v.get(1));
        return v.get(0) == 2 ? "wal" : "delete";
    }

    private static String single(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
