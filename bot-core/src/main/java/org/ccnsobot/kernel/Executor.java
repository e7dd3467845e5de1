package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.ZoneId;
/**
 * The end of the chain: binds a command's options (validating and converting each) and runs it, or hands plain
 * words to the questions feature.
 */
public final class Executor implements Middleware {
    private final CommandEngine engine;
    private final Questions questions;

    /** What answers plain words. */
    @FunctionalInterface
    public interface Questions {
        /**
         * {@code zone} reads the question; {@code shown} writes the answer's times; {@code locale} is the asker's
         * language: the answer's, and the one the question is read in when its words leave that open.
         */
        Result answer(String text, ZoneId zone, ZoneId shown, Instant now, java.util.Locale locale)
                throws CommandException;
    }

    public Executor(CommandEngine engine, Questions questions) {
        this.engine = engine;
        this.questions = questions;
    }

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        if (request.target() instanceof Target.Command c) {
            Args args = c.typed() ? engine.bind(c.spec(), c.options(), request.today(), request.locale())
                    : engine.bindText(c.spec(), c.argText(), request.today(), request.locale());
            Result r = c.spec().handler().run(request.context(), args);
            return c.spec().personal() ? r.asPersonal() : r;
        }
        if (request.target() instanceof Target.Question q) {
            try {
                return questions.answer(q.text(), request.zone(), request.shownZone(), request.now(), request.locale());
            } catch (CommandException e) {
                // "/something" was meant as a command: say so, rather than that the calendar has no "something".
                if (q.slash()) {
                    throw Router.unknown(engine, q.firstWord(), org.ccnsobot.i18n.Messages.t(request.locale(),
                            "error.unknownCommand", Text.shorten(q.firstWord(), 40)), request.locale());
                }
                throw e;
            }
        }
        throw new IllegalStateException("the pipeline has no router in front of its executor");
    }
}
