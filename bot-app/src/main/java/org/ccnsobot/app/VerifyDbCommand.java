package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The checks of a database file (the configured one, or a backup), read-only: one line per check. */
@Command(name = "verify-db", mixinStandardHelpOptions = true,
        description = "Check a database file (default: the configured one): integrity, foreign keys, application id"
                + " and schema; one line per check, exit 1 when any fails. Reads only.")
final class VerifyDbCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The file to check (a backup, say)")
    Path file;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        if (file != null) {
            return runWith(file, System.out);
        }
        return store.withConfig(parent, cfg -> runWith(store.apply(cfg).database(), System.out));
    }

    static int runWith(Path db, PrintStream out) {
        Path abs = db.toAbsolutePath();
        List<Backups.Check> checks = Backups.verify(abs);
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out.println(failed == 0 ? abs + ": all " + checks.size() + " checks passed"
                : abs + ": " + failed + " of " + checks.size() + " checks failed");
        return failed == 0 ? 0 : 1;
    }
}
