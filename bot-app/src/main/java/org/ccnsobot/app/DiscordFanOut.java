package org.ccnsobot.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccnsobot.app.discordfake.LimitedDiscord;
import org.ccnsobot.app.discordfake.Limits;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.outbox.OutboxBench;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.SendLimits;

/**
 * The Discord half of {@code bench-fanout}: N DMs through the real outbox and the real Discord adapter (the real JDA,
 * its own rate limiter included) against {@link LimitedDiscord}, which enforces Discord's limits. Returns what the
 * fake saw as well as the timing, so a test can check every DM landed once within the limits.
 */
final class DiscordFanOut {
    /** What one run did, from the outbox's side ({@code fanOut}) and the fake's. */
    record Result(OutboxBench.FanOut fanOut, List<String> members, Map<String, Integer> dmsByUser, int opens,
                  int repeatedNonces, int admitted, int routeRefused, int globalRefused, int peakPerSecond,
                  SendLimits declared, Limits limits, Duration roundTrip) {
    }

    private DiscordFanOut() {
    }

    static Result run(Path work, int members, Limits limits, Duration settleWithin) throws Exception {
        return run(work, members, limits, Duration.ZERO, settleWithin);
    }

    /** With {@code roundTrip} added to every REST answer, as the network to Discord would. */
    static Result run(Path work, int members, Limits limits, Duration roundTrip, Duration settleWithin)
            throws Exception {
        List<String> users = new ArrayList<>(members);
        for (int i = 1; i <= members; i++) {
            users.add(String.format("4%017d", i)); // snowflakes, as JDA insists
        }
        try (LimitedDiscord fake = new LimitedDiscord(limits, roundTrip)) {
            BotConfig cfg = new ConfigLoader(Main.providers(),
                    // the fake's made-up token, handed in as the environment the loader insists on
                    name -> name.equals("BENCH_DISCORD_TOKEN") ? fake.token() : null).parse("""
                    discord:
                      token: ${BENCH_DISCORD_TOKEN}
                      guildId: "%s"
                      announcementChannel: "%s"
                      restBaseUrl: %s
                      gatewayUrl: %s
                    """.formatted(fake.guildId(), fake.announcementChannel(), fake.restUrl(), fake.gatewayUrl()),
                    work.resolve("bench-discord.yaml"));
            ChatPlatform discord = Wiring.platforms(cfg, Clock.systemUTC()).get(0);
            discord.start(new SendOnlyHandler());
            try {
                OutboxBench.FanOut r = OutboxBench.fanOut(work, discord, users, settleWithin);
                return new Result(r, users, fake.dmsByUser(), fake.opens(), fake.repeatedNonces(), fake.admitted(),
                        fake.routeRefused(), fake.globalRefused(), fake.peakPerSecond(), discord.sendLimits(), limits,
                        roundTrip);
            } finally {
                discord.close();
            }
        }
    }

    static void print(Result r, Duration settleWithin, PrintStream out) {
        Limits l = r.limits();
        OutboxBench.FanOut f = r.fanOut();
        long once = r.dmsByUser().values().stream().filter(n -> n == 1).count();
        out.printf("Discord: %d DMs through the outbox and the real adapter (JDA); the fake enforces %d requests/s per"
                        + " bot (global), %d DM opens per %d ms, %d messages per %d s in each channel, 429 + retry_after"
                        + " over them%s; the bot declares %s/s (burst %d) to the outbox%n", r.members().size(),
                l.globalPerSecond(), l.dmOpenLimit(), l.dmOpenWindow().toMillis(), l.messageLimit(),
                l.messageWindow().toSeconds(), r.roundTrip().isZero() ? ""
                        : ", each answer " + r.roundTrip().toMillis() + " ms after its request",
                r.declared().perSecond(), r.declared().burst());
        out.printf("  time to last delivery %.1f s; delivered %d, failed %d%s; DMs landed once %d of %d;"
                        + " 429s answered: route %d, global %d; DM channels opened %d; requests %d, peak %d in one"
                        + " second%n", f.toLastDelivery().toMillis() / 1000.0, f.delivered(), f.failed(),
                f.complete() ? "" : " (NOT all settled within " + settleWithin.toMinutes() + " min)", once,
                r.members().size(), r.routeRefused(), r.globalRefused(), r.opens(), r.admitted(), r.peakPerSecond());
    }
}
