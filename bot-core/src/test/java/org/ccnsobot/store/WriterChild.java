package org.ccnsobot.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The second writer of {@link TwoProcessWriteTest}, in its own JVM: opens the database, prints READY, waits for GO
 * on standard input (so both writers start together), then runs its read-then-write transactions and prints
 * {@code DONE <n>}, or {@code FAILED <reason>}. Args: database, writer name, transaction count.
 */
public final class WriterChild {
    private WriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        try (Database db = Database.open(file)) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                System.exit(3);
            }
            TwoProcessWriteTest.write(db, name, count);
            System.out.println("DONE " + count);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
        }
        System.out.flush();
        System.exit(0);
    }
}
