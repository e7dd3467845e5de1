package org.ccnsobot.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A form core offers for a staff command (add, edit or move an event; write an announcement), for platforms with
 * native forms (Slack and Discord modals). Each field is one of the command's options, named as the option, with
 * the value it holds now (an edit is pre-filled from the stored event). Submitting a form runs {@code command} with
 * {@code fixed} plus the fields' values as its typed options, through the same checks as the text command: see
 * {@link InboundHandler#submit}. Fields come most important first, so a platform that shows fewer fields than a form
 * has (Discord shows five) shows the ones that matter.
 *
 * <p>{@code command} is null for a first step that only asks which event ({@code event-edit} without an id): its
 * submission opens the form {@code name} again with the fields' values as its context.
 */
public record Form(String name, String command, String title, String intro, String submitLabel, List<Field> fields,
                   Map<String, String> fixed) {

    public Form {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        fixed = Map.copyOf(fixed);
    }

    /** Whether submitting only leads to the next step (it runs no command). */
    public boolean firstStep() {
        return command == null;
    }

    /**
     * One field. {@code value} pre-fills it (null: empty); {@code hint} says what to write; {@code whenEmpty} is what
     * is submitted when the field is left empty (null: nothing; "-" where the command reads "-" as "none", so a
     * cleared room is removed rather than kept). {@code choices}, for a {@link Kind#CHOICE}, are the values offered.
     */
    public record Field(String name, String label, Kind kind, boolean required, String value, String hint,
                        int maxLength, List<String> choices, String whenEmpty) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
            choices = List.copyOf(choices);
        }
    }

    /** A single line, several lines, or one value of a few. */
    public enum Kind { LINE, PARAGRAPH, CHOICE }

    /** What asking for a form gave: the form, or a one-line reason why not (not staff, no such event). */
    public sealed interface Opening {
        record Shown(Form form) implements Opening {
        }

        record Refused(String reason) implements Opening {
        }
    }
}
