package org.ccnsobot.features.forms;

import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Event;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Args;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.OutgoingMessage;

/**
 * {@code forms}: where staff open the forms, as buttons (platforms without forms read the typed commands in the
 * text). Without an event: add an event, write an announcement; with one: edit it, move it.
 */
public final class FormCommands {
    private final CalendarService calendar;

    public FormCommands(CalendarService calendar) {
        this.calendar = calendar;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("forms", List.of(),
                "Staff forms: add, edit or move an event, or write an announcement",
                List.of(OptionSpec.optional("event", OptionKind.EVENT, "The event to edit or move")),
                List.of("forms", "forms icann79-council-meeting"), true, true, this::menu));
    }

    private Result menu(CommandContext c, Args a) throws CommandException {
        if (a.text("event").isEmpty()) {
            String text = c.text("forms.menu") + "\nevent add \"Title\" --date 2024-03-05 --start 10:30 --end 12:00"
                    + " · announce <text>";
            return new Result(OutgoingMessage.of(text, List.of(new Block.Paragraph(text), new Block.Actions(List.of(
                    Block.Action.form(c.text("forms.add"), "event-add", Map.of()),
                    Block.Action.form(c.text("forms.announce"), "announce", Map.of()))))), true);
        }
        String id = a.text("event").get().strip();
        Event e = calendar.event(id).orElseThrow(() -> new CommandException(c.text("admin.noEvent", Text.clip(id))));
        String text = c.text("forms.event", e.title(), e.id()) + "\nevent edit " + e.id() + " --room … · event move "
                + e.id() + " --date … --start …";
        return new Result(OutgoingMessage.of(text, List.of(new Block.Paragraph(text), new Block.Actions(List.of(
                Block.Action.form(c.text("forms.edit"), "event-edit", Map.of("id", e.id())),
                Block.Action.form(c.text("forms.move"), "event-move", Map.of("id", e.id())))))), true);
    }
}
