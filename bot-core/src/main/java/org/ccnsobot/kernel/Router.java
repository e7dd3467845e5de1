package org.ccnsobot.kernel;

import java.util.List;
import org.ccnsobot.i18n.Messages;
import java.util.function.Predicate;
import java.util.stream.Stream;
/**
 * Decides what a request asks for. A typed invocation (slash command, button) names its command; plain words
 * (a console line, a mention, a DM) are a command when they start with one ("event add …" is event-add) and a
 * question otherwise. A lone word that is a typo of a command, and names nothing in the calendar, gets the
 * closest commands instead of a search.
 */
public final class Router implements Middleware {
    private final CommandEngine engine;
    private final Predicate<String> namesSomething;

    /** {@code namesSomething}: whether a word names a committee, meeting or the like (so it is not a typo). */
    public Router(CommandEngine engine, Predicate<String> namesSomething) {
        this.engine = engine;
        this.namesSomething = namesSomething;
    }

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        var inv = request.invocation();
        if (inv.isTyped()) {
            CommandSpec spec = engine.lookup(inv.command()).orElseThrow(() -> unknown(engine, inv.command(),
                    Messages.t(request.locale(), "error.noLongerExists", Text.shorten(inv.command(), 40)),
                    request.locale()));
            return next.proceed(request.routed(Target.Command.typed(spec, inv.options())));
        }
        String text = inv.rawText().strip();
        boolean slash = text.startsWith("/");
        String body = slash ? text.substring(1).strip() : text;
        if (body.isEmpty()) {
            throw new CommandException(Messages.t(request.locale(), "error.nothingToDo"));
        }
        String[] parts = body.split("\\s+", 2);
        if (parts[0].startsWith("--") && parts[0].length() > 2) {
            // the second line of a command pasted over two lines: never run it as a search
            throw new CommandException(Messages.t(request.locale(), "router.optionFirst", Text.shorten(parts[0], 30)));
        }
        if (parts.length > 1) {
            // two-word commands: "event add ..." is event-add, as typed platforms show it
            String[] sub = parts[1].split("\\s+", 2);
            if (engine.lookup(parts[0] + "-" + sub[0]).isPresent()) {
                parts = new String[] {parts[0] + "-" + sub[0], sub.length > 1 ? sub[1] : ""};
            }
        }
        var spec = engine.lookup(parts[0]);
        if (spec.isPresent()) {
            return next.proceed(request.routed(Target.Command.text(spec.get(), parts.length > 1 ? parts[1] : "")));
        }
        if (parts.length == 1 && looksLikeACommand(parts[0])) {
            throw unknown(engine, parts[0], Messages.t(request.locale(), "error.unknownCommand",
                    Text.shorten(parts[0], 40)), request.locale());
        }
        return next.proceed(request.routed(new Target.Question(body, parts[0], slash)));
    }

    private boolean looksLikeACommand(String word) {
        if (namesSomething.test(word)) {
            return false;
        }
        String w = Text.normalize(word);
        int tol = Math.max(1, Text.tolerance(w.length()));
        return engine.specs().stream().flatMap(s -> Stream.concat(Stream.of(s.name()), s.aliases().stream()))
                .anyMatch(n -> Text.distance(w, n, tol) <= tol);
    }

    /** "Unknown command 'x'; did you mean …?" with the closest names, or a pointer to help. */
    public static CommandException unknown(CommandEngine engine, String word, String lead) {
        return unknown(engine, word, lead, java.util.Locale.ENGLISH);
    }

    /** As above, in {@code locale}'s words ({@code lead} is already in them). */
    public static CommandException unknown(CommandEngine engine, String word, String lead, java.util.Locale locale) {
        List<String> close = engine.suggest(word, 3);
        return new CommandException(close.isEmpty() ? Messages.t(locale, "error.typeHelp", lead)
                : Messages.t(locale, "error.didYouMean", lead, String.join(", ", close)));
    }
}
