package org.ccnsobot.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * At most one process sends from a ledger: an exclusive OS lock on {@code <db>.lock}. A lock, unlike a lease row,
 * is released by the operating system when the holder dies, even by SIGKILL, so a restart after a crash never waits
 * for a lease to expire. The file holds the holder's pid and start time, for the message a second process shows.
 */
public final class LedgerLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LedgerLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    public static LedgerLock acquire(Path database, Instant now) throws LedgerBusyException {
        Path file = fileFor(database);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LedgerBusyException("reminders not started: cannot open " + file + " (" + e.getMessage() + ")");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(ch);
            throw new LedgerBusyException("reminders not started: cannot lock " + file + " (" + e.getMessage() + ")");
        }
        if (lock == null) {
            String holder = holder(file);
            close(ch);
            throw new LedgerBusyException("reminders not started: another ccnso-bot process (" + holder + ") is sending"
                    + " reminders from " + database + "; only one may, or members would get them twice. Stop it, or"
                    + " give this one another database.");
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + now + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
        } catch (IOException e) {
            // the lock is what matters; the note is only for the message above
        }
        return new LedgerLock(file, ch, lock);
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "holder unknown" : s;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        close(channel);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to do: the OS drops the lock with the descriptor
        }
    }
}
