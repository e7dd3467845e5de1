package org.ccnsobot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.outbox.OutboxBench;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times a reminder fan-out of N DMs through the real outbox and the real Slack adapter (Bolt's client) against a
 * Slack Web API on 127.0.0.1 that enforces Slack's published chat.postMessage limits: time to the last delivery,
 * and how many 429s the fake answered. Prints figures; asserts nothing.
 */
@Command(name = "bench-fanout", mixinStandardHelpOptions = true,
        description = "Benchmark a DM fan-out on Slack against a local fake with Slack's limits enforced: time to the"
                + " last delivery and the count of 429s. Prints figures; asserts nothing.")
final class FanOutBenchCommand implements Callable<Integer> {
    @Option(names = "--members", paramLabel = "N", description = "DMs to send (default: ${DEFAULT-VALUE})")
    int members = 300;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the benchmark's SQLite file goes (default: a temp dir)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("ccnso-bench-fanout");
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
            slack.start(new NoCommands());
            try {
                System.out.printf("Slack: %d DMs through the outbox and the real adapter; the fake enforces 1 message/s"
                        + " per channel (burst 3) and 300 per rolling minute per workspace, 429 + Retry-After over"
                        + " them; the bot declares %s/s workspace, %s/s per channel%n", members,
                        slack.sendLimits().perSecond(), slack.destinationLimits().perSecond());
                OutboxBench.FanOut r = OutboxBench.fanOut(work, slack, members, Duration.ofMinutes(10));
                System.out.printf("  time to last delivery %.1f s; delivered %d, failed %d%s; 429s answered %d;"
                                + " chat.postMessage accepted %d; conversations.history %d; conversations.open %d%n",
                        r.toLastDelivery().toMillis() / 1000.0, r.delivered(), r.failed(),
                        r.complete() ? "" : " (NOT all settled within 10 min)", fake.refused(), fake.posted(),
                        fake.historyReads(), fake.opens());
            } finally {
                slack.close();
            }
        }
        System.out.println("Discord: no fan-out bench yet (a fake gateway would have to ship in the jar).");
        return 0;
    }

    /** The bench only sends: nothing arrives in HTTP mode because nothing posts to it. */
    private static final class NoCommands implements org.ccnsobot.port.InboundHandler {
        @Override
        public Reply handle(Invocation invocation) {
            return Reply.personally(OutgoingMessage.text("benchmark"));
        }

        @Override
        public List<CommandInfo> commands() {
            return List.of();
        }

        @Override
        public List<org.ccnsobot.port.InboundHandler.Choice> complete(String command, String option, String prefix, int limit) {
            return List.of();
        }
    }
}
