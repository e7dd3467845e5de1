package org.ccnsobot.kernel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A staff form, declared beside the command it fills in (as a {@link CommandSpec} is): which of the command's
 * options it shows, in order, and how it is pre-filled from what the opener gives (an event's id: its stored
 * values). A submission is the typed command itself, so the form adds no rule of its own. Titles and labels come
 * from the bundles: {@code form.<command>} and {@code form.field.<option>}; a field's hint is its option's
 * description.
 */
public record FormSpec(String command, List<FieldSpec> fields, Prefill prefill) {

    public FormSpec {
        Objects.requireNonNull(command, "command");
        fields = List.copyOf(fields);
        Objects.requireNonNull(prefill, "prefill");
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException(command + ": a form has 1 to " + MAX_FIELDS + " fields");
        }
    }

    /** Discord shows at most five fields in a modal; a form is held to that everywhere, so it reads the same. */
    public static final int MAX_FIELDS = 5;

    /** A form that starts empty. */
    public static FormSpec blank(String command, List<FieldSpec> fields) {
        return new FormSpec(command, fields, (c, given) -> Filled.EMPTY);
    }

    public boolean shows(String option) {
        return fields.stream().anyMatch(f -> f.option().equals(option));
    }

    /** One field: the option it fills, whether it takes several lines, must be filled, and its longest value. */
    public record FieldSpec(String option, boolean multiline, boolean required, int maxLength) {
        public static FieldSpec line(String option) {
            return new FieldSpec(option, false, false, 200);
        }

        public static FieldSpec requiredLine(String option) {
            return new FieldSpec(option, false, true, 200);
        }

        public static FieldSpec lines(String option, boolean required) {
            return new FieldSpec(option, true, required, 4000);
        }
    }

    /** How a form is pre-filled from what its opener gives; a mistake (no such event) is a one-line reason. */
    @FunctionalInterface
    public interface Prefill {
        Filled fill(CommandContext context, Map<String, String> given) throws CommandException;
    }

    /** The values shown in the fields, and the options carried without being shown (the event's id). */
    public record Filled(Map<String, String> values, Map<String, String> fixed) {
        public static final Filled EMPTY = new Filled(Map.of(), Map.of());

        public Filled {
            values = Map.copyOf(values);
            fixed = Map.copyOf(fixed);
        }
    }
}
