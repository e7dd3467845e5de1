package org.ccnsobot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code change_log} table (appended by triggers on every write to the tables a running bot caches or
 * acts on, whichever process or connection makes it) and hands the new rows, in order and batched, to its
 * listeners. It has its own connection on the file, so it sees this process's own writes as well as everyone
 * else's; listeners must treat a change they already know of as harmless.
 *
 * <p>Watching costs almost nothing while nothing is written: every interval it reads {@code PRAGMA data_version},
 * which SQLite moves only when another connection has committed, and reads the log only then. Rows older than the
 * retention are pruned; a reader that finds rows after its position gone (it was asleep longer than the retention)
 * gets a batch with {@link Batch#resync()} set instead, meaning "reload everything", so nothing is ever missed.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);
    /** The feed thread's name, so tools (the bench) can find it. */
    public static final String THREAD_NAME = "ccnso-change-feed";
    private static final int PAGE = 500;

    /** What was done to a row. */
    public enum Op {
        INSERT, UPDATE, DELETE
    }

    /** One row of the change log: {@code rowKey} is the row's key as text, composite keys joined with ':'. */
    public record Change(long seq, String table, String rowKey, Op op, Instant at) {
    }

    /**
     * Changes in log order, or (when {@code resync}) no changes and the news that some were lost to pruning, so the
     * listener must reload everything it caches.
     */
    public record Batch(List<Change> changes, boolean resync) {
        public Batch {
            changes = List.copyOf(changes);
        }

        static Batch resyncAll() {
            return new Batch(List.of(), true);
        }

        /** The distinct keys of rows of {@code table} in this batch, in the order first seen. */
        public Set<String> keys(String table) {
            Set<String> out = new LinkedHashSet<>();
            for (Change c : changes) {
                if (c.table().equals(table)) {
                    out.add(c.rowKey());
                }
            }
            return out;
        }

        public boolean touches(String table) {
            return changes.stream().anyMatch(c -> c.table().equals(table));
        }
    }

    /** Hears each batch; runs on the feed's thread, or on the thread calling {@link #pollNow()}. */
    @FunctionalInterface
    public interface Listener {
        void onChanges(Batch batch);
    }

    private final Path file;
    private final Connection connection;
    /** Prepared once: the idle cost of watching is this one statement per interval. */
    private final PreparedStatement dataVersionQuery;
    private final Duration interval;
    private final Duration retention;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** One poll at a time, so batches reach listeners in order and pollNow returns only once all is delivered. */
    private final ReentrantLock pollLock = new ReentrantLock();
    private long position;
    private long dataVersion;
    private long lastPruneNanos;
    private volatile boolean closed;
    private ScheduledExecutorService thread;

    private ChangeFeed(Path file, Connection connection, Duration interval, Duration retention) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.interval = interval;
        this.retention = retention;
        this.dataVersionQuery = connection.prepareStatement("PRAGMA data_version");
        this.dataVersion = dataVersion();
        this.position = lastSeq();
        this.lastPruneNanos = System.nanoTime();
    }

    /** A feed on {@code db}'s file, starting after the last change logged so far; {@link #start()} it to follow. */
    public static ChangeFeed open(Database db) {
        return open(db, DEFAULT_INTERVAL, DEFAULT_RETENTION);
    }

    public static ChangeFeed open(Database db, Duration interval, Duration retention) {
        Path file = db.file();
        Connection c = null;
        try {
            // the file is already judged and migrated: db is open on it
            c = Database.connectionConfig().createConnection("jdbc:sqlite:" + file);
            return new ChangeFeed(file, c, interval, retention);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the open failure is the one to report
                }
            }
            throw new StoreException(file + ": cannot follow its change log (" + e.getMessage() + ")", e);
        }
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** Starts the daemon thread that polls every interval. */
    public synchronized ChangeFeed start() {
        if (thread == null && !closed) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, interval.toMillis());
            thread.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The sequence number of the last change handed to listeners. */
    public long position() {
        pollLock.lock();
        try {
            return position;
        } finally {
            pollLock.unlock();
        }
    }

    /**
     * Delivers, on this thread, every change committed before the call, and returns how many were delivered (a
     * resync counts as one). Scripted sessions call it before each line, so what they print does not depend on
     * the feed thread's timing.
     */
    public int pollNow() {
        pollLock.lock();
        try {
            if (closed) {
                return 0;
            }
            return poll();
        } catch (SQLException e) {
            throw new StoreException(file + ": reading the change log failed (" + e.getMessage() + ")", e);
        } finally {
            pollLock.unlock();
        }
    }

    private void tick() {
        pollLock.lock();
        try {
            if (closed) {
                return;
            }
            poll();
            if (System.nanoTime() - lastPruneNanos > Math.min(retention.toNanos(), Duration.ofMinutes(1).toNanos())) {
                lastPruneNanos = System.nanoTime();
                prune();
            }
        } catch (SQLException | RuntimeException e) {
            // the next tick tries again; a feed thread that died would silently stop the bot following the file
            LOG.warn("Following the change log of {} failed: {}", file, e.getMessage());
        } finally {
            pollLock.unlock();
        }
    }

    private int poll() throws SQLException {
        long dv = dataVersion();
        if (dv == dataVersion) {
            return 0;
        }
        dataVersion = dv;
        int delivered = 0;
        while (true) {
            List<Change> page = readAfter(position);
            if (page.isEmpty() || page.get(0).seq() != position + 1) {
                long last = lastSeq();
                if (last > position) {
                    // rows after our position were pruned before we read them: only a full reload is safe
                    LOG.info("Change log of {}: changes {} to {} were pruned unread; resyncing", file, position + 1,
                            page.isEmpty() ? last : page.get(0).seq() - 1);
                    position = last;
                    deliver(Batch.resyncAll());
                    return delivered + 1;
                }
                return delivered;
            }
            position = page.get(page.size() - 1).seq();
            deliver(new Batch(page, false));
            delivered += page.size();
            if (page.size() < PAGE) {
                return delivered;
            }
        }
    }

    private void deliver(Batch batch) {
        for (Listener l : listeners) {
            try {
                l.onChanges(batch);
            } catch (RuntimeException e) {
                // one failing listener must not keep the others from hearing of the change
                LOG.error("A change-feed listener failed on {} change(s)", batch.changes().size(), e);
            }
        }
    }

    private List<Change> readAfter(long after) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, tbl, row_key, op, at FROM change_log"
                + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Op.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return out;
    }

    /** The highest seq ever given out (AUTOINCREMENT never reuses one, even after the rows are pruned). */
    private long lastSeq() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private long dataVersion() throws SQLException {
        try (ResultSet rs = dataVersionQuery.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Deletes log rows older than the retention; returns how many. Any process following the file may prune: the
     * rows serve only readers that are behind, and a reader behind by more than the retention resyncs.
     */
    public int prune() {
        pollLock.lock();
        try {
            if (closed) {
                return 0;
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM change_log WHERE at < ?")) {
                ps.setLong(1, System.currentTimeMillis() - retention.toMillis());
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": pruning the change log failed (" + e.getMessage() + ")", e);
        } finally {
            pollLock.unlock();
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.shutdownNow();
        }
        pollLock.lock();
        try {
            dataVersionQuery.close();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the change feed of {} failed: {}", file, e.getMessage());
        } finally {
            pollLock.unlock();
        }
    }
}
