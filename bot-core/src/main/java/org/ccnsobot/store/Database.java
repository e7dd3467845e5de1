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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite database file. A single connection serves the process, guarded by a lock: the bot's write rate is
 * tiny, and one connection keeps every read consistent with the writes before it. Before anything is written the
 * file is checked: a file that is not SQLite, or whose schema is newer than this build knows, is refused and left
 * untouched.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The migrations, in order; migration i (1-based) takes the schema from version i-1 to i. */
    static final List<String> MIGRATIONS = List.of("V1__calendar.sql", "V2__reminders.sql", "V3__announcements.sql", "V6__search.sql");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Hot statements are prepared once per connection; only the lock holder uses them. */
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Opens (creating if absent) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        Path abs = file.toAbsolutePath();
        boolean existed = Files.exists(abs);
        if (existed) {
            checkHeader(abs);
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
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new StoreException(abs + ": cannot be opened as a SQLite database (" + e.getMessage() + ")", e);
        }
        try {
            int version = userVersion(c);
            if (version > latestVersion()) {
                throw new StoreException(abs + ": its schema is version " + version + ", newer than this build knows ("
                        + latestVersion() + "); use a newer ccnso-bot or another database file");
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                // FULL makes every commit durable in WAL mode: a reply the bot gave is never lost to a crash.
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(abs, c);
            db.migrate(version);
            return db;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(abs + ": is not a usable SQLite database (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void checkHeader(Path abs) {
        try {
            long size = Files.size(abs);
            if (size == 0) {
                return;
            }
            byte[] head = new byte[SQLITE_MAGIC.length];
            try (InputStream in = Files.newInputStream(abs)) {
                int n = in.readNBytes(head, 0, head.length);
                if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
                    throw new StoreException(abs + ": is not a SQLite database; refusing to touch it");
                }
            }
        } catch (IOException e) {
            throw new StoreException(abs + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void migrate(int from) throws SQLException {
        for (int v = from + 1; v <= latestVersion(); v++) {
            String name = MIGRATIONS.get(v - 1);
            String sql = readMigration(name);
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String stmt : splitStatements(sql)) {
                    st.execute(stmt);
                }
                st.execute("PRAGMA user_version=" + v);
                connection.commit();
                LOG.info("Migrated {} to schema version {}", file, v);
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    private static String readMigration(String name) {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("migration " + name + " cannot be read", e);
        }
    }

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

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T transaction(SqlFunction<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
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
        } finally {
            lock.unlock();
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
