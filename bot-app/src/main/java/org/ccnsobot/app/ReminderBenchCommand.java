package org.ccnsobot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccnsobot.outbox.OutboxBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Figures for the outbox: finding due rows at 1k, 10k and 100k pending, and firing lateness. */
@Command(name = "bench-reminders", mixinStandardHelpOptions = true,
        description = "Benchmark the outbox: next-due lookups and claims at 1k/10k/100k pending jobs, and"
                + " firing lateness (median, p99) on the system clock. Prints figures; asserts nothing.")
final class ReminderBenchCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where the benchmark's SQLite files go (default: a temp dir)")
    Path dir;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "Pending-row counts (default: 1000,10000,100000)")
    int[] sizes = {1_000, 10_000, 100_000};

    @Option(names = "--firings", paramLabel = "N", description = "Firings timed for lateness (default: 200)")
    int firings = 200;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("ccnso-bench-reminders");
        OutboxBench.run(work, sizes, firings, System.out);
        return 0;
    }
}
