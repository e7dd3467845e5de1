package org.ccnsobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes write to one file at the same time, each transaction reading before it writes (the pattern a
 * deferred transaction turns into SQLITE_BUSY at once): every write lands, and no writer sees SQLITE_BUSY.
 */
class TwoProcessWriteTest {
    static final int EACH = 300;

    @TempDir
    Path dir;

    @Test
    void twoProcessesDoingReadThenWriteTransactionsConcurrentlyBothLandEveryWrite() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Database db = Database.open(file)) {
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO meta(key, value) VALUES ('counter', '0')");
                }
            });
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), WriterChild.class.getName(), file.toString(), "child",
                    Integer.toString(EACH)).redirectError(dir.resolve("child.err").toFile()).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readLine(out));
                assertThat(ready.get(60, TimeUnit.SECONDS)).isEqualTo("READY");
                CompletableFuture<String> finished = CompletableFuture.supplyAsync(() -> readLine(out));
                OutputStream in = child.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                write(db, "parent", EACH);
                assertThat(finished.get(120, TimeUnit.SECONDS)).isEqualTo("DONE " + EACH);
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            List<Integer> counts = db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT (SELECT value FROM meta WHERE key = 'counter'),"
                             + " (SELECT count(*) FROM audit WHERE user_id = 'parent'),"
                             + " (SELECT count(*) FROM audit WHERE user_id = 'child'),"
                             + " (SELECT count(DISTINCT detail) FROM audit)")) {
                    rs.next();
                    return List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
                }
            });
            // the counter is read then written in each transaction: any lost update would show as a smaller count
            assertThat(counts).containsExactly(2 * EACH, EACH, EACH, 2 * EACH);
        }
    }

    /** {@code count} transactions that each read the counter, then write it and an audit row. */
    static void write(Database db, String writer, int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            db.transaction(c -> {
                int value;
                try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = 'counter'");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    value = Integer.parseInt(rs.getString(1));
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE meta SET value = ? WHERE key = 'counter'")) {
                    ps.setString(1, Integer.toString(value + 1));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(at, platform, user_id, action, outcome,"
                        + " detail) VALUES (0, 'test', ?, 'write', 'done', ?)")) {
                    ps.setString(1, writer);
                    ps.setString(2, writer + "#" + n);
                    return ps.executeUpdate();
                }
            });
        }
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void whenTheRollbackFailsTooTheRealErrorIsThrownWithTheRollbacksAsSuppressed() {
        try (Database db = Database.open(dir.resolve("rb.db"))) {
            assertThatThrownBy(() -> db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO meta(key, value) VALUES ('k', 'v')");
                    // ends the transaction behind Database's back, so its ROLLBACK has nothing to roll back
                    st.execute("COMMIT");
                }
                throw new SQLException("the real failure");
            })).isInstanceOf(StoreException.class).hasMessageContaining("the real failure")
                    .satisfies(e -> assertThat(e.getCause().getSuppressed()).singleElement()
                            .satisfies(s -> assertThat(s.getMessage()).containsIgnoringCase("no transaction")));
        }
    }

    @Test
    void aCommitThatFailsIsReportedAndLeavesNothingWritten() {
        try (Database db = Database.open(dir.resolve("commit.db"))) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE parent_t(id TEXT PRIMARY KEY)");
                    st.execute("CREATE TABLE child_t(p TEXT REFERENCES parent_t(id) DEFERRABLE INITIALLY DEFERRED)");
                }
                return null;
            });
            // a deferred foreign key is only checked at COMMIT: the commit itself fails
            assertThatThrownBy(() -> db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO child_t VALUES ('nobody')");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");
            int rows = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM child_t")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isZero();
            // and the connection is usable: the failed transaction did not stay open
            int one = db.transaction(c -> 1);
            assertThat(one).isEqualTo(1);
        }
    }
}
