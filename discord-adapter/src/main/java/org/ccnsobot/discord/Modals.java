package org.ccnsobot.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.support.Truncation;

/**
 * Core's staff forms as Discord modals. A button that opens one carries the command and what pre-fills it
 * ({@code form:event-edit|id=council-202}); the modal carries the command and the options it fills in unseen
 * ({@code mf:event-edit|id=council-202}), and each text input is named after its option, so a submission becomes
 * the typed command again, after a restart too. Discord's own bounds (45-character titles and labels, five fields,
 * 4,000-character values, 100-character ids) are kept here.
 */
final class Modals {
    static final String OPEN = "form:";
    static final String SUBMIT = "mf:";
    static final int TITLE_MAX = 45;
    static final int LABEL_MAX = 45;
    static final int HINT_MAX = 100;
    static final int VALUE_MAX = 4000;

    /** What a form button or a modal carries: the command and its options. */
    record Target(String command, Map<String, String> options) {
    }

    private Modals() {
    }

    /** The custom id of a button that opens {@code command}'s form pre-filled from {@code options}. */
    static Optional<String> openId(String command, Map<String, String> options) {
        return Pager.carry(OPEN, command, options);
    }

    static Optional<Target> parseOpen(String customId) {
        return parse(OPEN, customId);
    }

    static Optional<Target> parseSubmit(String customId) {
        return parse(SUBMIT, customId);
    }

    private static Optional<Target> parse(String prefix, String customId) {
        if (customId == null || !customId.startsWith(prefix)) {
            return Optional.empty();
        }
        return Pager.parse(Pager.PREFIX + "0|" + customId.substring(prefix.length()))
                .map(t -> new Target(t.command(), t.options()));
    }

    /** The form in a reply to {@code form()}, if core gave one. */
    static Optional<Form> form(OutgoingMessage message) {
        return message.blocks().stream().filter(b -> b instanceof Block.OpenForm).map(b -> ((Block.OpenForm) b).form())
                .findFirst();
    }

    /** The modal for {@code form}, or empty when its command and hidden options do not fit a custom id. */
    static Optional<Modal> modal(Form form) {
        Optional<String> id = Pager.carry(SUBMIT, form.command(), form.fixed());
        if (id.isEmpty() || form.fields().isEmpty()) {
            return Optional.empty();
        }
        List<Label> labels = new ArrayList<>();
        for (Form.Field f : form.fields().subList(0, Math.min(form.fields().size(), Modal.MAX_COMPONENTS))) {
            int max = Math.max(1, Math.min(f.maxLength(), VALUE_MAX));
            TextInput.Builder input = TextInput.create(f.option(), f.multiline() ? TextInputStyle.PARAGRAPH
                    : TextInputStyle.SHORT).setRequired(f.required()).setMaxLength(max);
            if (!f.value().isEmpty()) {
                input.setValue(f.value().length() > max ? f.value().substring(0, max) : f.value());
            }
            if (!f.hint().isBlank()) {
                input.setPlaceholder(Truncation.cut(f.hint(), HINT_MAX));
            }
            labels.add(Label.of(Truncation.cut(f.label(), LABEL_MAX), input.build()));
        }
        return Optional.of(Modal.create(id.get(), Truncation.cut(form.title(), TITLE_MAX)).addComponents(labels).build());
    }

    /** A submission's options: the modal's hidden ones, then each field's value as typed. */
    static Map<String, String> options(Target modal, List<ModalMapping> values) {
        Map<String, String> out = new LinkedHashMap<>(modal.options());
        for (ModalMapping m : values) {
            if (m.getCustomId() != null && !out.containsKey(m.getCustomId())) {
                out.put(m.getCustomId(), m.getAsString() == null ? "" : m.getAsString());
            }
        }
        return out;
    }
}
