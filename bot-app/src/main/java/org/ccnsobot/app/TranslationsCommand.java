package org.ccnsobot.app;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.features.calendar.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Takes the calendar folder's translations (committees' names and descriptions, events' titles) into a database
 * seeded before: the seed is read once, on a first start, so without this a corrected or added French or Spanish
 * name would never reach a running calendar. Nothing else from the files is written.
 */
@Command(name = "seed-translations", mixinStandardHelpOptions = true,
        description = "Take the calendar files' French and Spanish names and titles into the database;"
                + " nothing else is changed.")
final class TranslationsCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        return store.withConfig(parent, cfg -> runWith(cfg, Clock.systemUTC(), System.out, System.err));
    }

    int runWith(BotConfig cfg, Clock clock, PrintStream out, PrintStream err) {
        BotConfig c = store.apply(cfg);
        return Wiring.withTool(c, clock, err, c.calendar(), bot -> {
            Seeder.Refreshed r = Seeder.refreshTranslations(bot.calendar(), c.calendar());
            out.println("translations from " + c.calendar() + ": " + r.committees() + " committee(s) and "
                    + r.events() + " event(s) changed");
            return 0;
        });
    }
}
