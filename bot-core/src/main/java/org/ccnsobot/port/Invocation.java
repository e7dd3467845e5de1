package org.ccnsobot.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request from a user. For a typed command (a slash command) {@code command} is set and {@code options}
 * holds its values by option name; for plain words (a mention, a DM, a console line) {@code command} is empty and
 * core reads {@code rawText} itself. {@code locale} is the language the platform says the member uses (Discord's
 * interaction locale, Slack's user locale), or null when it says none; a language the member chose comes first.
 */
public record Invocation(Actor actor, Place place, String command, Map<String, String> options, String rawText,
                         Instant receivedAt, java.util.Locale locale) {

    /** Without a platform locale. */
    public Invocation(Actor actor, Place place, String command, Map<String, String> options, String rawText,
                      Instant receivedAt) {
        this(actor, place, command, options, rawText, receivedAt, null);
    }

    public Invocation {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(place, "place");
        command = command == null ? "" : command;
        options = Map.copyOf(options);
        rawText = rawText == null ? "" : rawText;
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Plain words: a console line, a mention or a DM. */
    public static Invocation text(Actor actor, Place place, String text, Instant receivedAt) {
        return new Invocation(actor, place, "", Map.of(), text, receivedAt);
    }

    /** A typed command with named option values. */
    public static Invocation command(Actor actor, Place place, String command, Map<String, String> options,
                                     Instant receivedAt) {
        return new Invocation(actor, place, command, options, "/" + command, receivedAt);
    }

    /** The same invocation, with the platform's locale for its member. */
    public Invocation withLocale(java.util.Locale platformLocale) {
        return new Invocation(actor, place, command, options, rawText, receivedAt, platformLocale);
    }

    public boolean isTyped() {
        return !command.isEmpty();
    }
}
