package org.ccnsobot.features.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.ical.IcsException;
import org.ccnsobot.features.ical.IcsExporter;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.features.calendar.EventMessages;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.kernel.Text;

/** {@code audit}: who did what with the staff commands, and what was refused, for staff. */
public final class AuditCommands {
    private final AuditLog audit;

    public AuditCommands(AuditLog audit) {
        this.audit = audit;
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("audit", List.of(), "Who did what with the staff commands, and what was refused",
                List.of(OptionSpec.flag("since", OptionKind.DATE, "From this day (default: the last 7 days)"),
                        OptionSpec.flag("limit", OptionKind.INTEGER, "At most this many entries (default 15)")),
                List.of("audit", "audit --since 2024-03-01"), true, true, this::audit));
        return specs;
    }

    // ---- audit ----

    private Result audit(CommandContext c, Args a) throws CommandException {
        LocalDate since = a.date("since").orElse(LocalDate.ofInstant(c.now(), c.zone()).minusDays(7));
        long limit = a.integer("limit").orElse(15L);
        if (limit < 1 || limit > 500) {
            throw new CommandException(c.text("audit.badLimit"));
        }
        List<AuditLog.Entry> entries = audit.since(since.atStartOfDay(c.zone()).toInstant(), 100_000);
        if (entries.isEmpty()) {
            return Result.text(c.text("audit.none", TimeFormat.day(since, c.locale())));
        }
        List<AuditLog.Entry> shown = entries.subList(Math.max(0, entries.size() - (int) limit), entries.size());
        // counts go in as text beside the number that picks the plural: ICU would group them ("1,000")
        String day = TimeFormat.day(since, c.locale());
        StringBuilder sb = new StringBuilder(shown.size() < entries.size()
                ? c.text("audit.headerShown", day, entries.size(), String.valueOf(shown.size()),
                        String.valueOf(entries.size()), shown.size())
                : c.text("audit.header", day, entries.size(), String.valueOf(entries.size())));
        for (AuditLog.Entry e : shown) {
            sb.append("\n• ").append(TimeFormat.instant(e.at(), c.shown(), c.locale())).append(" — ").append(e.platform()).append(':')
                    .append(e.userId()).append(" — ").append(e.action()).append(" — ").append(e.outcome());
            if (e.detail() != null && !e.detail().isBlank()) {
                sb.append(" — ").append(Text.clip(e.detail().replace('\n', ' ')));
            }
        }
        sb.append('\n').append(c.text("audit.export"));
        return Result.text(sb.toString());
    }

}
