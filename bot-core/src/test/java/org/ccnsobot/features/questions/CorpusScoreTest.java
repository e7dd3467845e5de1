package org.ccnsobot.features.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asks the whole question corpus of the bot on the seed calendar, per language (English corpus.tsv, French
 * corpus-fr.tsv, Spanish corpus-es.tsv), and fails when any class scores below the floor committed in
 * corpus-floor.properties (corpus-floor-fr, corpus-floor-es): raise a floor when a class improves; never lower one
 * to pass.
 */
class CorpusScoreTest {
    @TempDir
    Path dir;

    /** Asks each question as a fresh member (so the rate limit never interferes) reading times in its zone. */
    static Corpus.Report run(Bot bot, ManualClock clock) {
        return run(bot, clock, "en");
    }

    static Corpus.Report run(Bot bot, ManualClock clock, String language) {
        AtomicInteger n = new AtomicInteger();
        return Corpus.score(Corpus.load(language), (question, at, zone) -> {
            clock.set(at);
            Actor member = new Actor("test", "corpus-" + n.incrementAndGet(), "Member", Set.of());
            if (!zone.getId().equals("UTC")) {
                bot.handle(Invocation.text(member, BotFixture.PLACE, "timezone " + zone.getId(), at));
            }
            return bot.handle(Invocation.text(member, BotFixture.PLACE, question, at)).text();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fr", "es"})
    void everyClassScoresAtLeastItsCommittedFloor(String language) throws Exception {
        ManualClock clock = new ManualClock(BotFixture.NEWSLETTER_DAY);
        Corpus.Report report;
        try (Bot bot = BotFixture.seedBot(dir, clock)) {
            report = run(bot, clock, language);
        }
        System.out.println("corpus " + language + ":\n" + report.table());
        report.outcomes().stream().filter(o -> !o.right()).forEach(o -> System.out.println("WRONG "
                + o.question().questionClass() + " line " + o.question().line() + " '" + o.question().question() + "': "
                + o.wrong() + "\n    " + o.answer().replace("\n", "\n    ")));
        Map<String, Double> floors = floors(language);
        assertThat(report.total()).as("questions in the corpus").isGreaterThanOrEqualTo(language.equals("en") ? 200
                : 100);
        for (Corpus.ClassScore c : report.classes()) {
            assertThat(floors).as("a committed floor for class " + c.name()).containsKey(c.name());
            assertThat(c.percent()).as("score of class " + c.name()).isGreaterThanOrEqualTo(floors.get(c.name()));
            if (!language.equals("en")) {
                // the bar for French and Spanish: no class under 90%, with about eight questions or more
                assertThat(floors.get(c.name())).as("floor of " + language + " class " + c.name())
                        .isGreaterThanOrEqualTo(90.0);
                assertThat(c.total()).as("questions of " + language + " class " + c.name()).isGreaterThanOrEqualTo(8);
            }
        }
        assertThat(floors.keySet()).as("every floor's class is in the corpus")
                .isSubsetOf(report.classes().stream().map(Corpus.ClassScore::name).toList());
    }

    @Test
    void theChecksReadAnswersAsWritten() {
        String answer = "ccNSO Council meeting 202\nWhen: Thu 15 Feb 2024\nId: council-202\nAlso matching:\n"
                + "• Thu 7 Mar 2024 — ccNSO Council public meeting at ICANN79 [icann79-council-meeting]";
        assertThat(Corpus.ids(answer)).containsExactly("council-202", "icann79-council-meeting");
        assertThat(Corpus.check("first:council-202 & has:icann79-council-meeting", answer)).isNull();
        assertThat(Corpus.check("first:icann79-council-meeting", answer)).contains("first event is council-202");
        assertThat(Corpus.check("ids:council-202", answer)).isNotNull();
        assertThat(Corpus.check("starts:ccnso council & says:ALSO MATCHING & lines<=5", answer)).isNull();
        assertThat(Corpus.check("lines<=2", answer)).isNotNull();
        assertThat(Corpus.check("ids:none", "Nothing in the calendar matches 'x'.")).isNull();
        assertThat(Corpus.check("starts:Yes|Oui & says:already over|déjà passé", "Oui : c'est déjà passé")).isNull();
        assertThat(Corpus.check("starts:Yes|Oui", "Non.")).contains("does not start with");
    }

    private static Map<String, Double> floors(String language) throws IOException {
        Properties p = new Properties();
        String file = language.equals("en") ? "corpus-floor.properties" : "corpus-floor-" + language + ".properties";
        try (InputStream in = CorpusScoreTest.class.getResourceAsStream(file)) {
            p.load(in);
        }
        Map<String, Double> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, Double.parseDouble((String) v)));
        return out;
    }
}
