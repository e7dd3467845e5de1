package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.store.Backups;
import org.ccnsobot.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A consistent copy of the database, safe while the bot runs and writes. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the database to FILE (a consistent snapshot, safe while the bot runs); FILE must not exist.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where the copy goes (must not exist)")
    Path target;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        return store.withConfig(parent, cfg -> runWith(cfg, System.out, System.err));
    }

    int runWith(BotConfig cfg, PrintStream out, PrintStream err) {
        Path db = store.apply(cfg).database().toAbsolutePath();
        long started = System.nanoTime();
        try {
            long bytes = Backups.copy(db, target);
            out.printf("backed up %s to %s (%d KiB in %d ms)%n", db, target.toAbsolutePath(), bytes / 1024,
                    (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
