package org.ccnsobot.features.committees;

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
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.kernel.Text;

/** Staff post a committee's status update; its followers are told by the reminders feature. */
public final class UpdateCommands {
    private final CalendarService calendar;

    public UpdateCommands(CalendarService calendar) {
        this.calendar = calendar;
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("update", List.of("post-update"), "Post a committee's status update",
                List.of(OptionSpec.required("committee", OptionKind.COMMITTEE, "The committee's acronym"),
                        OptionSpec.requiredRest("text", OptionKind.TEXT, "The update")),
                List.of("update GRC The review of the ccNSO guidelines is out for comment until 30 April."), true, false,
                this::update));
        return specs;
    }

    // ---- committee updates ----

    private Result update(CommandContext c, Args a) throws CommandException {
        Committee k = a.committee("committee").orElseThrow();
        String text = Text.unquote(a.requireText("text"));
        if (text.isBlank()) {
            throw new CommandException(c.text("update.empty"));
        }
        if (text.length() > 1500) {
            throw new CommandException(c.text("update.tooLong", String.valueOf(text.length())));
        }
        String author = c.invocation().actor().displayName();
        CommitteeUpdate saved = calendar.addUpdate(new CommitteeUpdate(0, k.acronym(), c.now(), author, text));
        return Result.text(c.text("update.posted", k.acronym(), TimeFormat.day(LocalDate.ofInstant(saved.postedAt(),
                c.shown()), c.locale()), text));
    }

}
