// Over 500 lines on purpose: every bench figure (next, when, the languages, start-up) is measured the same way, in one place.
package org.ccnsobot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.features.calendar.CalendarData;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.kernel.Text;
import org.ccnsobot.time.ManualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints how fast the bot answers on a generated calendar: the bare indexed SQL query for the next event against
 * the whole {@code next} command (parse, query, render), a free-text {@code when} against a bare SQL text scan, and
 * the same questions in English, French and Spanish, and the time from {@code java -jar} to the console's first
 * answer. It prints figures; it never fails on them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark next, when and console start-up on a generated calendar; prints figures.")
final class BenchCommand implements Callable<Integer> {
    private static final String[] KINDS = {"working session", "workshop", "webinar", "call", "briefing", "plenary",
        "council meeting", "open space session", "members meeting", "town hall"};
    private static final String[] TOPICS = {"DNS abuse", "universal acceptance", "IDN ccTLDs", "policy gaps",
        "operating plan and budget", "WSIS+20", "Internet fragmentation", "tech day", "registrant capacity building",
        "continuous improvement", "incident response", "DNSSEC", "root zone", "KSK rollover", "data protection",
        "emergency response", "onboarding", "mentoring", "guidelines review", "IANA naming function",
        "service level agreements", "post-delegation", "retirement of ccTLDs", "variant management",
        "confusing similarity", "election of the chair", "roles and responsibilities", "multistakeholder model"};
    private static final String[] ACRONYMS = {"Council", "GRC", "IGLC", "UAC", "DASC", "SOPC", "TLD-OPS", "TechWG",
        "MPC", "ccPDP4", "Triage", "CSC", "PGA", "OMC", "RCB"};
    private static final String[] QUESTIONS = {"when is the next council meeting", "what's on tech day",
        "dns abuse workshop", "when is the grc working session", "universal acceptance webinar", "idn cctlds",
        "councl meetng", "internet fragmentation", "dnssec briefing", "when is the sopc budget call",
        "kskrollover", "tld-ops incident response"};
    /** QUESTIONS as French- and Spanish-speaking members ask them, one for one (a typo where the English has one). */
    private static final String[] QUESTIONS_FR = {"quand est la prochaine réunion du Conseil", "qu'y a-t-il au Tech Day",
        "atelier sur les abus du DNS", "quand est la séance de travail du GRC", "webinaire sur l'acceptation universelle",
        "les ccTLD IDN", "reunoin du consiel", "la fragmentation d'Internet", "briefing sur le DNSSEC",
        "quand est l'appel budgétaire du SOPC", "kskrollover", "réponse aux incidents TLD-OPS"};
    private static final String[] QUESTIONS_ES = {"cuándo es la próxima reunión del Consejo", "qué hay en el Tech Day",
        "taller sobre abuso del DNS", "cuándo es la sesión de trabajo del GRC", "webinario sobre aceptación universal",
        "los ccTLD IDN", "reunoin del cosnejo", "la fragmentación de Internet", "briefing sobre DNSSEC",
        "cuándo es la llamada de presupuesto del SOPC", "kskrollover", "respuesta a incidentes de TLD-OPS"};

    @Option(names = "--events", description = "Events to generate (default: ${DEFAULT-VALUE})")
    int events = 100_000;

    @Option(names = "--iterations", description = "Measured runs of each query (default: ${DEFAULT-VALUE})")
    int iterations = 20_000;

    @Option(names = "--startup-runs", description = "Times to start the jar for the start-up figure; 0 skips it"
            + " (default: ${DEFAULT-VALUE})")
    int startupRuns = 3;

    @Option(names = "--db", paramLabel = "FILE", description = "Keep the generated calendar in FILE; when FILE already"
            + " holds one (from an earlier run with the same --events), measure on it without generating again")
    Path dbFile;

    @Option(names = "--first-answer", hidden = true, paramLabel = "DB",
            description = "Only open the bot on DB (no reminders), answer one question and print it (for start-up runs)")
    Path firstAnswer;

    private final PrintStream out = System.out;

