package org.ccnsobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Backups of a live file, the checks of verify-db, and the copy made before a migration: all on real files. */
class BackupsTest {
    @TempDir
    Path dir;

    @Test
    void aCopyTakenWhileAnotherThreadCommitsHoldsEveryRowCommittedBeforeItAndPassesTheChecks() throws Exception {
        Path file = dir.resolve("live.db");
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        CountDownLatch someWritten = new CountDownLatch(1);
        try (Database db = Database.open(file)) {
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
                }
                return null;
            });
            Thread writer = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        int next = committed.get() + 1;
                        db.transaction(c -> {
                            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(id, body) VALUES (?, ?)")) {
                                ps.setInt(1, next);
                                ps.setString(2, "row " + next + " ".repeat(200));
                                ps.executeUpdate();
                            }
                            return null;
                        });
                        committed.set(next);
                        if (next == 200) {
                            someWritten.countDown();
                        }
                    }
                } catch (Throwable t) {
                    writerFailed.set(t);
                    someWritten.countDown();
                }
            }, "writer");
            writer.start();
            assertThat(someWritten.await(60, TimeUnit.SECONDS)).isTrue();
            int before = committed.get();
            Path copy = dir.resolve("copy.db");
            long bytes = Backups.copy(file, copy);
            int after = committed.get();
            stop.set(true);
            writer.join(30_000);
            assertThat(writerFailed.get()).isNull();
            assertThat(bytes).isEqualTo(Files.size(copy));
            // the writer kept committing while the copy was made: the copy did not stop it
            assertThat(committed.get()).isGreaterThan(before);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM t")) {
                rs.next();
                int rows = rs.getInt(1);
                // every row committed before the copy began, only committed rows, and no gap (one snapshot)
                assertThat(rows).isBetween(before, after).isEqualTo(rs.getInt(2));
            }
            assertThat(Backups.verify(copy)).allMatch(Backups.Check::ok);
            assertThat(Files.exists(Path.of(copy + "-wal"))).isFalse();
        }
    }

    @Test
    void aBackupNeverReplacesAFile() throws Exception {
        Path file = dir.resolve("live.db");
        Database.open(file).close();
        Path existing = dir.resolve("taken.db");
        Files.writeString(existing, "keep me");
        assertThatThrownBy(() -> Backups.copy(file, existing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already exists").hasMessageNotContaining("\n");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void verifyPassesAFreshDatabaseAndFailsACorruptedCopy() throws Exception {
        Path file = dir.resolve("live.db");
        try (Database db = Database.open(file)) {
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
                    st.execute("CREATE INDEX t_body ON t(body)");
                    for (int i = 0; i < 2000; i++) {
                        st.execute("INSERT INTO t(body) VALUES ('row " + i + " " + "x".repeat(100) + "')");
                    }
                }
                return null;
            });
        }
        List<Backups.Check> good = Backups.verify(file);
        assertThat(good).extracting(Backups.Check::name)
                .containsExactly("integrity_check", "foreign_key_check", "application_id", "schema");
        assertThat(good).allMatch(Backups.Check::ok);
        assertThat(good.get(3).detail()).contains("up to date");

        Path bad = dir.resolve("bad.db");
        Backups.copy(file, bad);
        long size = Files.size(bad);
        try (RandomAccessFile raf = new RandomAccessFile(bad.toFile(), "rw")) {
            // garbage over pages in the middle of the file (table and index pages), the header left intact
            for (long at = size / 3; at < size / 3 + 8 * 4096 && at < size; at += 4096) {
                raf.seek(at + 50);
                raf.write(new byte[] {(byte) 0xFF, 0x13, 0x37, (byte) 0xFF, 0x00, 0x7F, 0x42, 0x42});
                raf.seek(at + 8);
                raf.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            }
        }
        List<Backups.Check> checks = Backups.verify(bad);
        assertThat(checks).anyMatch(c -> !c.ok());
        assertThat(checks).allMatch(c -> !c.line().contains("\n"));
    }

    @Test
    void aForeignFileFailsTheApplicationIdCheck() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE x(a)");
        }
        List<Backups.Check> checks = Backups.verify(file);
        assertThat(checks).filteredOn(c -> c.name().equals("application_id")).singleElement()
                .satisfies(c -> assertThat(c.ok()).isFalse());
    }

    @Test
    void aDatabaseAtAnOlderSchemaIsCopiedBeforeItIsMigrated() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA application_id=" + Database.APPLICATION_ID);
        }
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        Flyway.configure(Database.class.getClassLoader()).dataSource(ds).locations(Database.LOCATION)
                .table(FileCheck.HISTORY).target("5").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO committees(acronym, name) VALUES ('OLD', 'Kept from before')");
        }
        int latest = Database.latestVersion();
        assertThat(latest).isGreaterThan(5);
        Path before = dir.resolve("old.db.before-V" + latest);
        assertThat(Database.beforeCopy(file, latest)).isEqualTo(before);

        Database.open(file).close();

        assertThat(before).exists();
        List<Backups.Check> copy = Backups.verify(before);
        assertThat(copy).allMatch(Backups.Check::ok);
        assertThat(copy.get(3).detail()).startsWith("version 5 of " + latest).contains("pending");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM committees WHERE acronym = 'OLD'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Kept from before");
        }
        assertThat(Backups.verify(file).get(3).detail()).contains("up to date");
        // an up-to-date file is not copied again
        long stamp = Files.getLastModifiedTime(before).toMillis();
        Files.delete(before);
        Database.open(file).close();
        assertThat(before).doesNotExist();
        assertThat(stamp).isPositive();
    }
}
