package org.ccnsobot.store;

import java.sql.SQLException;

/**
 * A storage failure worded for the operator (it names the database file), with its {@link Kind}: a full disk, a
 * read-only file and a database busy in another process are told to users as what they are, not as a fault.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a user's answer goes. */
    public enum Kind {
        /** The disk (or the database's size limit) is full: the write was refused whole (SQLITE_FULL). */
        FULL,
        /** The file, its folder or its file system is read-only (SQLITE_READONLY). */
        READ_ONLY,
        /** Another connection held the write lock past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED). */
        BUSY,
        /** Anything else: a fault. */
        OTHER
    }

    private final Kind kind;

    public StoreException(String message) {
        this(message, null, Kind.OTHER);
    }

    public StoreException(String message, Throwable cause) {
        this(message, cause, cause instanceof SQLException s ? kindOf(s) : Kind.OTHER);
    }

    public StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The kind of an SQLite error, from its primary result code. */
    public static Kind kindOf(SQLException e) {
        int code = e instanceof org.sqlite.SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        switch (code & 0xff) {
            case 13:
                return Kind.FULL;
            case 8:
                return Kind.READ_ONLY;
            case 5:
            case 6:
                return Kind.BUSY;
            default:
                return Kind.OTHER;
        }
    }

    /** The kind of the first storage failure in {@code t}'s causes (a wrapped SQL error counts), else OTHER. */
    public static Kind kindOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StoreException s && s.kind != Kind.OTHER) {
                return s.kind;
            }
            if (c instanceof SQLException s && kindOf(s) != Kind.OTHER) {
                return kindOf(s);
            }
        }
        return Kind.OTHER;
    }
}
