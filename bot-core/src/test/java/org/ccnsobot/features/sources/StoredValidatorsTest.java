package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.sources.SchedServer.sched;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's validators outlive the process (V14 source_validators): the bot is closed and opened again on the same
 * SQLite file, and its first look is conditional, so an unchanged source answers 304 and nothing is parsed or written.
 * A real HTTP server on 127.0.0.1 counts the conditional requests.
 */
class StoredValidatorsTest {
    @TempDir
    Path dir;
    SchedServer server;
    BotFixture bot;

    @BeforeEach
    void serve() throws Exception {
        server = new SchedServer();
        server.serveIcs(sched(SourcesTest.GRC, SourcesTest.DASC, SourcesTest.TECH));
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    private static SourceConfig source(String url) {
        return new SourceConfig("icann79", URI.create(url), "ICANN79", Duration.ofMinutes(15), List.of());
    }

    private void open(String url) throws Exception {
        bot = BotFixture.builder().platform("test", p -> p.withChannel(ChannelRole.STAFF, "staff"))
                .config(c -> c.withSources(List.of(source(url)))).open(dir);
        bot.start(false);
    }

    private long conditional() {
        return server.requests().stream().filter(r -> r.ifNoneMatch() != null || r.ifModifiedSince() != null).count();
    }

    /** The last change_log row and the database's every row of source_validators, as one text. */
    private String writes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
             Statement st = c.createStatement()) {
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM change_log")) {
                sb.append(rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT source, url, etag, last_modified, body_hash, updated_at"
                    + " FROM source_validators")) {
                while (rs.next()) {
                    for (int i = 1; i <= 6; i++) {
                        sb.append('|').append(rs.getString(i));
                    }
                }
            }
            return sb.toString();
        }
    }

    @Test
    void afterARestartTheFirstLookIsConditionalAndA304LeavesEverythingUntouched() throws Exception {
        open(server.url("/all.ics"));
        bot.fire();
        assertThat(server.requests()).hasSize(1);
        assertThat(conditional()).isZero();
        // the GRC Workshop and Tech Day take the places of the seed's GRC workshop 1 and date-only Tech Day
        assertThat(bot.staff("sources").text()).contains("1 added, 2 updated");
        List<Event> before = snapshot(bot.bot());
        String written = writes();
        assertThat(written).contains("|icann79|" + server.url("/all.ics") + "|\"")
                .contains("|Fri, 01 Mar 2024 10:00:00 GMT|");

        // closed and opened again on the same file: the first look sends what the last run was answered
        bot.close();
        bot = null;
        open(server.url("/all.ics"));
        bot.fire();
        assertThat(server.requests()).hasSize(2);
        SchedServer.Request first = server.requests().get(1);
        assertThat(first.ifNoneMatch()).isNotNull();
        assertThat(first.ifModifiedSince()).isEqualTo("Fri, 01 Mar 2024 10:00:00 GMT");
        assertThat(conditional()).isEqualTo(1);
        assertThat(bot.staff("sources").text()).contains("unchanged (not modified since the last look)");
        // nothing parsed, nothing written: the calendar, the change log and the stored validators are as they were
        assertThat(snapshot(bot.bot())).isEqualTo(before);
        assertThat(writes()).isEqualTo(written);
    }

    @Test
    void aSourceWhoseUrlChangedStartsAfreshWithAFullFetch() throws Exception {
        open(server.url("/all.ics"));
        bot.fire();
        bot.close();
        bot = null;
        // the operator points the source elsewhere: the old validators belong to another resource
        open(server.url("/other.ics"));
        bot.fire();
        assertThat(server.requests()).hasSize(2);
        assertThat(conditional()).isZero();
        // the same body at the new address: taken in full, and nothing in it is new
        assertThat(bot.staff("sources").text()).contains("0 added, 0 updated, 0 cancelled, 3 unchanged");
    }
}
