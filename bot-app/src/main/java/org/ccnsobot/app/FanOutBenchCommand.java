package org.ccnsobot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.app.discordfake.Limits;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.outbox.OutboxBench;
import org.ccnsobot.port.ChatPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times a reminder fan-out of N DMs through the real outbox and the real adapter against a fake of the platform on
 * 127.0.0.1 that enforces the platform's published limits: on Slack (Bolt's client, {@link LimitedSlackApi}: Slack's
 * chat.postMessage limits) or on Discord (JDA, {@link DiscordFanOut}: Discord's global and per-route limits). Prints
 * the time to the last delivery and how many 429s the fake answered; asserts nothing.
 */
@Command(name = "bench-fanout", mixinStandardHelpOptions = true,
        description = "Benchmark a DM fan-out on Slack or Discord against a local fake with the platform's limits"
                + " enforced: time to the last delivery and the count of 429s. Prints figures; asserts nothing.")
final class FanOutBenchCommand implements Callable<Integer> {
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(10);

    @Option(names = "--platform", paramLabel = "slack|discord",
            description = "Which platform's adapter and fake (default: ${DEFAULT-VALUE})")
    String platform = "slack";

    @Option(names = "--members", paramLabel = "N", description = "DMs to send (default: ${DEFAULT-VALUE})")
    int members = 300;

    @Option(names = "--round-trip", paramLabel = "MS", description = "Discord only: milliseconds the fake takes to"
            + " answer each REST request, standing in for the network (default: ${DEFAULT-VALUE})")
    int roundTripMillis = 0;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the benchmark's SQLite file goes (default: a temp dir)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!platform.equals("slack") && !platform.equals("discord")) {
            System.err.println("error: --platform is slack or discord, not '" + platform + "'");
            return 2;
        }
        if (members < 1) {
            System.err.println("error: --members must be 1 or more, not " + members);
            return 2;
        }
        if (roundTripMillis < 0 || roundTripMillis > 10_000) {
            System.err.println("error: --round-trip is 0 to 10000 ms, not " + roundTripMillis);
            return 2;
        }
        if (roundTripMillis > 0 && !platform.equals("discord")) {
            System.err.println("error: --round-trip is for --platform discord only");
            return 2;
        }
        Path work = dir != null ? dir : Files.createTempDirectory("ccnso-bench-fanout");
        if (platform.equals("discord")) {
            DiscordFanOut.print(DiscordFanOut.run(work, members, Limits.PUBLISHED,
                    Duration.ofMillis(roundTripMillis), SETTLE_WITHIN), SETTLE_WITHIN, System.out);
        } else {
            slack(work);
        }
        return 0;
    }

    private void slack(Path work) throws Exception {
        try (LimitedSlackApi fake = new LimitedSlackApi()) {
            BotConfig cfg = new ConfigLoader(Main.providers(),
                    // the fake's made-up credentials, handed in as the environment the loader insists on
                    name -> switch (name) {
                        case "BENCH_SLACK_BOT_TOKEN" -> "xoxb-bench";
                        case "BENCH_SLACK_SIGNING_SECRET" -> "bench-secret";
                        default -> null;
                    }).parse("""
                    slack:
                      mode: http
                      port: 0
                      bindAddress: 127.0.0.1
                      botToken: ${BENCH_SLACK_BOT_TOKEN}
                      signingSecret: ${BENCH_SLACK_SIGNING_SECRET}
                      announcementChannel: C0BENCH
                      apiBaseUrl: %s
                    """.formatted(fake.apiUrl()), work.resolve("bench.yaml"));
            List<ChatPlatform> platforms = Wiring.platforms(cfg, Clock.systemUTC());
            ChatPlatform slack = platforms.get(0);
            slack.start(new SendOnlyHandler());
            try {
                System.out.printf("Slack: %d DMs through the outbox and the real adapter; the fake enforces 1 message/s"
                        + " per channel (burst 3) and 300 per rolling minute per workspace, 429 + Retry-After over"
                        + " them; the bot declares %s/s workspace, %s/s per channel%n", members,
                        slack.sendLimits().perSecond(), slack.destinationLimits().perSecond());
                OutboxBench.FanOut r = OutboxBench.fanOut(work, slack, members, SETTLE_WITHIN);
                System.out.printf("  time to last delivery %.1f s; delivered %d, failed %d%s; 429s answered %d;"
                                + " chat.postMessage accepted %d; conversations.history %d; conversations.open %d%n",
                        r.toLastDelivery().toMillis() / 1000.0, r.delivered(), r.failed(),
                        r.complete() ? "" : " (NOT all settled within 10 min)", fake.refused(), fake.posted(),
                        fake.historyReads(), fake.opens());
            } finally {
                slack.close();
            }
        }
    }
}
