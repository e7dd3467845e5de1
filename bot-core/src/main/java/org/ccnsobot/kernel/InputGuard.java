package org.ccnsobot.kernel;

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
        check(text, request.staff() ? STAFF_MAX_INPUT : MAX_INPUT);
        return next.proceed(request);
    }

    public static String check(String text, int max) throws CommandException {
        if (text.length() > max) {
            throw new CommandException("That is too long (" + text.length() + " characters; the limit is " + max + ").");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                throw new CommandException("That contains control characters (at position " + (i + 1)
                        + "); please send plain text.");
            }
        }
        return text;
    }
}
