package org.ccnsobot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An empty database at this build's schema, made by Flyway when the build is made (the {@code main} below runs in
 * bot-core's process-classes phase) and carried in the jar. A new file is a copy of it: a first start then runs
 * no migration at all (twelve of them, each its own transaction, were half a second of a first answer) and loads
 * no Flyway. The copy is byte for byte what Flyway made, its history included, so every later migration, verify-db
 * and an older build's refusal treat it exactly as a file migrated in place. Without the resource (a build that
 * skipped the phase, such as an IDE's), a new file is migrated by Flyway as before.
 */
final class SchemaTemplate {
    /** Named by the version it is at: a template of another version is never taken for this build's schema. */
    static String resourceName(int version) {
        return "schema-template-V" + version + ".db";
    }

    private SchemaTemplate() {
    }

    /** What {@link #copyTo} did. */
    enum Copy {
        /** This build carries no template: the file is still to be made. */
        NO_TEMPLATE,
        /** The file is the template's copy, at this build's schema. */
        COPIED,
        /** Another process made the file meanwhile: it is theirs, to be judged like any existing file. */
        RACED
    }

    /**
     * Puts a copy of the template at {@code file}, which does not exist. The copy is made under a temporary name and linked into place, so a reader
     * never sees half a file and a second process creating the same file at once keeps the first one's (both are
     * the same bytes). {@code durable}: the copy is on the disk, name included, before it is used.
     */
    static Copy copyTo(Path file, boolean durable) throws IOException {
        try (InputStream in = SchemaTemplate.class.getResourceAsStream(resourceName(Database.SCHEMA_VERSION))) {
            if (in == null) {
                return Copy.NO_TEMPLATE;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".template-" + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId());
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (durable) {
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile, from the same template or by migrating: theirs is used
                    return Copy.RACED;
                } catch (UnsupportedOperationException noLinks) {
                    try {
                        Files.move(tmp, file);
                    } catch (FileAlreadyExistsException raced) {
                        return Copy.RACED;
                    }
                }
                if (durable) {
                    syncFolder(file.toAbsolutePath().getParent());
                }
                return Copy.COPIED;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void syncFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every system lets a folder be synced; the file's content is on the disk either way
        }
    }

    /**
     * Makes the template: {@code args[0]} is the classes folder it goes in (bot-core's process-classes phase runs
     * this with the migrations already there). Made by {@link Database#open} with no template present, so by the
     * same Flyway run a new file got before there were templates.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaTemplate <classes folder>");
        }
        // Flyway logs each migration through java.util.logging here (bot-core binds no SLF4J): a build's noise
        java.util.logging.Logger flywayLog = java.util.logging.Logger.getLogger("org.flywaydb");
        flywayLog.setLevel(java.util.logging.Level.WARNING);
        Path dir = Path.of(args[0]).resolve(SchemaTemplate.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        try (var old = Files.newDirectoryStream(dir, "schema-template-V*.db*")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Path made = dir.resolve("schema-template.db.making");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(made.resolveSibling(made.getFileName() + suffix));
        }
        Database.withoutTemplate(() -> {
            try (Database db = Database.open(made, Database.Durability.SCRATCH)) {
                db.read(c -> {
                    try (var st = c.createStatement()) {
                        // the copy starts compact: no free pages left by the migrations' table rebuilds
                        st.execute("VACUUM");
                    }
                    return null;
                });
            }
        });
        int version = FileCheck.inspect(made, Database.SCHEMA_VERSION).current() ? Database.SCHEMA_VERSION : -1;
        if (version < 0) {
            throw new IllegalStateException(made + " is not at schema version " + Database.SCHEMA_VERSION
                    + " after migrating: raise Database.SCHEMA_VERSION with the newest migration");
        }
        Files.move(made, dir.resolve(resourceName(version)));
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(made.resolveSibling(made.getFileName() + suffix));
        }
    }
}
