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

    /**
     * An adapter's own words (a button's label, a card's field name) in {@code locale}'s language: core's bundle entry
     * {@code key} filled with {@code args}, when core has that key and its English pattern is {@code english} (so an
     * adapter and core that disagree show the adapter's English rather than the wrong words); empty otherwise.
     * Patterns are ICU MessageFormat: {@code {0}} for an argument, an apostrophe before one doubled.
     */
    default java.util.Optional<String> wording(String key, String english, java.util.Locale locale, Object... args) {
        return java.util.Optional.empty();
    }

    /**
     * The language core answers {@code actor} in: their own choice, else {@code platformLocale} when core has that
     * language, else the config's. An adapter that words something itself (help in its platform's syntax) asks this.
     */
    default java.util.Locale languageOf(Actor actor, java.util.Locale platformLocale) {
        return java.util.Locale.ENGLISH;
    }

    /** The commands as declared in core, for slash-command registration and help. */
    List<CommandInfo> commands();

    /** Up to {@code limit} suggestions for an option's value that start with or resemble {@code prefix}. */
    List<Choice> complete(String command, String option, String prefix, int limit);

    /**
     * As above, the labels in {@code language} (a committee's translated name) where core has them, else English;
     * the values submitted stay the same in every language.
     */
    default List<Choice> complete(String command, String option, String prefix, int limit, java.util.Locale language) {
        return complete(command, option, prefix, limit);
    }

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
     * The form for typed command {@code request.command()}, pre-filled from {@code request.options()} (an event's
     * {@code id}, an announcement's {@code draft}, or {@link Form#DRAFT} for what an earlier refused submission
     * held). The reply carries a {@link Block.OpenForm} when there is a form to show; otherwise it is a one-line
     * reason (not staff, no such event, no form for that command) to show privately. Nothing changes either way.
     */
    default Reply form(Invocation request) {
        return Reply.personally(OutgoingMessage.text("There is no form for " + request.command() + "."));
    }

    /**
     * A submitted form: runs as the typed command it fills in ({@link Form}), with the same checks. When the
     * command refuses a value, the reply gives the reason and a button that opens the form again with what was
     * typed, so it can be fixed (platforms cannot keep a submitted form open).
     */
    default Reply submit(Invocation filled) {
        return handle(filled);
    }

    /** A completion: the label shown to the user and the value submitted. */
    record Choice(String label, String value) {
    }
}
