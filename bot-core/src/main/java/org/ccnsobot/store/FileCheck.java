package org.ccnsobot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, from a read-only look, whether an existing file is ours to open and migrate. Nothing here writes: the
 * header is read as bytes, and the SQL look goes through an {@code immutable=1} connection (no lock, no journal,
 * no {@code -wal}/{@code -shm} file) unless the file already has sidecars, in which case their content matters
 * and a plain read-only connection reads it. A refusal is thrown as a one-line {@link StoreException}.
 */
final class FileCheck {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final String HISTORY = "flyway_schema_history";
    /**
     * The tables the hand-made runner's schemas (user_version 1 to 3) could hold. A legacy file (application_id 0)
     * is only ours when all its tables are among these and the calendar's core tables are there.
     */
    static final Set<String> LEGACY_TABLES = Set.of("meta", "meetings", "committees", "events", "event_committees",
            "committee_updates", "user_prefs", "audit", "subscriptions", "event_reminder_offsets",
            "reminder_event_state", "reminder_slots", "reminder_ledger", "announcements");
    private static final Set<String> CORE_TABLES = Set.of("meta", "meetings", "committees", "events");
    static final int LEGACY_MAX = 3;

    /** What an existing file turned out to be, when it is ours. */
    enum Kind {
        /** No content, or a SQLite file with no tables: ours to create the schema in. */
        EMPTY,
        /** Carries our application_id: Flyway's history says where it is. */
        OURS,
        /** Made by the hand-made runner: baselined at its user_version, then migrated on. */
        LEGACY
    }

    /**
     * The verdict on a file that may be opened; {@code version} is the legacy file's user_version. {@code current}:
     * ours, with every migration of this build applied and recorded as a success, and user_version in step, so
     * opening it needs no migration run and no write.
     */
    record Found(Kind kind, int version, boolean current) {
        Found(Kind kind, int version) {
            this(kind, version, false);
        }
    }

    /** What the read-only look saw; {@code failedRows}: history rows of a migration that did not complete. */
    record Look(int applicationId, int userVersion, int historyVersion, int failedRows, Set<String> tables) {
        Look(int applicationId, int userVersion, int historyVersion, Set<String> tables) {
            this(applicationId, userVersion, historyVersion, 0, tables);
        }
    }

    private FileCheck() {
    }

    static Found inspect(Path file, int latest) {
        if (!hasSqliteHeader(file)) {
            return new Found(Kind.EMPTY, 0);
        }
        Look look;
        try {
            look = look(file);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot be read as a SQLite database (" + oneLine(e.getMessage())
                    + "); refusing to touch it", e);
        }
        return judge(file, look, latest);
    }

    static Found judge(Path file, Look look, int latest) {
        int app = look.applicationId();
        if (app != 0 && app != Database.APPLICATION_ID) {
            throw new StoreException(file + ": belongs to another application (application_id 0x"
                    + Integer.toHexString(app) + "); refusing to touch it");
        }
        int schema = Math.max(look.userVersion(), look.historyVersion());
        if (schema > latest) {
            throw new StoreException(file + ": its schema is version " + schema + ", newer than this build knows ("
                    + latest + "); use a newer ccnso-bot or another database file");
        }
        if (app == Database.APPLICATION_ID) {
            return new Found(Kind.OURS, schema, look.historyVersion() == latest && look.userVersion() == latest
                    && look.failedRows() == 0);
        }
        if (look.tables().isEmpty() && look.userVersion() == 0) {
            return new Found(Kind.EMPTY, 0);
        }
        Set<String> foreign = new TreeSet<>(look.tables());
        foreign.removeAll(LEGACY_TABLES);
        if (look.userVersion() < 1 || !foreign.isEmpty() || !look.tables().containsAll(CORE_TABLES)) {
            String why = foreign.isEmpty() ? "user_version " + look.userVersion() + " and not our tables"
                    : "tables that are not ccnso-bot's: " + String.join(", ", foreign);
            throw new StoreException(file + ": is a SQLite database of another application (" + why
                    + "); refusing to touch it");
        }
        return new Found(Kind.LEGACY, look.userVersion());
    }

    /** False for an empty file (ours to create); throws for a file that is not SQLite at all. */
    private static boolean hasSqliteHeader(Path file) {
        try {
            if (Files.size(file) == 0) {
                return false;
            }
            byte[] head = new byte[SQLITE_MAGIC.length];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, head.length);
                if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
                    throw new StoreException(file + ": is not a SQLite database; refusing to touch it");
                }
            }
            return true;
        } catch (IOException e) {
            throw new StoreException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Look look(Path file) throws SQLException {
        // immutable=1 reads the main file only and creates nothing. When the newest content may be in sidecars (a
        // WAL with its index, as a running or crashed process leaves them, or a rollback journal) a plain read-only
        // connection reads them instead; it creates no file where both sidecars already exist. A lone -wal without
        // its -shm is read as immutable: a read-only connection would leave a new -shm behind.
        boolean wal = Files.exists(Path.of(file + "-wal")) && Files.exists(Path.of(file + "-shm"));
        boolean sidecars = wal || Files.exists(Path.of(file + "-journal"));
        String url = "jdbc:sqlite:file:" + uriPath(file) + (sidecars ? "?mode=ro" : "?immutable=1");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            int app = intOf(st, "PRAGMA application_id");
            int user = intOf(st, "PRAGMA user_version");
            Set<String> tables = new TreeSet<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            int history = 0;
            int failed = 0;
            if (tables.remove(HISTORY)) {
                history = intOf(st, "SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0) FROM " + HISTORY
                        + " WHERE success = 1 AND version IS NOT NULL");
                failed = intOf(st, "SELECT COUNT(*) FROM " + HISTORY + " WHERE success = 0");
            }
            return new Look(app, user, history, failed, tables);
        }
    }

    private static int intOf(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The path as a URI path: the characters a file URI gives meaning to are escaped. */
    static String uriPath(Path file) {
        String p = file.toAbsolutePath().toString().replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (char ch : p.toCharArray()) {
            switch (ch) {
                case '%' -> sb.append("%25");
                case '?' -> sb.append("%3f");
                case '#' -> sb.append("%23");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
