package org.ccnsobot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite database file. A single connection serves the process, guarded by a lock: the bot's write rate is
 * tiny, and one connection keeps every read consistent with the writes before it. Before anything is written the
 * file is judged from a read-only look ({@link FileCheck}): a file that is not SQLite, belongs to another
 * application, or whose schema is newer than this build knows, is refused and left byte-for-byte untouched.
 * The schema is migrated by Flyway from {@code classpath:org/ccnsobot/store}; files made by the old hand-made
 * runner (user_version 1 to 3, no Flyway history) are baselined at their user_version and migrated on.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * Our {@code PRAGMA application_id}, "ccNS" in ASCII: it marks every file this bot creates or migrates, so a
     * SQLite file of another application is never mistaken for ours (see https://www.sqlite.org/fileformat.html).
     */
    public static final int APPLICATION_ID = 0x63634E53;
    static final String LOCATION = "classpath:org/ccnsobot/store";
    private static final int BUSY_TIMEOUT_MS = 5000;
    /** How long a write waits for another connection's write lock before it is refused as busy. */
    public static final java.time.Duration BUSY_TIMEOUT = java.time.Duration.ofMillis(BUSY_TIMEOUT_MS);

    /** How commits reach the disk. */
    public enum Durability {
        /** Every commit is on the disk when it returns (synchronous=FULL): a file the bot serves from. */
        DURABLE,
        /**
         * Commits are not synced (synchronous=OFF); the file is synced once, whole, when it is closed. Only for a
         * file being made under a temporary name, which a crash throws away: a first start's migrations and seed
         * then cost no sync per commit.
         */
        SCRATCH
    }

    private final Path file;
    private final Durability durability;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Hot statements are prepared once per connection; only the lock holder uses them. */
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();

    private Database(Path file, Durability durability, Connection connection) {
        this.file = file;
        this.durability = durability;
        this.connection = connection;
    }

    /**
     * The highest schema version this build migrates to: the newest migration under {@link #LOCATION} (versions may
     * have gaps). Written here rather than found by a scan, so that opening a file already at this version loads no
     * Flyway at all; {@code FileCheckTest} fails when a migration is added and this is not raised with it.
     */
    static final int SCHEMA_VERSION = 17;

    public static int latestVersion() {
        return SCHEMA_VERSION;
    }

    /** The newest version among the migrations Flyway finds in the build (once per process). */
    static int resolvedVersion() {
        return Resolved.VERSION;
    }

    /**
     * Loads what opening a database needs ahead of time (SQLite's native library; Flyway and the scan of our
     * migrations too when this build carries no schema template), for a process that may soon open or create one;
     * see the app's warm-up.
     */
    public static void preload() {
        if (SchemaTemplate.class.getResource(SchemaTemplate.resourceName(SCHEMA_VERSION)) == null) {
            resolvedVersion();
            return;
        }
        // a new file is the template's copy: only an upgrade of an older file needs Flyway, and loads it then
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            new SQLiteConfig();
        } catch (Exception e) {
            // reported where the database is really opened
        }
    }

    private static final class Resolved {
        static final int VERSION = resolve();

        private static int resolve() {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl("jdbc:sqlite::memory:");
            MigrationInfo[] all = Flyway.configure(Database.class.getClassLoader()).dataSource(ds).locations(LOCATION)
                    .table(FileCheck.HISTORY).load().info().all();
            return Arrays.stream(all).filter(m -> m.getVersion() != null)
                    .mapToInt(m -> Integer.parseInt(m.getVersion().getVersion())).max().orElse(0);
        }
    }

    /** Opens (creating if absent) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, Durability.DURABLE);
    }

    /** As {@link #open(Path)}, with commits made as {@code durability} says. */
    public static Database open(Path file, Durability durability) {
        Path abs = file.toAbsolutePath();
        FileCheck.Found found = new FileCheck.Found(FileCheck.Kind.EMPTY, 0);
        boolean absent = !Files.exists(abs);
        if (!absent) {
            found = FileCheck.inspect(abs, latestVersion());
            if (!Files.isWritable(abs)) {
                // SQLite would open it read-only without a word, and every write would then fail
                throw readOnly(abs);
            }
        } else {
            try {
                Path parent = abs.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new StoreException(abs + ": cannot create its folder (" + e.getMessage() + ")", e);
            }
        }
        Path folder = abs.getParent();
        if (folder != null && !Files.isWritable(folder)) {
            throw new StoreException(abs + ": its folder " + folder + " is read-only, and SQLite writes its -wal and -shm"
                    + " files beside the database; make the folder writable for the user the bot runs as", null,
                    StoreException.Kind.READ_ONLY);
        }
        if (absent && TEMPLATES.get()) {
            found = fromTemplate(abs, durability);
        }
        Connection c;
        try {
            c = connectionConfig(durability).createConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new StoreException(abs + ": cannot be opened as a SQLite database (" + e.getMessage() + ")", e);
        }
        try {
            if (found.current()) {
                // Nothing to migrate and nothing to mark: Flyway would only load itself (about 0.3 s of a start),
                // rescan the migrations and find none pending. Whether applied scripts still match their checksums
                // is verify-db's question (Flyway's validate), not every start's.
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                }
                return new Database(abs, durability, c);
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                // marked ours before the first migration, so a file whose migration fails half-way is still ours
                st.execute("PRAGMA application_id=" + APPLICATION_ID);
            }
            int version = migrate(abs, found, durability);
            try (Statement st = c.createStatement()) {
                // kept in step for builds that still read user_version: an older build refuses a newer file
                st.execute("PRAGMA user_version=" + version);
            }
            return new Database(abs, durability, c);
        } catch (SQLException e) {
            closeQuietly(c);
            switch (StoreException.kindOf(e)) {
                case READ_ONLY:
                    throw readOnly(abs);
                case BUSY:
                    throw new StoreException(abs + ": is busy: another process has held its write lock for over "
                            + BUSY_TIMEOUT.toSeconds() + " s; start again when it is done (" + e.getMessage() + ")", e);
                case FULL:
                    throw new StoreException(abs + ": the disk is full: nothing was saved (" + e.getMessage() + ")", e);
                default:
                    throw new StoreException(abs + ": is not a usable SQLite database (" + e.getMessage() + ")", e);
            }
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Off only while the template itself is being made, and in tests of Flyway's own first run. */
    private static final ThreadLocal<Boolean> TEMPLATES = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /** Runs {@code work} with new files migrated by Flyway rather than copied from the schema template. */
    static void withoutTemplate(Runnable work) {
        TEMPLATES.set(Boolean.FALSE);
        try {
            work.run();
        } finally {
            TEMPLATES.remove();
        }
    }

    /** A new file made from the schema template when the build carries one; what it then is. */
    private static FileCheck.Found fromTemplate(Path abs, Durability durability) {
        SchemaTemplate.Copy copy;
        try {
            copy = SchemaTemplate.copyTo(abs, durability == Durability.DURABLE);
        } catch (IOException e) {
            throw new StoreException(abs + ": cannot be created (" + e.getMessage() + ")", e);
        }
        switch (copy) {
            case COPIED:
                return new FileCheck.Found(FileCheck.Kind.OURS, SCHEMA_VERSION, true);
            case RACED:
                return FileCheck.inspect(abs, latestVersion());
            default:
                return new FileCheck.Found(FileCheck.Kind.EMPTY, 0);
        }
    }

    private static StoreException readOnly(Path abs) {
        return new StoreException(abs + ": is read-only, and the bot must write to its database; make it writable for"
                + " the user the bot runs as", null, StoreException.Kind.READ_ONLY);
    }

    /**
     * Every connection to our file: WAL, durable commits, foreign keys, and a busy timeout. FULL makes every
     * commit durable in WAL mode: a reply the bot gave is never lost to a crash.
     */
    static SQLiteConfig connectionConfig() {
        return connectionConfig(Durability.DURABLE);
    }

    private static SQLiteConfig connectionConfig(Durability durability) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setSynchronous(durability == Durability.DURABLE ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.OFF);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        return cfg;
    }

    /** Runs Flyway; returns the schema version reached. */
    private static int migrate(Path abs, FileCheck.Found found, Durability durability) {
        SQLiteConfig cfg = connectionConfig(durability);
        // Flyway runs each migration in a transaction; begun IMMEDIATE, two processes starting at once queue on
        // the write lock instead of one failing with SQLITE_BUSY half-way.
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + abs);
        var conf = Flyway.configure(Database.class.getClassLoader()).dataSource(ds).locations(LOCATION)
                .table(FileCheck.HISTORY);
        if (found.kind() == FileCheck.Kind.LEGACY) {
            conf = conf.baselineOnMigrate(true).baselineVersion(String.valueOf(found.version()))
                    .baselineDescription("schema made by the hand-made runner (user_version " + found.version() + ")");
        }
        try {
            Flyway flyway = conf.load();
            copyBeforeMigrating(abs, found);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated {} to schema version {} ({} migration(s))", abs, result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            var current = flyway.info().current();
            return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new StoreException(abs + ": migrating the schema failed (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * An existing file at an older schema is copied to {@code <db>.before-V<n>} (n: the newest version this build
     * migrates it to) before any migration runs, so an upgrade can be undone by putting that copy back. A copy
     * already there (from an earlier attempt at the same upgrade) is kept: it is the state before that attempt.
     */
    private static void copyBeforeMigrating(Path abs, FileCheck.Found found) {
        int latest = latestVersion();
        if (found.kind() == FileCheck.Kind.EMPTY || found.version() >= latest) {
            return;
        }
        Path copy = beforeCopy(abs, latest);
        if (Files.exists(copy)) {
            LOG.info("Keeping {} from an earlier attempt at this upgrade", copy);
            return;
        }
        long bytes = Backups.copy(abs, copy);
        LOG.info("Copied {} (schema version {}) to {} ({} bytes) before migrating it to version {}", abs,
                found.version(), copy, bytes, latest);
    }

    /** Where {@code db} is copied before it is migrated to {@code version}. */
    public static Path beforeCopy(Path db, int version) {
        return db.resolveSibling(db.getFileName() + ".before-V" + version);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The old hand-made runner's split of a script into statements. Migrations no longer use it (Flyway parses
     * SQL properly); tests use it to build files exactly as the old runner did.
     */
    static List<String> splitStatements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** Work with the connection; SQL errors become {@link StoreException}s naming the file. */
    public <T> T read(SqlFunction<T> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it. The transaction begins
     * IMMEDIATE, taking the write lock up front: a deferred one that reads and then writes while another process
     * writes fails at once with SQLITE_BUSY (the busy timeout cannot help a lock upgrade), while waiting for the
     * write lock at BEGIN is covered by the busy timeout. If the rollback after a failure fails too, its error is
     * added to the real one as suppressed, never in its place.
     */
    public <T> T transaction(SqlFunction<T> work) {
        lock.lock();
        try {
            exec("BEGIN IMMEDIATE");
            try {
                T result = work.apply(connection);
                exec("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackAfter(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Rolls back after {@code failure}. SQLite may already have ended the transaction itself (some errors do);
     * then ROLLBACK fails too, and that is recorded on the failure rather than thrown.
     */
    private void rollbackAfter(Throwable failure) {
        try {
            exec("ROLLBACK");
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A prepared statement kept for the life of the connection. Call only inside {@link #read} or
     * {@link #transaction}, and do not close it.
     */
    public java.sql.PreparedStatement prepared(String sql) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("prepared statements are only for the lock holder");
        }
        java.sql.PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.clearParameters();
        return ps;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (java.sql.PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    LOG.debug("closing a statement failed", e);
                }
            }
            statements.clear();
            closeQuietly(connection);
            if (durability == Durability.SCRATCH) {
                syncToDisk();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A scratch file's one sync: what its unsynced commits and the closing checkpoint wrote is made durable. */
    private void syncToDisk() {
        for (Path p : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            if (!Files.exists(p)) {
                continue;
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            } catch (IOException e) {
                throw new StoreException(p + ": cannot be synced to the disk (" + e.getMessage() + ")", e);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed: {}", e.getMessage());
        }
    }

    /** A unit of work against the connection. */
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
