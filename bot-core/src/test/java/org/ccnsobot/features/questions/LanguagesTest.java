package org.ccnsobot.features.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** French and Spanish questions: the language each is read in, and what the reader takes from them. */
class LanguagesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2024-02-10T12:00:00Z");

    @TempDir
    Path dir;

    private Bot bot;
    private Understanding reader;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(NOW));
        reader = Understanding.of(bot.calendar());
    }

    @AfterEach
    void close() throws Exception {
        bot.close();
    }

    @Test
    void everyEnglishCorpusQuestionIsReadAsEnglishSoItsReadingIsUnchanged() {
        List<String> misread = Corpus.load("en").stream().map(Corpus.Case::question)
                .filter(q -> Lexicon.detect(q) != Language.EN).toList();
        assertThat(misread).isEmpty();
    }

    @Test
    void frenchAndSpanishCorpusQuestionsAreReadInTheirLanguage() {
        // language-neutral questions ("tld-ops", "???") read as English, which is as right; the rest must not
        for (String lang : List.of("fr", "es")) {
            Language expected = lang.equals("fr") ? Language.FR : Language.ES;
            List<String> misread = Corpus.load(lang).stream().filter(c -> !c.questionClass().equals("bad-input"))
                    .map(Corpus.Case::question).filter(q -> Lexicon.detect(q) != expected
                            && !Lexicon.detect(q).equals(Language.EN) && !q.equals("comité GRC")).toList();
            assertThat(misread).as(lang).isEmpty();
            long english = Corpus.load(lang).stream().filter(c -> !c.questionClass().equals("bad-input"))
                    .filter(c -> Lexicon.detect(c.question()) == Language.EN).count();
            assertThat(english).as(lang + " questions read as English").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void accentsAreOptionalAndTheQuestionReadsAlike() {
        assertThat(reader.read("qu'y a-t-il le 15 février ?", UTC, NOW))
                .isEqualTo(reader.read("qu'y a-t-il le 15 fevrier", UTC, NOW));
        assertThat(reader.read("¿cuándo es la próxima reunión del Consejo?", UTC, NOW))
                .isEqualTo(reader.read("cuando es la proxima reunion del consejo", UTC, NOW));
        assertThat(reader.read("que hay el miércoles en ICANN79", UTC, NOW))
                .isEqualTo(reader.read("que hay el miercoles en ICANN79", UTC, NOW));
    }

    @Test
    void frenchReadsCommitteeMeetingDayAndCouncilNumber() {
        Question q = reader.read("qu'y a-t-il samedi à l'ICANN79 ?", UTC, NOW);
        assertThat(q.about().meeting().code()).isEqualTo("ICANN79");
        assertThat(q.span().from()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(q.intent()).isEqualTo(Question.Intent.WHAT_ON);

        Question grc = reader.read("quand se réunit le GRC ?", UTC, NOW);
        assertThat(grc.about().committee().acronym()).isEqualTo("GRC");
        assertThat(grc.intent()).isEqualTo(Question.Intent.WHEN);

        Question n = reader.read("la 203e réunion du Conseil", UTC, NOW);
        assertThat(n.about().committee().acronym()).isEqualTo("Council");
        assertThat(n.about().number()).isEqualTo("203");

        Question week = reader.read("quoi de prévu la semaine prochaine ?", UTC, NOW);
        assertThat(week.span().from()).isEqualTo(LocalDate.of(2024, 2, 12)); // Monday after Saturday 10 February
        assertThat(week.span().to()).isEqualTo(LocalDate.of(2024, 2, 19));
    }

    @Test
    void spanishReadsNextCouncilMeetingSundayAndTyposOfItsOwnWords() {
        Question next = reader.read("¿cuándo es la próxima reunión del Consejo?", UTC, NOW);
        assertThat(next.next()).isTrue();
        assertThat(next.about().committee().acronym()).isEqualTo("Council");
        assertThat(next.intent()).isEqualTo(Question.Intent.WHEN);

        Question sunday = reader.read("que hay el domingo", UTC, NOW);
        assertThat(sunday.span().from()).isEqualTo(LocalDate.of(2024, 2, 11));

        Question typos = reader.read("cuadno es la proxima reuinon del conesjo", UTC, NOW);
        assertThat(typos.intent()).isEqualTo(Question.Intent.WHEN);
        assertThat(typos.next()).isTrue();
        assertThat(typos.about().committee().acronym()).isEqualTo("Council");

        Question month = reader.read("reuniones del Consejo en mayo?", UTC, NOW);
        assertThat(month.span().from()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(month.intent()).isEqualTo(Question.Intent.IS_THERE);
    }

    @Test
    void monthAndWeekdayNamesComeFromTheLocaleDataWithAbbreviationsAfterADay() {
        assertThat(reader.read("le 20 févr.", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(reader.read("el 20 de feb.", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(reader.read("le 14/02", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(reader.read("jeudi prochain", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(reader.read("el jueves que viene", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(reader.read("el 3 de setiembre de 2024", UTC, NOW).span().from()).isEqualTo(LocalDate.of(2024, 9, 3));
    }

    @Test
    void aHintDecidesTheLanguageAndAnUnknownOneFallsBackToDetection() {
        // "mar" is Tuesday's abbreviation and the sea in Spanish, March in English's "mar 5": the hint decides
        Question english = reader.read("mar 5", UTC, NOW, Locale.ENGLISH);
        assertThat(english.span().from()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(reader.read("conseil", UTC, NOW, Locale.FRENCH).about().committee().acronym())
                .isEqualTo("Council");
        assertThat(reader.read("consejo", UTC, NOW, Locale.GERMAN).about().committee().acronym())
                .isEqualTo("Council");
        assertThat(reader.read("when is the council meeting", UTC, NOW, Locale.forLanguageTag("es-419")))
                .isNotNull();
    }

    @Test
    void wordsTheCalendarHoldsAreNeverReadAsTyposOfTheLexiconsWords() {
        Lexicon fr = Lexicon.of(Language.FR);
        assertThat(fr.english("le consiel", w -> false)).containsExactly("council");
        assertThat(fr.english("le consiel", w -> w.equals("consiel"))).containsExactly("consiel");
        assertThat(reader.read("la sesion sur la fragmentaion", UTC, NOW).about().words()).contains("fragmentation");
    }

    @Test
    void theKindOfAGroupGoesAfterItsNameAndSpelledLettersStayAnAcronym() {
        Lexicon es = Lexicon.of(Language.ES);
        assertThat(es.english("el comité TLD OPS", w -> false)).containsExactly("tld", "ops", "committee");
        assertThat(es.english("el grupo de trabajo ccPDP4", w -> false)).containsExactly("ccpdp4", "working", "group");
        assertThat(es.english("cuándo se reúne el D A S C", w -> false)).containsExactly("when", "meet", "d", "a",
                "s", "c");
    }

    /**
     * The hand-written elision step reads as the regular expression it replaced ({@code \\b[ld]['’]} dropped, other
     * apostrophes spaces) on every corpus question and on the edges: a start, a capital, "qu'", an apostrophe
     * after a word ("GRC's"), two in a row.
     */
    @Test
    void elisionsAreUndoneAsTheRegularExpressionDid() {
        java.util.regex.Pattern elided = java.util.regex.Pattern.compile("(?i)\\b[ld]['\u2019]");
        List<String> questions = new java.util.ArrayList<>(List.of("l'IGLC", "L'ICANN79 d'Internet", "qu'y a-t-il",
                "the GRC's workshop", "wld'x", "''", "l''a", "d\u2019Internet", "é'l'x", "_l'x", "9d'x", "'l'"));
        for (String lang : List.of("en", "fr", "es")) {
            Corpus.load(lang).forEach(c -> questions.add(c.question()));
        }
        for (String q : questions) {
            String before = elided.matcher(q).replaceAll(" ").replace('\'', ' ').replace('\u2019', ' ');
            assertThat(org.ccnsobot.kernel.Text.words(Lexicon.unElided(q))).as(q)
                    .isEqualTo(org.ccnsobot.kernel.Text.words(before));
        }
    }
}
