package org.ccnsobot.port;

import java.util.List;

/**
 * What core offers an adapter: the command list (so each platform derives its native form from the one
 * declaration), handling of invocations, and completions for autocomplete.
 */
public interface InboundHandler {

    /** Handles one invocation. Never throws: faults come back as a reply with a reference. */
    Reply handle(Invocation invocation);

    /**
     * Core's words for {@code key} in {@code locale}'s language (command and option descriptions for a platform's
     * command list: {@code cmd.<name>}, {@code cmd.<name>.<option>}), when core has a translation of {@code english}
     * under that key; empty otherwise (the platform shows the English text alone).
     */
    default java.util.Optional<String> translation(String key, String english, java.util.Locale locale) {
        return java.util.Optional.empty();
    }

    /** The commands as declared in core, for slash-command registration and help. */
    List<CommandInfo> commands();

    /** Up to {@code limit} suggestions for an option's value that start with or resemble {@code prefix}. */
    List<Choice> complete(String command, String option, String prefix, int limit);

    /**
     * Whether core counts {@code actor} as staff. An adapter that must fix an answer's visibility before core has
     * answered (Discord's deferral) asks this, so a member's attempt at a staff command is never shown in the
     * channel. Cheap and side-effect free; core still decides on every command.
     */
    default boolean isStaff(Actor actor) {
        return false;
    }

    /**
     * Whether a delivery the platform may repeat (a signed request, an event id) is seen here for the first time;
     * core remembers {@code key} for {@code keep} in the database, so a replay after a restart is recognised too.
     * The adapter keeps its own fast in-memory check in front of this one.
     */
    default boolean firstDelivery(String key, java.time.Duration keep) {
        return true;
    }

    /**
     * The form {@code request.command()} (a form's name: {@code event-add}, {@code event-edit}, {@code event-move},
     * {@code announce}) for {@code request.actor()}, with {@code request.options()} as its context ({@code id} of the
     * event to edit, {@code draft} of the announcement to rewrite). Staff forms are shown to staff only; a member is
     * refused with a one-line reason, as for the command itself.
     */
    default Form.Opening form(Invocation request) {
        return new Form.Opening.Refused("This bot offers no forms.");
    }

    /**
     * Runs a form's submission ({@code invocation}: the form's command with its fixed values and fields as typed
     * options) through the same pipeline as any invocation, and says whether it was done or refused, and for which
     * field. An adapter that cannot keep a form open just shows the reply.
     */
    default Submission submit(Invocation invocation) {
        return new Submission.Done(handle(invocation));
    }

    /** A completion: the label shown to the user and the value submitted. */
    record Choice(String label, String value) {
    }
}
