package org.ccnsobot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.OutgoingMessage;

/**
 * {@code /ccnso help} in Slack's own syntax, derived from core's command declarations: Slack has one slash command
 * with text arguments, so the usage lines differ from Discord's, but the list is never written twice.
 */
final class SlackHelp {
    static final String SLASH = "/ccnso";

    private SlackHelp() {
    }

    static OutgoingMessage overview(List<CommandInfo> commands) {
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
        blocks.add(new Block.Footnote("Type " + SLASH + " help <command> for details, or mention the bot and ask "
                + "in plain words, e.g. \"when is the Council meeting?\""));
        return OutgoingMessage.of(fallback.toString(), blocks);
    }

    static Optional<OutgoingMessage> details(List<CommandInfo> commands, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return commands.stream()
                .filter(c -> c.name().equalsIgnoreCase(wanted) || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)))
                .findFirst()
                .map(c -> {
                    List<Block> blocks = new ArrayList<>();
                    blocks.add(new Block.Heading(SLASH + " " + c.name()));
                    blocks.add(new Block.Paragraph(usage(c) + "\n" + c.summary()
                            + (c.staffOnly() ? "\n(staff only)" : "")));
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
                                c.examples().stream().map(e -> e.startsWith("/") ? e : SLASH + " " + e).toList())));
                    }
                    return OutgoingMessage.of(usage(c) + " - " + c.summary(), blocks);
                });
    }

    static String usage(CommandInfo c) {
        StringBuilder sb = new StringBuilder(SLASH).append(' ').append(c.name());
        for (CommandInfo.OptionInfo o : c.options()) {
            String word = o.name() + (o.rest() ? "..." : "");
            sb.append(' ').append(o.required() ? "<" + word + ">" : "[" + word + "]");
        }
        return sb.toString();
    }
}
