package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.questions.Corpus;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.time.ManualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code questions-score}: asks the question corpus shipped with the bot of a fresh database seeded from the
 * calendar folder, each question at its pinned clock and in its asker's zone, and prints the score per class.
 */
@Command(name = "questions-score", mixinStandardHelpOptions = true,
        description = "Score the plain-words question corpus per class on the seed calendar; prints figures.")
final class QuestionsScoreCommand implements Callable<Integer> {
    @Option(names = "--calendar", paramLabel = "DIR", description = "Calendar folder to seed from (default: ${DEFAULT-VALUE})")
    Path calendar = Path.of("config/calendar");

    @Option(names = "--language", paramLabel = "LANG", description = "The corpus's language: en, fr or es (default: ${DEFAULT-VALUE})")
    String language = "en";

    @Option(names = "--wrong", description = "Also print each question answered wrong, with the answer")
    boolean wrong;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(calendar)) {
            System.err.println("error: " + calendar + " is not a folder; run from the project folder or give --calendar");
            return 1;
        }
        if (!Corpus.LANGUAGES.contains(language)) {
            System.err.println("error: no question corpus in '" + language + "'; there are " + String.join(", ",
                    Corpus.LANGUAGES));
            return 1;
        }
        Path dir = Files.createTempDirectory("ccnso-questions-score");
        BotConfig cfg = BotConfig.defaults().withDatabase(dir.resolve("score.db")).withCalendar(calendar);
        ManualClock clock = new ManualClock(java.time.Instant.parse("2024-02-10T12:00:00Z"));
        Place place = new Place("score", "channel", false);
        AtomicInteger n = new AtomicInteger();
        Corpus.Report report;
        try (Bot bot = Bot.open(cfg, clock)) {
            report = Corpus.score(Corpus.load(language), (question, at, zone) -> {
                clock.set(at);
                // a member per question, so the rate limit never answers instead of the bot
                Actor member = new Actor("score", "member-" + n.incrementAndGet(), "Member", Set.of());
                if (!zone.getId().equals("UTC")) {
                    bot.handle(Invocation.text(member, place, "timezone " + zone.getId(), at));
                }
                return bot.handle(Invocation.text(member, place, question, at)).text();
            });
        }
        out.print(report.table());
        if (wrong) {
            for (Corpus.Outcome o : report.outcomes()) {
                if (!o.right()) {
                    out.println("WRONG " + o.question().questionClass() + " (corpus line " + o.question().line() + ") '"
                            + o.question().question() + "': " + o.wrong());
                    out.println("    " + o.answer().replace("\n", "\n    "));
                }
            }
        }
        return 0;
    }
}
