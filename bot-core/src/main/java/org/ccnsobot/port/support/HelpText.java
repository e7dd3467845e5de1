package org.ccnsobot.port.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.OutgoingMessage;

/**
 * Help derived from core's command declarations, so a platform's list is never written twice. A platform gives
 * only how a command is typed there ({@code prefix}: "/ccnso " on Slack's one slash command, "/" where each
 * command is its own) and a closing hint.
 */
public final class HelpText {
    private final String prefix;
    private final String hint;

    /**
     * @param prefix what comes before a command's name when typed ("/ccnso ", "/")
     * @param hint   the footnote closing the overview (how to get details, how to ask in plain words)
     */
    public HelpText(String prefix, String hint) {
        this.prefix = prefix;
        this.hint = hint;
    }

    /** All commands, members' first, then the staff-only ones. */
    public OutgoingMessage overview(List<CommandInfo> commands) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading("ccNSO bot commands"));
        StringBuilder members = new StringBuilder();
        StringBuilder staff = new StringBuilder();
        StringBuilder fallback = new StringBuilder("ccNSO bot commands:");
        for (CommandInfo c : commands) {
            String line = usage(c) + " - " + c.summary();
            StringBuilder target = c.staffOnly() ? staff : members;
            target.append(target.isEmpty() ? "" : "\n").append(line);
            fallback.append('\n').append(line);
        }
        if (!members.isEmpty()) {
            blocks.add(new Block.Paragraph(members.toString()));
        }
        if (!staff.isEmpty()) {
            blocks.add(new Block.Paragraph("Staff only:\n" + staff));
        }
        if (hint != null && !hint.isBlank()) {
            blocks.add(new Block.Footnote(hint));
        }
        return OutgoingMessage.of(fallback.toString(), blocks);
    }

    /** One command in full, found by name or alias (any case); empty when there is none such. */
    public Optional<OutgoingMessage> details(List<CommandInfo> commands, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return commands.stream()
                .filter(c -> c.name().equalsIgnoreCase(wanted) || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)))
                .findFirst()
                .map(this::details);
    }

    private OutgoingMessage details(CommandInfo c) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(prefix + c.name()));
        blocks.add(new Block.Paragraph(usage(c) + "\n" + c.summary() + (c.staffOnly() ? "\n(staff only)" : "")));
        List<Block.Field> fields = new ArrayList<>();
        for (CommandInfo.OptionInfo o : c.options()) {
            fields.add(new Block.Field(o.name() + (o.required() ? "" : " (optional)"),
                    o.description() + (o.choices().isEmpty() ? "" : " - one of " + String.join(", ", o.choices()))));
        }
        if (!fields.isEmpty()) {
            blocks.add(new Block.Fields(fields));
        }
        if (!c.aliases().isEmpty()) {
            blocks.add(new Block.Footnote("Also: " + String.join(", ", c.aliases())));
        }
        if (!c.examples().isEmpty()) {
            blocks.add(new Block.Paragraph("Examples:\n" + String.join("\n",
                    c.examples().stream().map(e -> e.startsWith("/") ? e : prefix + e).toList())));
        }
        return OutgoingMessage.of(usage(c) + " - " + c.summary(), blocks);
    }

    /** {@code /ccnso when <query...> [days]}: required options in angle brackets, optional ones in square. */
    public String usage(CommandInfo c) {
        StringBuilder sb = new StringBuilder(prefix).append(c.name());
        for (CommandInfo.OptionInfo o : c.options()) {
            String word = o.name() + (o.rest() ? "..." : "");
            sb.append(' ').append(o.required() ? "<" + word + ">" : "[" + word + "]");
        }
        return sb.toString();
    }
}
