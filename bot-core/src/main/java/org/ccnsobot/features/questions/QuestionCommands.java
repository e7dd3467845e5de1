package org.ccnsobot.features.questions;

import java.util.List;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.port.CommandInfo.OptionKind;

/** {@code when <words>}: a question in plain words, as a command. */
public final class QuestionCommands {
    private final Questions questions;

    public QuestionCommands(Questions questions) {
        this.questions = questions;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("when", List.of("find", "search"), "Ask in plain words when something is",
                List.of(OptionSpec.requiredRest("question", OptionKind.TEXT, "What you are looking for")),
                List.of("when council", "when is tech day", "find fragmentation"), false, false,
                (c, a) -> questions.answerFor(asked(c.invocation().command(), c.invocation().rawText(),
                        a.requireText("question")), c.zone(), c.shown(), c.now(), c.locale())));
    }

    /** "when is tech day" keeps its "when": the word says the question is about a time. */
    static String asked(String command, String raw, String question) {
        boolean when = "when".equals(command) || raw != null && raw.strip().replaceFirst("^/", "").toLowerCase(
                java.util.Locale.ROOT).startsWith("when");
        return when ? "when " + question : question;
    }
}
