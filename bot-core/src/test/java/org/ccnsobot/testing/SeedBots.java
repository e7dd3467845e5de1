package org.ccnsobot.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.time.ManualClock;

/** Opens a bot on a fresh SQLite file seeded from the project's real calendar, with a pinned clock. */
public final class SeedBots {
    /** 10 February 2024, noon UTC: a few days before the newsletter's first session. */
    public static final Instant NEWSLETTER_DAY = Instant.parse("2024-02-10T12:00:00Z");
    public static final Actor MEMBER = new Actor("test", "member-1", "Member", Set.of());
    public static final Place PLACE = new Place("test", "channel-1", false);

    private SeedBots() {
    }

    /** The repository's config/calendar folder, found from the module's working directory. */
    public static Path seedCalendar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("config/calendar");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/calendar not found above " + Path.of("").toAbsolutePath());
    }

    public static Bot open(Path dir, ManualClock clock, org.ccnsobot.port.ChatPlatform... platforms) throws Exception {
        BotConfig cfg = BotConfig.defaults().withDatabase(dir.resolve("bot.db")).withCalendar(seedCalendar());
        return Bot.open(cfg, clock, java.util.List.of(platforms));
    }

    public static String ask(Bot bot, String text) {
        return reply(bot, text).text();
    }

    public static Reply reply(Bot bot, String text) {
        return bot.handle(Invocation.text(MEMBER, PLACE, text, bot.clock().instant()));
    }
}
