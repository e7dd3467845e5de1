package org.ccnsobot.app;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.time.ManualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints what a live source costs on generated Sched-shaped exports (UTC times, HTML descriptions, a category per
 * track) served from 127.0.0.1: the first look (fetch, parse, import), a re-import of the same export with no change
 * (parse and compare, no write), and a look the server answers 304 (no parse). Figures only; it never fails on them.
 */
@Command(name = "bench-sources", mixinStandardHelpOptions = true,
        description = "Benchmark source looks and imports on generated Sched exports; prints figures.")
final class SourceBenchCommand implements Callable<Integer> {
    private static final Actor STAFF = new Actor("console", "console", "Bench", java.util.Set.of());
    private static final Place CONSOLE = new Place("console", "terminal", true);

    @Option(names = "--sizes", split = ",", description = "Export sizes (default: ${DEFAULT-VALUE})")
    List<Integer> sizes = List.of(500, 5_000, 20_000);

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        // A bot's first look after it starts also loads the iCalendar, HTML and HTTP client code and compiles none of
        // it yet: printed once, on its own, so the sizes below show what a running bot's looks cost.
        out.print("a fresh JVM's first look, one-time loading included: ");
        run(sizes.isEmpty() ? 500 : Math.min(500, sizes.get(0)));
        out.println("then each size in the warmed JVM:");
        for (int n : sizes) {
            run(n);
        }
        return 0;
    }

    private void run(int n) throws Exception {
        Path dir = Files.createTempDirectory("ccnso-bench-sources");
        byte[] body = export(n).getBytes(StandardCharsets.UTF_8);
        String etag = "\"bench-" + n + "\"";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/all.ics", x -> {
            try (x) {
                x.getResponseHeaders().set("ETag", etag);
                if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                    x.sendResponseHeaders(304, -1);
                    return;
                }
                x.getResponseHeaders().set("Content-Type", "text/calendar");
                x.sendResponseHeaders(200, body.length);
                try (OutputStream o = x.getResponseBody()) {
                    o.write(body);
                }
            }
        });
        server.start();
        try {
            // the seed calendar (run from the project folder), whose ICANN79 the generated sessions belong to
            Path calendar = BotConfig.defaults().calendar();
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/all.ics");
            BotConfig cfg = BotConfig.defaults().withDatabase(dir.resolve("bench.db")).withCalendar(calendar)
                    .withSources(List.of(new SourceConfig("bench", url, "ICANN79", Duration.ofMinutes(15), List.of())));
            ManualClock clock = new ManualClock(Instant.parse("2024-02-01T00:00:00Z"));
            try (Bot bot = Bot.open(cfg, clock)) {
                long t0 = System.nanoTime();
                String first = sync(bot);
                long t1 = System.nanoTime();
                String notModified = sync(bot);
                long t2 = System.nanoTime();
                IcsImporter importer = new IcsImporter(bot.calendar(), new org.ccnsobot.features.ical.IcsLimits(
                        32 * 1024 * 1024, 256 * 1024, 4, 25_000, 20_000, 500, java.time.Period.ofYears(2)));
                long changesBefore = changeLogSize(bot);
                long t3 = System.nanoTime();
                var again = importer.importBytes(body, "bench", new ImportOptions("ICANN79", null, "bench", false,
                        List.of(), true));
                long t4 = System.nanoTime();
                // a running bot has read its source before: the same re-import again, its code compiled by then
                var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                long[] warm = new long[5];
                long[] warmCpu = new long[warm.length];
                for (int k = 0; k < warm.length; k++) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    importer.importBytes(body, "bench", new ImportOptions("ICANN79", null, "bench", false, List.of(),
                            true));
                    warm[k] = System.nanoTime() - w0;
                    warmCpu[k] = cpu.getCurrentThreadCpuTime() - c0;
                }
                long writes = changeLogSize(bot) - changesBefore;
                out.printf("%,6d events (%,d KiB): first look %,d ms (%s); look answered 304 %,d ms (%s);"
                                + " re-import with no change %,d ms the first time, %,d ms (%,d ms of its thread's CPU)"
                                + " the %s time after (%d unchanged, %d rows written in all; target: under 500 ms)%n", n,
                        body.length / 1024, ms(t0, t1), first, ms(t1, t2), notModified, ms(t3, t4),
                        warm[warm.length - 1] / 1_000_000, warmCpu[warm.length - 1] / 1_000_000, "sixth",
                        again.unchanged().size(), writes);
            }
        } finally {
            server.stop(0);
        }
    }

    private static long changeLogSize(Bot bot) {
        return bot.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM change_log")) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    private static String sync(Bot bot) {
        String text = bot.handle(Invocation.text(STAFF, CONSOLE, "sync bench", bot.clock().instant())).text();
        return text.replaceFirst("^bench: ", "");
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** A Sched-shaped export: UTC times, X-WR-TIMEZONE:UTC, HTML descriptions, tracks as categories. */
    static String export(int n) {
        StringBuilder sb = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sched.com//EN\r\n"
                + "X-WR-CALNAME:bench\r\nX-WR-TIMEZONE:UTC\r\n");
        String[] tracks = {"ccNSO", "GAC", "GNSO", "ALAC", "Tech Day"};
        for (int i = 0; i < n; i++) {
            int day = 2 + i % 6;
            int hour = 10 + i % 10;
            String date = String.format("202403%02dT%02d%02d00Z", day, hour, (i / 6) % 60);
            String end = String.format("202403%02dT%02d%02d00Z", day, hour + 1, (i / 6) % 60);
            sb.append("BEGIN:VEVENT\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:").append(date).append("\r\nDTEND:")
                    .append(end).append("\r\nSUMMARY:").append(i % 7 == 0 ? "GRC Workshop " : "Session ").append(i)
                    .append("\r\nUID:bench-").append(i).append("@sched\r\nLOCATION:Room ").append(i % 40)
                    .append("\r\nCATEGORIES:").append(tracks[i % tracks.length])
                    .append("\r\nDESCRIPTION:<p>Fran&ccedil;ais &amp; English session ").append(i)
                    .append(" of the meeting</p><p>See <a href=\"https://example.org/s/").append(i)
                    .append("\">the schedule</a></p>\r\nURL:https://bench.sched.com/event/").append(i)
                    .append("\r\nEND:VEVENT\r\n");
        }
        return sb.append("END:VCALENDAR\r\n").toString();
    }
}