    /** Opens the bot on an existing database, answers one question, prints the first line: the start-up probe. */
    private int firstAnswer() throws Exception {
        // the database is seeded already; an empty folder keeps the probe from reading any calendar files
        Path empty = Files.createTempDirectory("ccnso-bench-empty");
        empty.toFile().deleteOnExit();
        BotConfig cfg = BotConfig.defaults().withDatabase(firstAnswer).withCalendar(empty);
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        try (Bot bot = Bot.open(cfg, new ManualClock(now))) {
            String reply = bot.handle(Invocation.text(new Actor("bench", "startup", "bench", Set.of()),
                    new Place("bench", "c1", false), "when is the next council meeting", now)).text();
            out.println(reply.lines().findFirst().orElse(""));
            Runtime rt = Runtime.getRuntime();
            System.gc();
            out.printf("%.0f%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (firstAnswer != null) {
            return firstAnswer();
        }
        Path dir = Files.createTempDirectory("ccnso-bench");
        Path calendarDir = Files.createDirectories(dir.resolve("empty-calendar"));
        Path db = dbFile != null ? dbFile.toAbsolutePath() : dir.resolve("bench.db");
        BotConfig cfg = BotConfig.defaults().withDatabase(db).withCalendar(calendarDir);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        ManualClock clock = new ManualClock(start);
        try (Bot bot = Wiring.tool(cfg, clock)) {
            long t0 = System.nanoTime();
            int held = bot.database().read(c -> {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            });
            if (held == events) {
                out.printf("ccnso-bot bench: %,d events already held in %s (not generated again)%n", held, db);
            } else if (held > 0) {
                out.printf("ccnso-bot bench: %s holds %,d events, not %,d; give a new --db file%n", db, held, events);
                return 1;
            } else {
                bot.calendar().saveAll(generate(events, start));
                out.printf("ccnso-bot bench: %,d events generated and stored in %.1f s (%s)%n", events,
                        (System.nanoTime() - t0) / 1e9, cfg.database());
            }
            t0 = System.nanoTime();
            int words = bot.calendar().index().size();
            out.printf("search: nothing to build (SQLite FTS5, kept by triggers); its vocabulary (%,d words) read in"
                    + " %.0f ms on first use%n", words, (System.nanoTime() - t0) / 1e6);
            Instant end = start.plusSeconds(2L * 365 * 86_400 - 3 * 86_400); // the last events are near the end
            benchNext(bot, clock, start, end);
            benchWhen(bot, clock, start, end);
            benchLanguages(bot, clock, start, end);
            benchAnswerLanguages(bot, clock, start, end);
        }
        if (startupRuns > 0) {
            benchStartup(dir);
            benchBigStartup(cfg.database());
        }
        return 0;
    }

    /**
     * The same {@code next} answered in English and in French, interleaved (the order flips each run so neither
     * language always runs on a warmer cache), and the bundles' load time: in this process at start (class load,
     * with ICU's first use) and read again afresh.
     */
    private void benchAnswerLanguages(Bot bot, ManualClock clock, Instant from, Instant to) {
        Random random = new Random(11);
        long[] en = new long[iterations];
        long[] fr = new long[iterations];
        Place place = new Place("bench", "dm", true);
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            Instant[] moments = moments(random, from, to, iterations);
            Actor english = new Actor("bench", "en-" + round, "bench", Set.of());
            Actor french = new Actor("bench", "fr-" + round, "bench", Set.of());
            clock.set(moments[0]);
            bot.handle(Invocation.text(french, place, "language fr", moments[0]));
            for (int i = 0; i < iterations; i++) {
                Instant at = moments[i];
                clock.set(at);
                for (int k = 0; k < 2; k++) {
                    boolean inFrench = (i + k) % 2 == 0;
                    long a = System.nanoTime();
                    String reply = bot.handle(Invocation.text(inFrench ? french : english, place, "next", at)).text();
                    long b = System.nanoTime();
                    if (inFrench && !reply.startsWith("Prochain rendez-vous")
                            || !inFrench && !reply.startsWith("Next up")) {
                        throw new IllegalStateException("next answered in the wrong language: " + reply);
                    }
                    (inFrench ? fr : en)[i] = b - a;
                }
            }
        }
        report("language: next in English (whole command)", en);
        report("language: next in French (whole command)", fr);
        out.printf("language: ratio French/English = %.2fx at the median, %.2fx at p99 (target: at most 1.2x)%n",
                ratio(fr, en, 50), ratio(fr, en, 99));
        long[] loads = new long[20];
        for (int i = 0; i < loads.length; i++) {
            loads[i] = org.ccnsobot.i18n.Messages.load().loadNanos();
        }
        long[] others = new long[3];
        org.ccnsobot.i18n.Language[] later = {org.ccnsobot.i18n.Language.FR, org.ccnsobot.i18n.Language.ES,
                org.ccnsobot.i18n.Language.AR};
        for (int i = 0; i < later.length; i++) {
            others[i] = org.ccnsobot.i18n.Messages.timeToRead(later[i]);
        }
        out.printf("language: bundles: English (%d keys), the only one a start reads, read at start in %.1f ms (on"
                        + " the warm-up thread) and afresh in %.1f ms at the median; French, Spanish and Arabic are read"
                        + " on their first use, now %.1f / %.1f / %.1f ms (target: under 100 ms added to start-up)%n",
                org.ccnsobot.i18n.Messages.raw().get(org.ccnsobot.i18n.Language.EN).size(),
                org.ccnsobot.i18n.Messages.get().loadNanos() / 1e6, percentile(loads, 50) / 1e6, others[0] / 1e6,
                others[1] / 1e6, others[2] / 1e6);
    }

