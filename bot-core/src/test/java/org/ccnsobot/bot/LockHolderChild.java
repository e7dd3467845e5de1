package org.ccnsobot.bot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another process holding the write lock of a database, for {@link StorageFaultsTest}: begins an IMMEDIATE
 * transaction, prints LOCKED, and keeps it open until a line (or the end) of standard input. Arg: the database.
 */
public final class LockHolderChild {
    private LockHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            System.out.println("LOCKED");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            st.execute("ROLLBACK");
        }
        System.exit(0);
    }
}
