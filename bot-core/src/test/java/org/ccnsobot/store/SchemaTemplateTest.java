package org.ccnsobot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema template the build makes (bot-core's process-classes phase) and the new files copied from it, on real
 * files: the copy is the schema Flyway makes, history included, and a new file is made from it rather than migrated.
 */
class SchemaTemplateTest {
    @TempDir
    Path dir;

    @Test
    void theBuildCarriesATemplateAtThisBuildsSchemaVersion() {
        assertThat(SchemaTemplate.class.getResource(SchemaTemplate.resourceName(Database.SCHEMA_VERSION)))
                .as("made by the exec-maven-plugin execution 'schema-template' in bot-core/pom.xml").isNotNull();
    }

    @Test
    void aNewFileHoldsTheSameSchemaAndHistoryAsAFileFlywayMigrates() throws Exception {
        Path copied = dir.resolve("copied.db");
        Path migrated = dir.resolve("migrated.db");
        Database.open(copied).close();
        Database.withoutTemplate(() -> Database.open(migrated).close());

        assertThat(schema(copied)).as("tables, indexes, triggers and FTS tables, as SQL").isEqualTo(schema(migrated))
                .isNotEmpty();
        assertThat(rows(copied, "SELECT version, description, type, script, checksum, success"
                + " FROM flyway_schema_history ORDER BY installed_rank"))
                .isEqualTo(rows(migrated, "SELECT version, description, type, script, checksum, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank"));
        assertThat(rows(copied, "PRAGMA user_version")).isEqualTo(rows(migrated, "PRAGMA user_version"));
        assertThat(rows(copied, "PRAGMA application_id")).isEqualTo(List.of(String.valueOf(Database.APPLICATION_ID)));
        assertThat(FileCheck.inspect(copied, Database.SCHEMA_VERSION).current()).isTrue();
    }

    @Test
    void aNewFileIsACopyOfTheTemplateNotAMigrationRun() throws Exception {
        Path template = dir.resolve("template.db");
        try (var in = SchemaTemplate.class.getResourceAsStream(SchemaTemplate.resourceName(Database.SCHEMA_VERSION))) {
            Files.copy(in, template);
        }
        Path file = dir.resolve("new.db");
        Database.open(file).close();
        // Flyway stamps each history row with when it ran: a migration run now would stamp today
        String when = "SELECT installed_on FROM flyway_schema_history ORDER BY installed_rank";
        assertThat(rows(file, when)).isEqualTo(rows(template, when));
    }

    @Test
    void twoOpeningTheSameNewFileAtOnceBothGetTheOneFile() throws Exception {
        Path file = dir.resolve("raced.db");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> opens = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            opens.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                try (Database db = Database.open(file)) {
                    return db.read(c -> {
                        try (Statement st = c.createStatement();
                                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                            return rs.getInt(1);
                        }
                    });
                }
            }));
        }
        for (CompletableFuture<Integer> open : opens) {
            assertThat(open.get(30, TimeUnit.SECONDS)).isZero();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".template-")))
                    .as("no temporary copy left behind").isEmpty();
        }
        assertThat(FileCheck.inspect(file, Database.SCHEMA_VERSION).current()).isTrue();
    }

    private static List<String> schema(Path file) throws Exception {
        return rows(file, "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name");
    }

    private static List<String> rows(Path file, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