    /** Random moments in order: the clock only moves forward, as it does for a running bot. */
    private static Instant[] moments(Random random, Instant from, Instant to, int n) {
        long span = to.toEpochMilli() - from.toEpochMilli();
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            ms[i] = from.toEpochMilli() + (long) (random.nextDouble() * span);
        }
        Arrays.sort(ms);
        return Arrays.stream(ms).mapToObj(Instant::ofEpochMilli).toArray(Instant[]::new);
    }

    private static void check(String reply, String what) {
        if (reply.isEmpty() || reply.startsWith("You are sending") || reply.startsWith("Something went wrong")) {
            throw new IllegalStateException("the bench got a refusal instead of an answer to " + what + ": " + reply);
        }
    }

    private void benchNext(Bot bot, ManualClock clock, Instant from, Instant to) {
        Random random = new Random(7);
        String sql = "SELECT id, title, start_utc, sort_utc FROM events WHERE sort_utc >= ? AND status <> 'CANCELLED'"
                + " ORDER BY sort_utc, id LIMIT 1";
        // What the next command shows: the next five events, every column a card needs.
        String sql5 = "SELECT e.* FROM events e WHERE e.sort_utc >= ? AND e.status <> 'CANCELLED'"
                + " ORDER BY e.sort_utc, e.id LIMIT 5";
        long[] bare5 = new long[iterations];
        long[] bare = new long[iterations];
        long[] whole = new long[iterations];
        Place place = new Place("bench", "c1", false);
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            Instant[] moments = moments(random, from, to, iterations);
            // A user per round: the clock restarts at the beginning, and a rate-limit window must not carry over.
            Actor actor = new Actor("bench", "next-" + round, "bench", Set.of());
            for (int i = 0; i < iterations; i++) {
                Instant at = moments[i];
                long a = System.nanoTime();
                String id = bot.database().read(c -> {
                    PreparedStatement ps = bot.database().prepared(sql);
                    ps.setLong(1, at.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
                long b = System.nanoTime();
                long a5 = System.nanoTime();
                int rows = bot.database().read(c -> {
                    PreparedStatement ps = bot.database().prepared(sql5);
                    ps.setLong(1, at.toEpochMilli());
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                rs.getString(col);
                            }
                            n++;
                        }
                    }
                    return n;
                });
                bare5[i] = System.nanoTime() - a5;
                if (rows == 0) {
                    throw new IllegalStateException("nothing found at " + at);
                }
                clock.set(at);
                long c = System.nanoTime();
                String reply = bot.handle(Invocation.text(actor, place, "next", at)).text();
                long d = System.nanoTime();
                if (id == null) {
                    throw new IllegalStateException("nothing found at " + at);
                }
                check(reply, "next");
                bare[i] = b - a;
                whole[i] = d - c;
            }
        }
        report("next: bare indexed SQL query for the next event (1 row)", bare);
        report("next: bare indexed SQL query for what next shows (5 rows, all columns)", bare5);
        report("next: whole command (parse, query, render)", whole);
        out.printf("next: ratio whole/bare(1 row) = %.2fx at the median, %.2fx at p99 (target: within 1.5x)%n",
                ratio(whole, bare, 50), ratio(whole, bare, 99));
        out.printf("next: ratio whole/bare(5 rows) = %.2fx at the median, %.2fx at p99%n",
                ratio(whole, bare5, 50), ratio(whole, bare5, 99));
    }

    private void benchWhen(Bot bot, ManualClock clock, Instant from, Instant to) {
        Random random = new Random(11);
        long span = to.toEpochMilli() - from.toEpochMilli();
        Place place = new Place("bench", "c1", false);
        int n = Math.max(1, iterations / 4);
        long[] whole = new long[n];
        long[] scan = new long[Math.max(1, n / 50)];
        String sql = "SELECT id FROM events WHERE lower(title) LIKE ? AND sort_utc >= ? ORDER BY sort_utc LIMIT 1";
        for (int round = 0; round < 2; round++) {
            Instant[] moments = moments(random, from, to, n);
            Actor actor = new Actor("bench", "when-" + round, "bench", Set.of());
            for (int i = 0; i < n; i++) {
                Instant at = moments[i];
                clock.set(at);
                String q = QUESTIONS[i % QUESTIONS.length];
                long c = System.nanoTime();
                String reply = bot.handle(Invocation.text(actor, place, "when " + q, at)).text();
                whole[i] = System.nanoTime() - c;
                check(reply, "when " + q);
            }
            for (int i = 0; i < scan.length; i++) {
                Instant at = Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span));
                long a = System.nanoTime();
                bot.database().read(c -> {
                    PreparedStatement ps = bot.database().prepared(sql);
                    ps.setString(1, "%council meeting%");
                    ps.setLong(2, at.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
                scan[i] = System.nanoTime() - a;
            }
        }
        report("when: bare SQL LIKE scan for one phrase (no typos, no ranking)", scan);
        report("when <free text>: whole command (typo-tolerant search, rank, render)", whole);
        out.printf("when: ratio whole/bare scan = %.2fx at the median; p99 %.2f ms (target: at most 2 ms)%n",
                ratio(whole, scan, 50), percentile(whole, 99) / 1e6);
    }

    private void benchStartup(Path dir) throws IOException, InterruptedException {
        Path jar = jarPath();
        if (jar == null) {
            out.println("start-up: skipped (not running from the jar)");
            return;
        }
        if (!Files.isDirectory(Path.of("config/calendar"))) {
            out.println("start-up: skipped (run from the project folder so config/calendar is found)");
            return;
        }
        long[] plain = firstStarts(dir, jar, List.of(), "plain");
        if (plain == null) {
            return;
        }
        out.printf("start-up: java -jar to the first answer (first start, creating and seeding the database):"
                + " runs %s ms, median %.0f ms (target: under 1500 ms)%n", millis(plain), plain[plain.length / 2] / 1e6);
        // as the launcher does (bin/ccnso-bot): one run writes the class-data archive as it exits, the rest map it
        Path archive = dir.resolve("bench-" + System.nanoTime() + ".jsa");
        classArchive = archive;
        if (firstStarts(dir, jar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off,cds+dynamic=off"),
                "training", 1) == null || !Files.exists(archive)) {
            out.println("start-up with the launcher's class-data archive: skipped (no archive was written)");
            classArchive = null;
            return;
        }
        long[] cds = firstStarts(dir, jar, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"),
                "cds");
        if (cds != null) {
            out.printf("start-up: the launcher's way (bin/ccnso-bot, class-data archive) to the first answer (first"
                    + " start): runs %s ms, median %.0f ms (target: under 1500 ms)%n", millis(cds),
                    cds[cds.length / 2] / 1e6);
        }
    }

    /** The class-data archive the seed's first starts trained, for the large calendar's start the launcher's way. */
    private Path classArchive;

    private static String millis(long[] times) {
        return Arrays.toString(Arrays.stream(times).map(t -> t / 1_000_000).toArray());
    }

    private long[] firstStarts(Path dir, Path jar, List<String> jvmOptions, String name)
            throws IOException, InterruptedException {
        return firstStarts(dir, jar, jvmOptions, name, startupRuns);
    }

    /** {@code runs} first starts of the console on new databases; their times to the first line, sorted. */
    private long[] firstStarts(Path dir, Path jar, List<String> jvmOptions, String name, int runs)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            Path db = dir.resolve("startup-" + name + "-" + i + ".db");
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", jar.toString(), "console", "--db", db.toString(), "--now",
                    "2024-02-10T12:00:00Z"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            long a = System.nanoTime();
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("next\n".getBytes(StandardCharsets.UTF_8));
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String first = r.readLine();
                times[i] = System.nanoTime() - a;
                if (first == null) {
                    out.println("start-up: the console printed nothing");
                    return null;
                }
                while (r.readLine() != null) {
                    // drain
                }
            }
            p.waitFor(30, TimeUnit.SECONDS);
        }
        Arrays.sort(times);
        return times;
    }

    /**
     * Start-up to the first answer on the generated database (already migrated and indexed), in a JVM of 256 MB:
     * nothing is built at start-up, so the size of the calendar should not show.
     */
    private void benchBigStartup(Path db) throws IOException, InterruptedException {
        Path jar = jarPath();
        if (jar == null) {
            return;
        }
        String java0 = ProcessHandle.current().info().command().orElse("java");
        long[] core = new long[startupRuns];
        String answered = null;
        String heap = "?";
        for (int i = 0; i < startupRuns; i++) {
            ProcessBuilder pb = new ProcessBuilder(java0, "-Xmx256m", "-jar", jar.toString(), "bench", "--first-answer",
                    db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
            long a = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                answered = r.readLine();
                core[i] = System.nanoTime() - a;
                String h = r.readLine();
                heap = h == null ? heap : h;
                while (r.readLine() != null) {
                    // drain
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Arrays.sort(core);
        out.printf("start-up on %,d events with -Xmx256m, bot only (open the database, first answer, no reminder"
                + " planning): runs %s ms, median %.0f ms (target: under 3000 ms), heap in use after the answer %s MB;"
                + " it answered: %s%n", events, Arrays.toString(Arrays.stream(core).map(t -> t / 1_000_000).toArray()),
                core[core.length / 2] / 1e6, heap, answered == null ? "nothing" : Text.shorten(answered, 80));
        consoleOnBig(jar, db, List.of(), "console");
        if (classArchive != null) {
            consoleOnBig(jar, db, List.of("-XX:SharedArchiveFile=" + classArchive, "-Xlog:cds=off,cds+dynamic=off"),
                    "console the launcher's way (class-data archive)");
        }
    }

    private void consoleOnBig(Path jar, Path db, List<String> jvmOptions, String how)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        long[] times = new long[startupRuns];
        String first = null;
        for (int i = 0; i < startupRuns; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", jar.toString(), "console", "--db", db.toString(), "--now",
                    "2024-06-01T12:00:00Z"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            long a = System.nanoTime();
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("when is the next council meeting\n".getBytes(StandardCharsets.UTF_8));
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                first = r.readLine();
                times[i] = System.nanoTime() - a;
                while (r.readLine() != null) {
                    // drain
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
            if (first == null || p.exitValue() != 0) {
                out.println("start-up on " + String.format("%,d", events) + " events: the console failed (exit "
                        + p.exitValue() + ")");
                return;
            }
        }
        Arrays.sort(times);
        out.printf("start-up on %,d events with -Xmx256m, %s (reminders due within the longest offset planned before"
                + " the first line is read, the rest in the background): runs %s ms, median %.0f ms (target: under 3000"
                + " ms); it answered: %s%n", events, how,
                Arrays.toString(Arrays.stream(times).map(t -> t / 1_000_000).toArray()), times[times.length / 2] / 1e6,
                Text.shorten(first, 80));
    }

    static Path jarPath() {
        try {
            Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The same twelve questions in English, French and Spanish through {@code when}, taken in turns at the same
     * moments (so the clock, caches and the collector treat each language alike): a French or Spanish question may
     * cost at most 1.2x an English one at p99 (issue 14).
     */
    private void benchLanguages(Bot bot, ManualClock clock, Instant from, Instant to) {
        Random random = new Random(13);
        Place place = new Place("bench", "c1", false);
        int n = Math.max(1, iterations / 4);
        String[][] questions = {QUESTIONS, QUESTIONS_FR, QUESTIONS_ES};
        String[] names = {"en", "fr", "es"};
        long[][] nanos = new long[3][n];
        for (int round = 0; round < 2; round++) {
            Instant[] moments = moments(random, from, to, n);
            Actor actor = new Actor("bench", "languages-" + round, "bench", Set.of());
            for (int i = 0; i < n; i++) {
                clock.set(moments[i]);
                for (int k = 0; k < 3; k++) {
                    // Each language goes first a third of the time for every question: the first question at a
                    // new moment pays for that moment's window (several times a warm answer). Rotating by i alone
                    // gave each question's first turn always to the same language, because 12 questions are a
                    // multiple of 3 languages, so the figures compared questions, not languages.
                    int l = (i / QUESTIONS.length + k) % 3;
                    String q = "when " + questions[l][i % QUESTIONS.length];
                    long c = System.nanoTime();
                    String reply = bot.handle(Invocation.text(actor, place, q, moments[i])).text();
                    nanos[l][i] = System.nanoTime() - c;
                    check(reply, q);
                }
            }
        }
        for (int l = 0; l < 3; l++) {
            report("when <free text> in " + names[l] + ": the same 12 questions, taken in turns", nanos[l]);
        }
        out.printf("languages: p99 fr/en = %.2fx, es/en = %.2fx; median fr/en = %.2fx, es/en = %.2fx (target: p99 at"
                + " most 1.2x)%n", ratio(nanos[1], nanos[0], 99), ratio(nanos[2], nanos[0], 99),
                ratio(nanos[1], nanos[0], 50), ratio(nanos[2], nanos[0], 50));
    }

    private void report(String name, long[] nanos) {
        out.printf("%-75s median %8.1f µs   p99 %8.1f µs   mean %8.1f µs   (%d runs)%n", name,
                percentile(nanos, 50) / 1e3, percentile(nanos, 99) / 1e3, Arrays.stream(nanos).average().orElse(0) / 1e3,
                nanos.length);
    }

    private static double ratio(long[] a, long[] b, int pct) {
        return percentile(a, pct) / Math.max(1.0, percentile(b, pct));
    }

    private static double percentile(long[] values, int pct) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        int idx = (int) Math.min(copy.length - 1, Math.ceil(pct / 100.0 * copy.length) - 1);
        return copy[Math.max(0, idx)];
    }

    /** A calendar shaped like the real one, at scale: committees, meetings, and events spread over two years. */
    static CalendarData generate(int count, Instant from) {
        Random random = new Random(42);
        List<Committee> committees = new ArrayList<>();
        for (String a : ACRONYMS) {
            committees.add(new Committee(a, a + " committee", null, null, List.of()));
        }
        List<Meeting> meetings = new ArrayList<>();
        String[][] venues = {{"San Juan", "America/Puerto_Rico"}, {"Kigali", "Africa/Kigali"},
            {"Istanbul", "Europe/Istanbul"}, {"Seattle", "America/Los_Angeles"}, {"Muscat", "Asia/Muscat"},
            {"Prague", "Europe/Prague"}};
        LocalDate day0 = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (int i = 0; i < venues.length; i++) {
            LocalDate first = day0.plusDays(40 + i * 120L);
            meetings.add(new Meeting("ICANN" + (79 + i), "ICANN" + (79 + i), venues[i][0], null, null,
                    ZoneId.of(venues[i][1]), first, first.plusDays(5), null, List.of()));
        }
        List<Event> events = new ArrayList<>(count);
        long span = 2L * 365 * 86_400;
        for (int i = 0; i < count; i++) {
            String acronym = ACRONYMS[random.nextInt(ACRONYMS.length)];
            String title = acronym + " " + KINDS[random.nextInt(KINDS.length)] + ": " + TOPICS[random.nextInt(TOPICS.length)]
                    + " (" + (i % 997) + ")";
            Instant start = from.plusSeconds((random.nextLong() & Long.MAX_VALUE) % span / 900 * 900);
            boolean dateOnly = random.nextInt(10) == 0;
            Meeting meeting = null;
            for (Meeting m : meetings) {
                if (m.includes(LocalDate.ofInstant(start, m.zone()))) {
                    meeting = m;
                }
            }
            ZoneId zone = meeting != null ? meeting.zone() : ZoneId.of("UTC");
            events.add(new Event("ev-" + i, title, "session", meeting == null ? null : meeting.code(),
                    dateOnly ? null : start, dateOnly ? null : start.plusSeconds(5400), LocalDate.ofInstant(start, zone),
                    zone, null, random.nextBoolean() ? Access.OPEN : Access.CLOSED, null, List.of(acronym), List.of(),
                    EventStatus.SCHEDULED, "bench", null, 0));
        }
        return new CalendarData(committees, meetings, events, List.of());
    }
}
