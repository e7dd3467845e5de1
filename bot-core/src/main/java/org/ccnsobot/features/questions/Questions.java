package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.ZoneId;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.Result;

/**
 * Answers plain-word questions: "when is the next council meeting?", "what's on sunday at icann79", "any council
 * meeting in april?", "grc". The {@link Understanding} reads what is asked, about what and when; the answer is the
 * next match with at most three more, a day's or a range's list, a yes or no, or what the calendar holds instead.
 */
public final class Questions {
    private final Understanding understanding;
    private final Answers answers;

    /**
     * Loads the word tools every question goes through (ICU's transliterator and locale data behind the folding
     * and the French and Spanish lexicons), for a process about to answer its first question; see the app's
     * warm-up. Building them is over half a second of a first answer otherwise.
     */
    public static void preload() {
        Lexicon.detect("¿Cuándo es la réunion?");
    }

    public Questions(CalendarService calendar, Views views) {
        this.understanding = Understanding.of(calendar);
        this.answers = new Answers(calendar, views);
    }

    /** What the question asks, as read (for tests, the fuzzer and the score command). */
    public Question read(String text, ZoneId zone, Instant now) {
        return understanding.read(text, zone, now);
    }

    /** What the question asks, read in {@code language} (null: the language it is written in). */
    public Question read(String text, ZoneId zone, Instant now, java.util.Locale language) {
        return understanding.read(text, zone, now, language);
    }

    /** The answer for the asker alone: times in the zone the question is read in. */
    public Result answer(String text, ZoneId zone, Instant now) throws CommandException {
        return answer(text, zone, zone, now);
    }

    /** Reads the question in {@code zone} (the asker's) and writes the answer's times in {@code shown}. */
    public Result answer(String text, ZoneId zone, ZoneId shown, Instant now) throws CommandException {
        return answer(text, zone, shown, now, null);
    }

    /** As {@link #answer(String, ZoneId, ZoneId, Instant)}, reading the question in {@code language} when given. */
    public Result answer(String text, ZoneId zone, ZoneId shown, Instant now, java.util.Locale language)
            throws CommandException {
        return answers.answer(understanding.read(text, zone, now, language), text, zone, shown, now);
    }

    /**
     * A member's question: read in the language it is written in, the member's own ({@code member}) deciding when
     * the words do not (a question with no English, French or Spanish marker, or as many of each); the answer is
     * written in the member's language.
     */
    public Result answerFor(String text, ZoneId zone, ZoneId shown, Instant now, java.util.Locale member)
            throws CommandException {
        return answers.answer(understanding.readPreferring(text, zone, now, member), text, zone, shown, now, member);
    }
}
