package org.ccnsobot.kernel;

import java.util.Locale;
import org.ccnsobot.i18n.Messages;

/** Refuses input no person types: over-long text and control characters (bidi overrides included). */
public final class InputGuard implements Middleware {
    /** Longer input is refused: no command needs more, and it bounds the work one message can cause. */
    public static final int MAX_INPUT = 2000;
    /** Staff may send more (a long announcement), up to Discord's 6000 characters for a command's options. */
    public static final int STAFF_MAX_INPUT = 6000;

    @Override
    public Result handle(Request request, Next next) throws CommandException {
        var inv = request.invocation();
        String text = inv.isTyped() ? String.join(" ", inv.options().values()) : inv.rawText();
        check(text, request.staff() ? STAFF_MAX_INPUT : MAX_INPUT, request.locale());
        return next.proceed(request);
    }

    /** {@code text} if a person could have typed it; else refused in {@code locale}'s language. */
    public static String check(String text, int max, Locale locale) throws CommandException {
        if (text.length() > max) {
            // numbers as text: ICU would group them ("2,001"), and the refusal has always said 2001
            throw new CommandException(Messages.t(locale, "input.tooLong", String.valueOf(text.length()),
                    String.valueOf(max)));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                throw new CommandException(Messages.t(locale, "input.control", String.valueOf(i + 1)));
            }
        }
        return text;
    }
}
