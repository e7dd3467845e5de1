package org.ccnsobot.features.personalfeed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.features.ical.FeedServer;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Personal feeds through the real command path and the bot's own feed server on 127.0.0.1, on a real SQLite file:
 * the reminder tests' world ({@link BotFixture#remindersWorld()}: 24 h and 1 h before by default, webinars 2 h,
 * an event with its own 48 h and 1 h, a date-only milestone reminded at 08:00 in its zone).
 */
class PersonalFeedTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/personal/([A-Za-z0-9_-]+)\\.ics");

    @TempDir
    Path dir;
    BotFixture bot;
    FeedServer server;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.ccnsobot");
    private ch.qos.logback.classic.Level was;

    @BeforeEach
    void open() throws Exception {
        log.start();
        ours.addAppender(log);
        was = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        bot = BotFixture.remindersWorld().config(c -> c.withFeeds(new FeedsConfig("127.0.0.1", port, null)))
                .open(dir);
        server = FeedServer.start("127.0.0.1", port, bot.bot().calendar(), bot.clock(), FeedsConfig.DEFAULT_REFRESH,
                bot.bot().personalFeeds());
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        bot.close();
        ours.detachAppender(log);
        ours.setLevel(was);
    }

    private static String url(String reply) {
        Matcher m = URL.matcher(reply);
        assertThat(m.find()).as("an address in: " + reply).isTrue();
        return m.group();
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each event of a feed (by UID) with the TRIGGER lines of its VALARMs, lines unfolded. */
    private static Map<String, List<String>> alarmsByUid(String body) {
        String text = body.replace("\r\n ", "");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String vevent : text.split("BEGIN:VEVENT\r\n")) {
            Matcher uid = Pattern.compile("(?m)^UID:([^\r\n]+)").matcher(vevent);
            if (!uid.find()) {
                continue;
            }
            List<String> triggers = new ArrayList<>();
            String[] parts = vevent.split("BEGIN:VALARM\r\n");
            for (int i = 1; i < parts.length; i++) {
                String alarm = parts[i];
                assertThat(alarm).contains("ACTION:DISPLAY\r\n", "DESCRIPTION:", "END:VALARM");
                Matcher t = Pattern.compile("(?m)^(TRIGGER[^\r\n]*)").matcher(alarm);
                assertThat(t.find()).isTrue();
                triggers.add(t.group(1));
            }
            out.put(uid.group(1), triggers);
        }
        return out;
    }

    @Test
    void theFeedHoldsExactlyWhatTheMemberSubscribesToWithAnAlarmAtEachOfItsReminderOffsets() throws Exception {
        bot.say("alice", "subscribe grc");
        bot.say("alice", "subscribe own-offsets");
        // someone else's subscription is not in alice's feed
        bot.say("bob", "subscribe council");
        String reply = bot.say("alice", "feed");
        String url = url(reply);
        assertThat(reply).contains("feed reset").doesNotContain("subscribe to nothing");

        HttpResponse<String> first = get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue("text/calendar; charset=utf-8");
        assertThat(first.headers().firstValue("cache-control")).hasValue("private, max-age=300");
        assertThat(first.body()).contains("\r\nX-WR-CALNAME:ccNSO — your sessions\r\n");
        // the webinar by its kind's 2 h; the event with its own offsets at 48 h and 1 h
        assertThat(alarmsByUid(first.body())).containsExactly(
                Map.entry("grc-webinar@ccnso-bot", List.of("TRIGGER:-PT2H")),
                Map.entry("own-offsets@ccnso-bot", List.of("TRIGGER:-PT48H", "TRIGGER:-PT1H")));

        // the feeds' rules: an unchanged feed is the same body, its ETag answers 304, HEAD gives the length
        String etag = first.headers().firstValue("etag").orElseThrow();
        bot.clock().advance(Duration.ofHours(2));
        assertThat(get(url).body()).isEqualTo(first.body());
        assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length"))
                .hasValue(String.valueOf(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));

        // another subscription reaches the same address: the date-only milestone, reminded at 08:00 in San Juan,
        // and the Council meeting at the config's defaults
        bot.say("alice", "subscribe date-only");
        bot.say("alice", "subscribe council");
        HttpResponse<String> after = get(url, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(alarmsByUid(after.body())).containsExactly(
                Map.entry("council-300@ccnso-bot", List.of("TRIGGER:-PT24H", "TRIGGER:-PT1H")),
                Map.entry("grc-webinar@ccnso-bot", List.of("TRIGGER:-PT2H")),
                Map.entry("own-offsets@ccnso-bot", List.of("TRIGGER:-PT48H", "TRIGGER:-PT1H")),
                Map.entry("date-only@ccnso-bot", List.of("TRIGGER;VALUE=DATE-TIME:20240320T120000Z")));
    }

    @Test
    void resetKillsTheOldAddressAtOnceAndTheNewOneWorks() throws Exception {
        bot.say("alice", "subscribe all");
        String old = url(bot.say("alice", "feed"));
        assertThat(get(old).statusCode()).isEqualTo(200);
        // asked again, the bot cannot show the address (it keeps only a hash) and makes no new one
        String again = bot.say("alice", "feed");
        assertThat(again).contains("already have a personal feed (made 2024-03-01)", "feed reset");
        assertThat(URL.matcher(again).find()).isFalse();
        assertThat(get(old).statusCode()).isEqualTo(200);

        String reset = bot.say("alice", "feed reset");
        String fresh = url(reset);
        assertThat(reset).contains("old feed address no longer works");
        assertThat(fresh).isNotEqualTo(old);
        HttpResponse<String> dead = get(old);
        assertThat(dead.statusCode()).isEqualTo(404);
        assertThat(dead.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(dead.body()).isEqualTo("no such feed\n");
        assertThat(get(fresh).statusCode()).isEqualTo(200);
        // a token never issued, and one that is not even of the token's form, are the same plain 404
        assertThat(get(fresh.replaceAll("/personal/.", "/personal/" + (fresh.contains("/personal/A") ? "B" : "A")))
                .statusCode()).isEqualTo(404);
        assertThat(get(fresh.replace(".ics", "%2e.ics")).body()).isEqualTo("no such feed\n");
    }

    @Test
    void theDatabaseAndTheLogHoldNoRawTokenOnlyItsSha256() throws Exception {
        bot.say("alice", "subscribe all");
        String token = tokenOf(bot.say("alice", "feed"));
        String reset = tokenOf(bot.say("alice", "feed reset"));
        // 32 random bytes, URL-safe Base64 without padding
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(get("http://127.0.0.1:" + server.port() + "/personal/" + reset + ".ics").statusCode())
                .isEqualTo(200);
        // read from a second connection while the bot runs: what any copy of the file would show
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT platform, user_id, token_hash FROM feed_tokens")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("chat");
                assertThat(rs.getString(2)).isEqualTo("alice");
                assertThat(rs.getString(3)).isEqualTo(FeedTokens.hash(reset)).matches("[0-9a-f]{64}");
                assertThat(rs.next()).as("one row per member").isFalse();
            }
            // no table of the database holds either token in any column
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("feed_tokens", "audit", "outbox");
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                assertThat(v).as(table).doesNotContain(token).doesNotContain(reset);
                            }
                        }
                    }
                }
            }
        }
        assertThat(log.list).isNotEmpty();
        for (ILoggingEvent e : log.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(token).doesNotContain(reset);
        }
    }

    private static String tokenOf(String reply) {
        Matcher m = URL.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    @Test
    void withoutFeedsConfiguredTheMemberGetsTheOneLineReasonAndNothingIsStored() throws Exception {
        server.close();
        server = null;
        bot.close();
        bot = BotFixture.remindersWorld().open(dir.resolve("no-feeds"));
        String reply = bot.say("alice", "feed");
        assertThat(reply).isEqualTo("This bot serves no calendar feeds (its config has no feeds: section), so it has"
                + " no personal feed to give.");
        assertThat(bot.say("alice", "feed reset")).doesNotContain("\n").contains("no calendar feeds");
        assertThat(FeedTokens.sqlite(bot.bot().database()).issuedAt("chat", "alice")).isEmpty();
    }

    @Test
    void inASharedChannelAPlainLineIsToldWhereToAskAndATypedCommandIsAnsweredPrivately() throws Exception {
        String inChannel = bot.ask("feed");
        assertThat(inChannel).contains("private").doesNotContain("/personal/");
        assertThat(FeedTokens.sqlite(bot.bot().database()).issuedAt(BotFixture.MEMBER.platform(),
                BotFixture.MEMBER.userId())).isEmpty();

        Reply typed = bot.bot().handle(Invocation.command(BotFixture.MEMBER, BotFixture.PLACE, "feed", Map.of(),
                bot.clock().instant()));
        assertThat(typed.personal()).isTrue();
        assertThat(get(url(typed.text())).statusCode()).isEqualTo(200);
        // with no subscription yet the member is told the feed starts empty
        assertThat(typed.text()).contains("You subscribe to nothing yet");
    }

    @Test
    void inFrenchTheAnswerAndTheFeedsNameAreFrench() throws Exception {
        bot.say("alice", "language fr");
        bot.say("alice", "subscribe grc");
        String reply = bot.say("alice", "feed");
        assertThat(reply).startsWith("Votre flux de calendrier personnel : http://127.0.0.1:");
        assertThat(get(url(reply)).body()).contains("\r\nX-WR-CALNAME:ccNSO — vos séances\r\n");
    }
}
