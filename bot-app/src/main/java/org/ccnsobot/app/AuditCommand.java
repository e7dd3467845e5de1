package org.ccnsobot.app;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.audit.AuditCsv;
import org.ccnsobot.features.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The audit log as CSV: to a file with --export, else to standard output. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log (staff actions and refused attempts) as CSV, or write it to a file.")
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the CSV here")
    Path export;

    @Option(names = "--since", paramLabel = "DATE", description = "Only entries from this day (UTC), e.g. 2024-03-01")
    String since;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        return store.withConfig(parent, cfg -> runWith(cfg, System.out, System.err));
    }

    int runWith(BotConfig cfg, PrintStream out, PrintStream err) {
        cfg = store.apply(cfg);
        Instant from = Instant.EPOCH;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e) {
                err.println("error: --since '" + since + "' is not a date like 2024-03-01");
                return 1;
            }
        }
        Instant since = from;
        return Wiring.withTool(cfg, Clock.systemUTC(), err, export, bot -> {
            List<AuditLog.Entry> entries = new AuditLog(bot.database()).since(since, Integer.MAX_VALUE);
            if (export == null) {
                StringBuilder sb = new StringBuilder();
                AuditCsv.write(entries, sb);
                out.print(sb);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                    AuditCsv.write(entries, w);
                }
                err.println("wrote " + entries.size() + " audit entries to " + export);
            }
            return 0;
        });
    }
}
