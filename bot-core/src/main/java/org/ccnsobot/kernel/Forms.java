package org.ccnsobot.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.port.Form;

/**
 * The features' forms by name. Opening one checks what running its command would check first (staff only), so a
 * member never sees a staff form; the form itself validates nothing: its submission is the command's invocation.
 */
public final class Forms {
    private final Map<String, FormSpec> byName = new LinkedHashMap<>();
    private final CommandEngine engine;

    public Forms(List<FormSpec> specs, CommandEngine engine) {
        this.engine = engine;
        for (FormSpec s : specs) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("form '" + s.name() + "' is declared twice");
            }
            if (engine.lookup(s.command()).isEmpty()) {
                throw new IllegalArgumentException("form '" + s.name() + "' runs unknown command " + s.command());
            }
        }
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The form {@code name} for the asker in {@code context}, or why not. */
    public Form.Opening open(String name, CommandContext context, Map<String, String> values) {
        FormSpec spec = byName.get(name);
        if (spec == null) {
            return new Form.Opening.Refused(context.text("form.unknown", Text.shorten(name, 40)));
        }
        Optional<CommandSpec> command = engine.lookup(spec.command());
        if (command.isPresent() && command.get().staffOnly() && !context.staff()) {
            return new Form.Opening.Refused(context.text("form.staffOnly", command.get().name()));
        }
        try {
            return new Form.Opening.Shown(spec.builder().build(context, values));
        } catch (CommandException e) {
            return new Form.Opening.Refused(e.getMessage());
        }
    }
}
