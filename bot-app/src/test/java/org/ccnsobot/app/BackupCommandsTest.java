package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup FILE} and {@code verify-db [FILE]} as an operator types them: through the picocli entry point
 * ({@link Main#run}), on real database files, with their exit codes and every line they print.
 */
class BackupCommandsTest {
    /** The database the console wrote to, made once (a first start costs seconds); each test copies it. */
    @TempDir
    static Path shared;
    private static Path template;

    @TempDir
    Path dir;

    private Path config;
    private Path db;

    @BeforeAll
    static void aDatabaseTheConsoleWroteTo() {
        template = shared.resolve("template.db");
        Consoles.Run r = Consoles.console(Consoles.seed(), "2024-02-10T12:00:00Z", template,
                "event add \"GRC session\" --date 2024-03-05 --meeting ICANN79\nsubscribe council\n");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @BeforeEach
    void ownCopyAndConfig() throws Exception {
        config = dir.resolve("bot.yaml");
        db = dir.resolve("live.db");
        Files.copy(template, db);
        Files.writeString(config, "database: " + db + "\ncalendar: " + BotFixture.seedCalendar().toAbsolutePath() + "\n");
    }

    @Test
    void aBackupIsOneLineAndPassesEveryCheckOfVerifyDb() throws Exception {
        Path copy = dir.resolve("copy.db");
        Run backup = run("backup", copy.toString(), "--config", config.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.err()).isEmpty();
        assertThat(backup.lines()).singleElement().asString().matches("backed up " + quote(db.toAbsolutePath())
                + " to " + quote(copy.toAbsolutePath()) + " \\(\\d+ KiB in \\d+ ms\\)");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events WHERE id = 'grc-session-20240305'")) {
            assertThat(rs.getInt(1)).as("the event added before the backup").isEqualTo(1);
        }

        Run verify = run("verify-db", copy.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.lines()).containsExactly(
                "ok    integrity_check: ok",
                "ok    foreign_key_check: ok",
                "ok    application_id: 0x63634E53 (ccnso-bot)",
                "ok    schema: version " + Database.latestVersion() + " of " + Database.latestVersion() + ", up to date",
                copy.toAbsolutePath() + ": all 4 checks passed");

        // without FILE: the configured database
        Run configured = run("verify-db", "--config", config.toString());
        assertThat(configured.exit()).isZero();
        assertThat(configured.lines()).last().isEqualTo(db.toAbsolutePath() + ": all 4 checks passed");
    }

    @Test
    void aBackupNeverReplacesAFileNorCopiesNothing() throws Exception {
        Path taken = dir.resolve("taken.db");
        Files.writeString(taken, "keep me");
        Run refused = run("backup", taken.toString(), "--config", config.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().strip()).isEqualTo("error: " + taken.toAbsolutePath()
                + ": already exists; give a new file name (a backup never replaces a file)");
        assertThat(Files.readString(taken)).isEqualTo("keep me");

        Run none = run("backup", dir.resolve("x.db").toString(), "--db", dir.resolve("absent.db").toString(),
                "--config", config.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().strip()).isEqualTo("error: " + dir.resolve("absent.db").toAbsolutePath()
                + ": there is no database here to back up");
        assertThat(dir.resolve("x.db")).doesNotExist();

        Run usage = run("backup", "--config", config.toString());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Missing required parameter: 'FILE'");
    }

    @Test
    void aDamagedFileIsReportedByItsRealCauseAndExits1() throws Exception {
        Path copy = dir.resolve("damaged.db");
        assertThat(run("backup", copy.toString(), "--config", config.toString()).exit()).isZero();
        int page;
        int root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            page = st.executeQuery("PRAGMA page_size").getInt(1);
            root = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'events'").getInt(1);
        }
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            // the events table's root page: its b-tree header says a page type that does not exist
            f.seek((long) (root - 1) * page);
            f.write(new byte[] {(byte) 0x7F, (byte) 0x7F, (byte) 0x7F, (byte) 0x7F});
        }
        Run verify = run("verify-db", copy.toString());
        assertThat(verify.exit()).isEqualTo(1);
        // SQLite's own words for it, not a generic failure
        assertThat(verify.lines().get(0)).isEqualTo("FAIL  integrity_check: [SQLITE_CORRUPT] The database disk image"
                + " is malformed (database disk image is malformed)");
        assertThat(verify.lines()).last().asString().endsWith(" checks failed");
        System.out.println("verify-db of a damaged file:\n  " + String.join("\n  ", verify.lines()));

        Path text = dir.resolve("notes.db");
        Files.writeString(text, "this is a text file, not a database\n".repeat(200));
        Run notSqlite = run("verify-db", text.toString());
        assertThat(notSqlite.exit()).isEqualTo(1);
        assertThat(notSqlite.lines()).containsExactly(
                "FAIL  open: not a readable SQLite database ([SQLITE_NOTADB] File opened that is not a database file"
                        + " (file is not a database))",
                text.toAbsolutePath() + ": 1 of 1 checks failed");

        Run missing = run("verify-db", dir.resolve("nowhere.db").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.lines()).containsExactly(
                "FAIL  file: " + dir.resolve("nowhere.db").toAbsolutePath() + " does not exist",
                dir.resolve("nowhere.db").toAbsolutePath() + ": 1 of 1 checks failed");
        assertThat(dir.resolve("nowhere.db")).doesNotExist();
    }

    private static String quote(Path p) {
        return java.util.regex.Pattern.quote(p.toString());
    }

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The subcommands print to System.out and System.err themselves: both are captured for the call. */
    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(Consoles.print(out));
        System.setErr(Consoles.print(err));
        try {
            int exit = Main.run(args, Consoles.print(out), Consoles.print(err));
            return new Run(exit, Consoles.text(out), Consoles.text(err));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
