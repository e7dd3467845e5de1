package org.ccnsobot.kernel;

import java.util.Map;
/** What a request turned out to ask for, once routed: a declared command, or a question in plain words. */
public sealed interface Target {

    /** Not routed yet. */
    record Unrouted() implements Target {
    }

    /** A command with its arguments, as text after the name or as a platform's typed options. */
    record Command(CommandSpec spec, String argText, Map<String, String> options, boolean typed) implements Target {
        public Command {
            argText = argText == null ? "" : argText;
            options = Map.copyOf(options);
        }

        static Command text(CommandSpec spec, String argText) {
            return new Command(spec, argText, Map.of(), false);
        }

        static Command typed(CommandSpec spec, Map<String, String> options) {
            return new Command(spec, "", options, true);
        }
    }

    /** Plain words for the questions feature; {@code slash} when they were typed as "/something". */
    record Question(String text, String firstWord, boolean slash) implements Target {
    }
}
