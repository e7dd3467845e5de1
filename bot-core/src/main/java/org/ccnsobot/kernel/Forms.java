package org.ccnsobot.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.OutgoingMessage;

/**
 * The two pipeline steps of staff forms. {@link #maker} ends the chain that answers "show me this form": it runs
 * after the router and the staff gate (so a member is refused as for the command itself) and builds the form,
 * pre-filled, instead of running the command. {@link #keeper} wraps a submission's run of the command: when the
 * command refuses a value, what was typed is kept and the reason comes back with a "Fix it" button that opens the
 * form again with it. Neither checks a value: the command does.
 */
public final class Forms {
    private final Map<String, FormSpec> byCommand = new LinkedHashMap<>();
    private final FormDrafts drafts;
    private final CommandEngine engine;

    public Forms(List<FormSpec> forms, FormDrafts drafts, CommandEngine engine) {
        for (FormSpec f : forms) {
            CommandSpec spec = engine.lookup(f.command()).orElseThrow(() -> new IllegalArgumentException(
                    "a form for " + f.command() + ", which is not a command"));
            for (FormSpec.FieldSpec field : f.fields()) {
                if (spec.options().stream().noneMatch(o -> o.name().equals(field.option()))) {
                    throw new IllegalArgumentException(f.command() + " has no option " + field.option());
                }
            }
            byCommand.put(spec.name(), f);
        }
        this.drafts = drafts;
        this.engine = engine;
    }

    public Optional<FormSpec> of(String command) {
        return engine.lookup(command).map(s -> byCommand.get(s.name()));
    }

    /** The last step of the chain that opens a form. */
    public Middleware maker() {
        return (request, next) -> {
            if (!(request.target() instanceof Target.Command c)) {
                throw new CommandException(Messages.t(request.locale(), "form.none", "that"));
            }
            FormSpec f = byCommand.get(c.spec().name());
            if (f == null) {
                throw new CommandException(Messages.t(request.locale(), "form.none", c.spec().name()));
            }
            Map<String, String> given = c.options();
            FormSpec.Filled filled;
            if (given.containsKey(Form.DRAFT)) {
                var actor = request.invocation().actor();
                filled = drafts.load(actor.platform(), actor.userId(), f.command(), given.get(Form.DRAFT), request.now())
                        .orElseThrow(() -> new CommandException(Messages.t(request.locale(), "form.expired")));
            } else {
                filled = f.prefill().fill(request.context(), given);
            }
            return new Result(open(c.spec(), f, filled, request.locale()), true);
        };
    }

    private static OutgoingMessage open(CommandSpec spec, FormSpec f, FormSpec.Filled filled, Locale locale) {
        List<Form.Field> fields = new ArrayList<>();
        StringBuilder typed = new StringBuilder(spec.name().replaceFirst("-", " "));
        filled.fixed().forEach((k, v) -> typed.append(' ').append(v));
        for (FormSpec.FieldSpec field : f.fields()) {
            OptionSpec o = spec.options().stream().filter(x -> x.name().equals(field.option())).findFirst().orElseThrow();
            String key = "cmd." + spec.name() + "." + o.name();
            String hint = Messages.get().has(key) ? Messages.t(locale, key) : o.description();
            String value = filled.values().getOrDefault(o.name(), "");
            fields.add(new Form.Field(o.name(), Messages.t(locale, "form.field." + o.name()), hint, field.multiline(),
                    field.required(), field.maxLength(), value.length() > field.maxLength()
                    ? value.substring(0, field.maxLength()) : value));
            typed.append(' ').append(o.flag() ? "--" + o.name() + " " : "")
                    .append(value.isEmpty() ? "<" + o.name() + ">" : quoted(value));
        }
        Form form = new Form(spec.name(), Messages.t(locale, "form." + spec.name()), fields, filled.fixed());
        String fallback = Messages.t(locale, "form.fallback", typed.toString());
        return OutgoingMessage.of(fallback, List.of(new Block.Paragraph(fallback), new Block.OpenForm(form)));
    }

    /**
     * In front of the staff gate of the chain that opens forms: a member's attempt is audited as a refused attempt
     * at the command ("form event-add" in its detail). Staff opening a form leaves no row: nothing changed yet, and
     * the submission is audited as the command it runs.
     */
    public static Middleware auditRefusals(AuditTrail.Sink audit) {
        return (request, next) -> {
            try {
                return next.proceed(request);
            } catch (Refusal e) {
                if (request.target() instanceof Target.Command c) {
                    var actor = request.invocation().actor();
                    audit.record(request.now(), actor.platform(), actor.userId(), c.spec().name(), "refused: " + e.reason(),
                            "form " + c.spec().name());
                }
                throw e;
            }
        };
    }

    /** A value as it would be typed: in quotes when it has spaces. */
    private static String quoted(String value) {
        String one = value.replace('\n', ' ');
        return one.chars().anyMatch(Character::isWhitespace) ? "\"" + one.replace('"', '\'') + "\"" : one;
    }

    /** Wraps the run of a submitted form's command (placed right after the fault barrier). */
    public Middleware keeper() {
        return (request, next) -> {
            try {
                return next.proceed(request);
            } catch (Refusal e) {
                throw e;  // not staff: nothing is kept, and nothing is offered to fix
            } catch (CommandException e) {
                var inv = request.invocation();
                Optional<FormSpec> f = inv.isTyped() ? of(inv.command()) : Optional.empty();
                if (f.isEmpty()) {
                    throw e;
                }
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, String> fixed = new LinkedHashMap<>();
                inv.options().forEach((k, v) -> {
                    if (f.get().shows(k)) {
                        values.put(k, v);
                    } else if (!k.equals(Form.DRAFT)) {
                        fixed.put(k, v);
                    }
                });
                String id = drafts.save(inv.actor().platform(), inv.actor().userId(), f.get().command(),
                        new FormSpec.Filled(values, fixed), request.now());
                String reason = e.getMessage();
                return new Result(OutgoingMessage.of(reason, List.of(new Block.Paragraph(reason), new Block.Actions(
                        List.of(Block.Action.form(Messages.t(request.locale(), "form.fix"), f.get().command(),
                                Map.of(Form.DRAFT, id)))))), true, e.option().filter(f.get()::shows));
            }
        };
    }
}
