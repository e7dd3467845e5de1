package org.ccnsobot.features.committees;

import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo.OptionKind;

/** The committees members look up: the list, and one committee with its sessions and latest updates. */
public final class CommitteeCommands {
    private final CalendarService calendar;
    private final Views views;

    public CommitteeCommands(CalendarService calendar, Views views) {
        this.calendar = calendar;
        this.views = views;
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandSpec("committees", List.of("groups"), "The ccNSO committees and working groups",
                List.of(), List.of("committees"), false, false, (c, a) -> committees(c)));
        specs.add(new CommandSpec("committee", List.of("group"), "A committee: what it does, its sessions and updates",
                List.of(OptionSpec.requiredRest("name", OptionKind.COMMITTEE, "Its acronym or name")),
                List.of("committee GRC", "committee tld-ops"), false, false,
                (c, a) -> views.committee(a.committee("name").orElseThrow(), c.shown(), c.now(), c.locale())));
        return specs;
    }

    private Result committees(CommandContext c) {
        StringBuilder sb = new StringBuilder(c.text("committees.title"));
        List<Block.Field> fields = new ArrayList<>();
        for (Committee k : calendar.committees()) {
            sb.append("\n• ").append(k.acronym()).append(" — ").append(k.name(c.locale()));
            fields.add(new Block.Field(k.acronym(), k.name(c.locale())));
        }
        sb.append('\n').append(c.text("committees.hint"));
        return Result.rich(sb.toString(), List.of(new Block.Heading(c.text("committees.heading")),
                new Block.Fields(fields), new Block.Footnote(c.text("committees.hint"))));
    }
}
