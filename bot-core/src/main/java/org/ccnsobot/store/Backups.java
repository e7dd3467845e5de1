package org.ccnsobot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Copies and checks of a database file. A copy is made with {@code VACUUM INTO} on a connection of its own: it reads
 * inside one read transaction, so in WAL mode it is a consistent snapshot of every committed row while the running
 * bot keeps reading and writing (a WAL reader never blocks a writer), and the copy is a compact, single file with
 * no -wal beside it.
 */
public final class Backups {
    private Backups() {
    }

    /** One check of {@link #verify}: its name, whether it passed, and a short detail. */
    public record Check(String name, boolean ok, String detail) {
        public String line() {
            return (ok ? "ok    " : "FAIL  ") + name + ": " + detail;
        }
    }

    /**
     * Copies the live database {@code db} to {@code target}, which must not exist. Returns the copy's size in bytes.
     * Refuses (changing nothing) when {@code db} is missing or {@code target} exists.
     */
    public static long copy(Path db, Path target) {
        Path from = db.toAbsolutePath();
        Path to = target.toAbsolutePath();
        if (!Files.isRegularFile(from)) {
            throw new StoreException(from + ": there is no database here to back up");
        }
        if (Files.exists(to)) {
            throw new StoreException(to + ": already exists; give a new file name (a backup never replaces a file)");
        }
        if (to.getParent() != null && !Files.isDirectory(to.getParent())) {
            throw new StoreException(to + ": its folder " + to.getParent() + " does not exist");
        }
        SQLiteConfig cfg = Database.connectionConfig();
        cfg.setReadOnly(true);
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + from); Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(to);
            } catch (java.io.IOException ignored) {
                // the message below says the copy failed; a partial file is the operator's to remove
            }
            throw new StoreException(to + ": the backup failed (" + e.getMessage() + ")", e,
                    StoreException.kindOf(e));
        }
        try {
            return Files.size(to);
        } catch (java.io.IOException e) {
            throw new StoreException(to + ": written, but cannot be read back (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The checks of a database file, read-only: SQLite's integrity check, the foreign keys, that the file is ours
     * (application_id), and that its Flyway history matches this build's migrations (pending ones are named: the
     * bot applies them at its next start).
     */
    public static List<Check> verify(Path db) {
        Path file = db.toAbsolutePath();
        List<Check> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            out.add(new Check("file", false, file + " does not exist"));
            return out;
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout((int) Database.BUSY_TIMEOUT.toMillis());
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // SQLite reads the file on the first statement, not on open: a file that is not SQLite fails here, once,
            // rather than in each check (and in Flyway's words)
            st.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
            out.add(rows(st, "integrity_check", "PRAGMA integrity_check", "ok"));
            out.add(rows(st, "foreign_key_check", "PRAGMA foreign_key_check", null));
            out.add(applicationId(st));
        } catch (SQLException e) {
            out.add(new Check("open", false, "not a readable SQLite database (" + oneLine(e.getMessage()) + ")"));
            return out;
        }
        out.add(schema(file));
        return out;
    }

    private static Check rows(Statement st, String name, String sql, String okRow) {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next() && found.size() < 5) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= cols; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                found.add(String.join(" ", row));
            }
        } catch (SQLException e) {
            return new Check(name, false, oneLine(e.getMessage()));
        }
        boolean ok = okRow == null ? found.isEmpty() : found.equals(List.of(okRow));
        return new Check(name, ok, ok ? "ok" : oneLine(String.join("; ", found)));
    }

    private static Check applicationId(Statement st) {
        try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
            int id = rs.next() ? rs.getInt(1) : 0;
            boolean ok = id == Database.APPLICATION_ID;
            return new Check("application_id", ok, ok ? String.format("0x%08X (ccnso-bot)", id)
                    : String.format("0x%08X, not ccnso-bot's 0x%08X", id, Database.APPLICATION_ID));
        } catch (SQLException e) {
            return new Check("application_id", false, oneLine(e.getMessage()));
        }
    }

    private static Check schema(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader()).dataSource(ds)
                    .locations(Database.LOCATION).table(FileCheck.HISTORY).ignoreMigrationPatterns("*:pending")
                    .load();
            ValidateResult result = flyway.validateWithResult();
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            MigrationInfo[] pending = flyway.info().pending();
            if (!result.validationSuccessful) {
                String why = result.invalidMigrations == null || result.invalidMigrations.isEmpty()
                        ? String.valueOf(result.errorDetails == null ? "invalid" : result.errorDetails.errorMessage)
                        : String.join("; ", result.invalidMigrations.stream()
                        .map(m -> "V" + m.version + ": " + m.errorDetails.errorMessage).toList());
                return new Check("schema", false, "version " + version + ": " + oneLine(why));
            }
            String pend = pending.length == 0 ? "up to date"
                    : pending.length + " migration(s) pending ("
                    + String.join(", ", Arrays.stream(pending).map(m -> "V" + m.getVersion()).toList())
                    + "), applied at the bot's next start";
            return new Check("schema", true, "version " + version + " of " + Database.latestVersion() + ", " + pend);
        } catch (RuntimeException e) {
            return new Check("schema", false, oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
