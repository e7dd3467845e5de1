package org.ccnsobot.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A form that fills in a typed command's options, for platforms that can show one (a Discord modal, a Slack
 * view). Its submission is an ordinary typed invocation of {@code command}: {@code fixed} (options the form
 * carries without showing, such as the id of the event being edited) plus each field's value by its option name,
 * as typed (core treats a blank value as not given). Core checks the submission as it checks the same typed
 * command, so a form has no rules of its own.
 */
public record Form(String command, String title, List<Field> fields, Map<String, String> fixed) {

    /**
     * Key of the option that, given when a form is asked for, re-opens it with what was typed in an earlier,
     * refused submission (core keeps those values); no command has an option of this name.
     */
    public static final String DRAFT = "_draft";

    public Form {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        fixed = Map.copyOf(fixed);
    }

    /**
     * One text field: the option it fills, its label, a hint shown while it is empty, whether it takes several
     * lines, whether it must be filled, its longest value, and its pre-filled value ("" for none).
     */
    public record Field(String option, String label, String hint, boolean multiline, boolean required, int maxLength,
                        String value) {
        public Field {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(label, "label");
            hint = hint == null ? "" : hint;
            value = value == null ? "" : value;
        }
    }
}
