package org.ccnsobot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.features.calendar.Views;
import org.ccnsobot.features.questions.Corpus;
import org.ccnsobot.features.questions.Question;
import org.ccnsobot.features.questions.Questions;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary text through the understanding layer and the answers of plain-words questions, at moments and in zones
 * of every kind: reading never fails, a span is never empty or reversed, and the answer is either a reply or a
 * one-line refusal; bad input (only stop words, punctuation, emoji, 30-digit numbers, impossible dates, very long
 * questions) gets one line and nothing else. {@link #fuzzQuestion} runs its stored inputs in {@code mvn verify}
 * (5 s of fuzzing with JAZZER_FUZZ=1); {@link #mutatedCorpusQuestions()} sweeps mutations of the whole question
 * corpus with a fixed seed on every build.
 */
class QuestionFuzzTest {
    private static final Bot BOT = BotFixture.forJvm("fuzz-questions").bot();
    private static final Questions QUESTIONS = new Questions(BOT.calendar(), new Views(BOT.calendar()));
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/Puerto_Rico"));
    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00Z");
    private static final AtomicInteger EXECUTED = new AtomicInteger();

    @FuzzTest(maxDuration = "5s")
    void fuzzQuestion(byte[] data) {
        int shift = data.length == 0 ? 0 : data[0];
        check(new String(data, StandardCharsets.UTF_8), BASE.plusSeconds(shift * 86_400L),
                ZONES.get(Math.floorMod(shift, ZONES.size())));
    }

    /** Returns the answer's text (a refusal's message for a CommandException). */
    static String check(String text, Instant now, ZoneId zone) {
        EXECUTED.incrementAndGet();
        Question q = QUESTIONS.read(text, zone, now);
        assertThat(q).isNotNull();
        assertThat(q.about()).isNotNull();
        if (q.span() != null) {
            assertThat(q.span().from()).as("span of '%s'", text).isBefore(q.span().to());
            assertThat(q.span().label()).isNotBlank();
        }
        if (q.problem() != null) {
            assertThat(q.problem()).doesNotContain("\n").isNotBlank();
        }
        try {
            Result r = QUESTIONS.answer(text, zone, now);
            assertThat(r.message().fallbackText()).as("answer to '%s'", text).isNotBlank();
            return r.message().fallbackText();
        } catch (CommandException e) {
            assertThat(e.getMessage()).as("refusal of '%s'", text).isNotBlank().doesNotContain("\n");
            return e.getMessage();
        }
    }

    @Test
    void badInputGetsOneLine() {
        Instant now = Instant.parse("2024-02-10T12:00:00Z");
        ZoneId utc = ZoneId.of("UTC");
        for (String bad : List.of("when is the council meeting ".repeat(72), "the of and is are", "?!?!... ,,,",
                "\uD83D\uDE00\uD83C\uDF89\uD83D\uDCC5", "123456789012345678901234567890", "31 February",
                "what's on 31 february 2024", "the year 99999", "2024-02-30", "", "   ", "\u0000\u0001",
                "9999-99-99", "icann 123456", "on the 99th of march")) {
            String answer = check(bad, now, utc);
            assertThat(answer.lines().count()).as("lines answering '%s': %s", bad, answer).isLessThanOrEqualTo(1);
        }
        assertThat(check("когда заседание совета 理事会", now, utc)).isNotBlank();
    }

    @Test
    void mutatedCorpusQuestions() {
        Random random = new Random(20240303);
        String alphabet = " '\u2019-?!.,:#&/0123456789aeioustrnlcdmhy\u00e9\u6f22\uD83D\uDE00";
        // English first, so its mutations are the ones they always were; then the French and Spanish questions
        for (Corpus.Case c : Corpus.LANGUAGES.stream().flatMap(l -> Corpus.load(l).stream()).toList()) {
            StringBuilder sb = new StringBuilder(c.question());
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    case 2 -> {
                        if (at + 1 < sb.length()) {
                            char ch = sb.charAt(at);
                            sb.setCharAt(at, sb.charAt(at + 1));
                            sb.setCharAt(at + 1, ch);
                        }
                    }
                    default -> sb.insert(at, " " + random.nextInt(100_000) + " ");
                }
            }
            Instant now = c.at().plusSeconds(random.nextInt(40 * 86_400) - 20L * 86_400);
            check(sb.toString(), now, ZONES.get(random.nextInt(ZONES.size())));
            check(c.question(), now, c.zone());
        }
    }

    @AfterAll
    static void someInputsRan() {
        assertThat(EXECUTED.get()).as("inputs executed").isGreaterThan(0);
    }
}
