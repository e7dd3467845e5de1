package org.ccnsobot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.Reply;
import org.ccnsobot.store.StoreException;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Storage faults on real files: each is told as what it is, in one line, and nothing is half-saved. */
class StorageFaultsTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.ccnsobot");

    @BeforeEach
    void capture() {
        log.start();
        ours.addAppender(log);
    }

    @AfterEach
    void release() {
        ours.detachAppender(log);
    }

    private static long pragma(Bot bot, String name) {
        return bot.database().read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** i18n14f: the same refusal in the staffer's language (their platform's locale). */
    @Test
    void aFullDiskIsToldInTheStaffersLanguage() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            bot.database().read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM");
                }
                return null;
            });
            long pages = pragma(bot, "page_count");
            assertThat(pragma(bot, "max_page_count = " + pages)).isEqualTo(pages);
            String add = "event add \"Disk test\" --date 2024-03-05 --description \"" + "word ".repeat(1000) + "\"";
            assertThat(bot.handle(org.ccnsobot.port.Invocation.text(BotFixture.STAFF, BotFixture.CONSOLE, add,
                    bot.clock().instant()).withLocale(java.util.Locale.FRENCH)).text())
                    .isEqualTo("Le disque est plein : rien n'a été enregistré. Équipe : libérez de la place et réessayez.");
        }
    }

    @Test
    void aFullDiskIsToldAsSuchNothingIsSavedAndTheLogKeepsSqlitesError() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            // no free pages left to reuse, so the next page SQLite needs must grow the file
            bot.database().read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM");
                }
                return null;
            });
            assertThat(pragma(bot, "freelist_count")).isZero();
            long pages = pragma(bot, "page_count");
            // the file may not grow: the next page SQLite needs is past the limit, as on a full disk
            assertThat(pragma(bot, "max_page_count = " + pages)).isEqualTo(pages);
            String text = "word ".repeat(1000);
            Reply r = BotFixture.staff(bot, "event add \"Disk test\" --date 2024-03-05 --description \"" + text + "\"");
            assertThat(r.text()).isEqualTo("The disk is full: nothing was saved. Staff: free some space and try again.");
            assertThat(r.personal()).isTrue();
            assertThat(BotFixture.ask(bot, "when disk test")).doesNotContain("[disk-test");
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getLevel().toString()).isEqualTo("ERROR");
                assertThat(e.getFormattedMessage()).contains("the disk is full").contains("SQLITE_FULL");
            });
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("no transaction is active"));

            // once there is room again, the same command works
            pragma(bot, "max_page_count = 1073741823");
            assertThat(BotFixture.staff(bot, "event add \"Disk test\" --date 2024-03-05").text()).startsWith("Added: ");
        }
    }

    @Test
    void aDatabaseLockedByAnotherProcessAnswersOneClearLineAfterTheBusyTimeoutWithoutAStackTrace() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LockHolderChild.class.getName(), bot.database().file().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("LOCKED");
                long start = System.nanoTime();
                Reply r = BotFixture.staff(bot, "event add \"Locked test\" --date 2024-03-05");
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(r.text()).isEqualTo("The calendar is busy: another program has been writing to it for over"
                        + " 5 seconds, so nothing was saved. Try again in a moment.");
                assertThat(waited).as("waited for the busy timeout").isGreaterThanOrEqualTo(4_500);
                // reads still work while another process writes (WAL)
                assertThat(BotFixture.ask(bot, "next council")).contains("ccNSO Council meeting 202");
            } finally {
                try (OutputStream in = holder.getOutputStream()) {
                    in.write('\n');
                }
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            List<ILoggingEvent> busy = log.list.stream().filter(e -> e.getFormattedMessage().contains("busy")).toList();
            assertThat(busy).hasSize(1).allSatisfy(e -> {
                assertThat(e.getLevel().toString()).isEqualTo("WARN");
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
                assertThat(e.getFormattedMessage()).doesNotContain("\n");
            });
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().startsWith("Fault "));
            // once the other process is done, the same command works
            assertThat(BotFixture.staff(bot, "event add \"Locked test\" --date 2024-03-05").text()).startsWith("Added: ");
        }
    }

    @Test
    void aReadOnlyDatabaseIsRefusedAtStartInOneLine() throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.NEWSLETTER_DAY))) {
            assertThat(BotFixture.ask(bot, "committees")).contains("GRC");
        }
        Path db = dir.resolve("bot.db");
        byte[] before = Files.readAllBytes(db);
        ReadOnly ro = ReadOnly.make(db);
        assumeTrue(ro != null, "cannot make a file read-only here (root without chattr)");
        try {
            BotConfig cfg = BotConfig.defaults().withDatabase(db).withCalendar(BotFixture.seedCalendar());
            assertThatThrownBy(() -> Bot.open(cfg, new ManualClock(BotFixture.NEWSLETTER_DAY)))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(db + ": is read-only, and the bot must write to its database; make it writable for"
                            + " the user the bot runs as");
        } finally {
            ro.undo();
        }
        assertThat(Files.readAllBytes(db)).as("left untouched").isEqualTo(before);
    }

    /** A file made read-only: by its mode, or (for root, whom modes do not stop) by chattr +i. */
    record ReadOnly(Path file, boolean immutable) {
        static ReadOnly make(Path file) throws Exception {
            file.toFile().setWritable(false, false);
            if (!Files.isWritable(file)) {
                return new ReadOnly(file, false);
            }
            file.toFile().setWritable(true, false);
            Process p = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !Files.isWritable(file)) {
                return new ReadOnly(file, true);
            }
            return null;
        }

        void undo() throws Exception {
            if (immutable) {
                Process p = new ProcessBuilder("chattr", "-i", file.toString()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(10, TimeUnit.SECONDS);
            } else {
                file.toFile().setWritable(true, false);
            }
        }
    }
}
