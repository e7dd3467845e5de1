package org.ccnsobot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.features.sources.SchedServer.sched;
import static org.ccnsobot.features.sources.SchedServer.session;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources looked at on the bot's clock: a real HTTP server on 127.0.0.1, a real SQLite file, a ManualClock. */
class SourcesTest {
    static final String GRC = session("s-grc@sched", "GRC Workshop", "20240302T130000Z", "ccNSO", "Room 101");
    static final String DASC = session("s-dasc@sched", "DNS Abuse Standing Committee", "20240303T140000Z", "ccNSO",
            "Room 102");
    static final String TECH = session("s-tech@sched", "Tech Day", "20240304T150000Z", "TechWG", "Salon A");
    static final String GNSO = session("s-gnso@sched", "GNSO Council Meeting", "20240305T160000Z", "GNSO",
            "Salon B");

    @TempDir
    Path dir;
    SchedServer server;
    BotFixture bot;

    @BeforeEach
    void serve() throws Exception {
        server = new SchedServer();
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    private BotFixture open(String url) throws Exception {
        SourceConfig source = new SourceConfig("icann79", URI.create(url), "ICANN79", Duration.ofMinutes(15),
                List.of());
        bot = BotFixture.builder().platform("test", p -> p.withChannel(ChannelRole.STAFF, "staff"))
                .config(c -> c.withSources(List.of(source))).open(dir);
        bot.start(false);
        return bot;
    }

    private List<Event> imported() {
        return snapshot(bot.bot()).stream().filter(e -> "ics:icann79".equals(e.source())).toList();
    }

    private Event byTitle(String title) {
        return imported().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    private String sources() {
        return bot.staff("sources").text();
    }

    private List<String> staffTexts() {
        return bot.platform("test").texts();
    }

    @Test
    void theFirstLookImportsWithCommitteesAndConditionalRequestsFollow() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open(server.url("/all.ics"));
        bot.fire();

        assertThat(imported()).hasSize(4);
        assertThat(byTitle("GRC Workshop").committees()).containsExactly("GRC");
        assertThat(byTitle("DNS Abuse Standing Committee").committees()).containsExactly("DASC");
        assertThat(byTitle("Tech Day").committees()).containsExactly("TechWG");
        // another constituency's council is not the ccNSO Council
        assertThat(byTitle("GNSO Council Meeting").committees()).isEmpty();
        assertThat(byTitle("GRC Workshop").meetingCode()).isEqualTo("ICANN79");
        assertThat(bot.ask("next grc")).contains("GRC Workshop");
        // no duplicates: Tech Day takes the place of the seed's date-only Tech Day (same committee, same day), and
        // the GRC Workshop at 13:00 UTC is the seed's timed GRC workshop 1 (09:00 AST: same committee, same start)
        assertThat(sources()).contains("icann79", "2 added, 2 updated", "next look 2024-03-01 12:15 UTC");
        assertThat(byTitle("Tech Day").id()).isEqualTo("icann79-tech-day");
        assertThat(byTitle("GRC Workshop").id()).isEqualTo("icann79-grc-workshop-1");
        assertThat(server.requests()).hasSize(1);

        // ten minutes on, nothing is due; twenty, the source is asked again with its validators and answers 304
        bot.clock().advance(Duration.ofMinutes(10));
        bot.fire();
        assertThat(server.requests()).hasSize(1);
        bot.clock().advance(Duration.ofMinutes(10));
        bot.fire();
        assertThat(server.requests()).hasSize(2);
        SchedServer.Request second = server.requests().get(1);
        assertThat(second.ifNoneMatch()).isNotNull();
        assertThat(second.ifModifiedSince()).isEqualTo("Fri, 01 Mar 2024 10:00:00 GMT");
        assertThat(sources()).contains("unchanged (not modified", "next look 2024-03-01 12:35 UTC");
        assertThat(imported()).hasSize(4);
    }

    @Test
    void aChangeIsTakenOnTheNextLook() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH));
        open(server.url("/all.ics"));
        bot.fire();
        server.serveIcs(sched(GRC.replace("20240302T130000Z", "20240302T170000Z").replace("T140000Z", "T180000Z"),
                DASC, TECH));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();

        Event grc = byTitle("GRC Workshop");
        assertThat(grc.start()).isEqualTo(java.time.Instant.parse("2024-03-02T17:00:00Z"));
        assertThat(grc.status()).isEqualTo(EventStatus.MOVED);
        assertThat(sources()).contains("0 added, 1 updated, 0 cancelled, 2 unchanged");
    }

    private String staffIn(String tag, String text) {
        return bot.bot().handle(org.ccnsobot.port.Invocation.text(BotFixture.STAFF, BotFixture.CONSOLE, text,
                bot.clock().instant()).withLocale(java.util.Locale.forLanguageTag(tag))).text();
    }

    /** Issue 14, point 1 (i18n14c): sync and sources answer in the staffer's language; the source's name as set. */
    @Test
    void syncAndSourcesAreInTheStaffersLanguage() throws Exception {
        server.serveIcs(sched(GRC, DASC));
        open(server.url("/all.ics"));
        assertThat(staffIn("fr", "sources")).startsWith("Sources :\n  icann79 (" + server.url("/all.ics")
                + ", toutes les 15m) : pas encore consultée ; prochaine consultation 2024-03-01 12:00 UTC");
        // the GRC session starts when the seed's first GRC workshop does (09:00 AST): it takes that session over
        assertThat(staffIn("fr", "sync icann79")).startsWith("icann79: 1 ajouté, 1 mis à jour, 0 annulé, 0 inchangé,"
                + " 1 avertissement : ").contains("[icann79-grc-workshop-1]");
        assertThat(staffIn("es", "sync")).isEqualTo("icann79: sin cambios (no modificada desde la última consulta)");
        assertThat(staffIn("es", "sources")).startsWith("Fuentes:\n  icann79 (" + server.url("/all.ics")
                + ", cada 15m): última consulta ")
                .contains(": sin cambios (no modificada desde la última consulta); próxima consulta ");
        assertThat(staffIn("fr", "sync nope")).isEqualTo("Aucune source ne s'appelle « nope » ; les sources sont :"
                + " icann79.");
        assertThat(staffIn("es", "sync --accept")).isEqualTo("--accept necesita el nombre de la fuente: sync <nombre>"
                + " --accept");
        assertThat(staffIn("en", "sync")).startsWith("icann79: unchanged");
    }

    @Test
    void aSourcesCommitteeRulesGiveItsSessionsTheirCommittees() throws Exception {
        // as the config reads them: a pattern, any case, found in a title or in a category
        java.util.function.BiFunction<String, String, SourceConfig.CommitteeRule> rule = (pattern, acronym) ->
                new SourceConfig.CommitteeRule(java.util.regex.Pattern.compile(pattern,
                        java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE),
                        List.of(acronym));
        SourceConfig source = new SourceConfig("icann79", URI.create(server.url("/all.ics")), "ICANN79",
                Duration.ofMinutes(15), List.of(rule.apply("budget", "SOPC"), rule.apply("^Outreach Track$", "UAC"),
                rule.apply("strategy", "NOPE")));
        server.serveIcs(sched(
                session("s-budget@sched", "ccNSO Budget Working Session", "20240302T130000Z", "ccNSO", "Room 1"),
                session("s-out@sched", "Newcomer Orientation", "20240303T130000Z", "Outreach Track", "Room 2"),
                session("s-plan@sched", "Strategy Session", "20240304T130000Z", "ccNSO", "Room 3")));
        bot = BotFixture.builder().config(c -> c.withSources(List.of(source))).open(dir);
        bot.start(false);
        bot.fire();

        assertThat(byTitle("ccNSO Budget Working Session").committees()).as("a title rule").containsExactly("SOPC");
        assertThat(byTitle("Newcomer Orientation").committees()).as("a category rule").containsExactly("UAC");
        assertThat(byTitle("Strategy Session").committees()).as("a rule naming no known committee gives none")
                .isEmpty();
        assertThat(bot.ask("committee SOPC")).contains("ccNSO Budget Working Session");
    }

    @Test
    void syncLooksNowAndIsForStaffOnly() throws Exception {
        server.serveIcs(sched(GRC));
        open(server.url("/all.ics"));
        // the GRC Workshop (13:00 UTC) takes over the seed's GRC workshop 1, which starts then
        assertThat(bot.staff("sync icann79").text()).contains("icann79: 0 added, 1 updated");
        assertThat(bot.staff("sync").text()).contains("icann79: unchanged");
        assertThat(bot.staff("sync nope").text()).contains("No source called 'nope'", "icann79");
        assertThat(bot.ask("sync icann79")).doesNotContain("added");
    }

    @Test
    void threeFailuresInARowTellStaffOnceAndTheRecoveryOnce() throws Exception {
        server.serveIcs(sched(GRC));
        open(server.url("/all.ics"));
        bot.fire();
        List<Event> before = snapshot(bot.bot());
        server.answer(x -> SchedServer.send(x, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
        // backing off: 15m, 30m, 60m, 60m after each failure; without it each next look would be 15m on
        List<String> nextLooks = new java.util.ArrayList<>();
        for (int minutes : new int[] {15, 15, 30, 60, 60}) {
            bot.clock().advance(Duration.ofMinutes(minutes));
            bot.fire();
            String line = sources();
            nextLooks.add(line.substring(line.indexOf("next look ") + "next look ".length()));
        }
        assertThat(nextLooks).containsExactly("2024-03-01 12:30 UTC", "2024-03-01 13:00 UTC",
                "2024-03-01 14:00 UTC", "2024-03-01 15:00 UTC", "2024-03-01 16:00 UTC");
        assertThat(server.requests()).hasSize(6);  // the first look and five failures
        assertThat(sources()).contains("failed: answered HTTP 500", "(5 failures in a row)",
                "last look 2024-03-01 15:00 UTC", "next look 2024-03-01 16:00 UTC");
        assertThat(staffTexts()).singleElement().asString()
                .contains("Source icann79 has failed 3 times in a row", "answered HTTP 500");
        assertThat(snapshot(bot.bot())).isEqualTo(before);

        server.serveIcs(sched(GRC));
        bot.clock().advance(Duration.ofMinutes(60));
        bot.fire();
        assertThat(staffTexts()).hasSize(2);
        assertThat(staffTexts().get(1)).contains("Source icann79 answers again after 5 failures");
        assertThat(sources()).contains("unchanged", "next look");
    }

    @Test
    void aFileSourceIsLookedAtOnThePinnedClock() throws Exception {
        Path file = dir.resolve("council.ics");
        Files.writeString(file, sched(GRC, DASC));
        open(file.toUri().toString());
        bot.fire();
        assertThat(imported()).hasSize(2);

        Files.writeString(file, sched(GRC, DASC, TECH));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5_000));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();
        assertThat(imported()).hasSize(3);
        assertThat(sources()).contains("0 added, 1 updated, 0 cancelled, 2 unchanged")
                .contains("replaces the seed's date-only placeholder [icann79-tech-day]");
    }

    @Test
    void aLookThatWouldCancelMostUpcomingEventsWaitsForAccept() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open(server.url("/all.ics"));
        bot.fire();
        List<Event> before = snapshot(bot.bot());

        server.serveIcs(sched(GRC));  // a truncated export
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();
        assertThat(snapshot(bot.bot())).isEqualTo(before);
        assertThat(sources()).contains("held back: this look would cancel 3 of 4 upcoming events",
                "sync icann79 --accept");
        assertThat(staffTexts()).singleElement().asString().contains("held back");
        // the next look finds the same file: still held, staff not told again
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();
        assertThat(snapshot(bot.bot())).isEqualTo(before);
        assertThat(staffTexts()).hasSize(1);

        assertThat(bot.staff("sync icann79 --accept").text()).contains("3 cancelled");
        assertThat(imported()).filteredOn(e -> e.status() == EventStatus.CANCELLED).hasSize(3);
    }

    @Test
    void aBadEventInASourceIsLeftOutAndTheOthersLand() throws Exception {
        String broken = session("s-bad@sched", "Broken", "20240305T160000Z", "ccNSO", "Room 1")
                .replace("DTEND:20240305T170000Z", "DTEND:20240305T150000Z");
        server.serveIcs(sched(GRC, broken, DASC));
        open(server.url("/all.ics"));
        bot.fire();
        assertThat(imported()).extracting(Event::title)
                .containsExactlyInAnyOrder("GRC Workshop", "DNS Abuse Standing Committee");
        // the GRC Workshop takes over the seed's GRC workshop 1 (same start), the DASC session is new
        assertThat(sources()).contains("1 added, 1 updated",
                "1 left out: line 20: the event ends before it starts (UID s-bad@sched)");
    }

    @Test
    void anImportedSessionIsFoundByItsCommitteeEverywhere() throws Exception {
        server.serveIcs(sched(GRC, TECH));
        open(server.url("/all.ics"));
        bot.fire();
        assertThat(bot.ask("next grc")).contains("GRC Workshop");
        assertThat(bot.ask("committee GRC")).contains("GRC Workshop");
        try (org.ccnsobot.features.ical.FeedServer feeds = org.ccnsobot.features.ical.FeedServer.start("127.0.0.1", 0,
                bot.bot().calendar(), bot.clock())) {
            java.net.http.HttpResponse<String> grc = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + feeds.port()
                            + "/committees/GRC.ics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(grc.body()).contains("SUMMARY:GRC Workshop").doesNotContain("Tech Day");
        }
    }

    private static String cancelledInFeed(String session) {
        return session.replace("SUMMARY:", "STATUS:CANCELLED\r\nSUMMARY:");
    }

    /** A feed that keeps a session but marks it STATUS:CANCELLED cancels it as surely as one that drops it. */
    @Test
    void aSessionTheFeedMarksCancelledIsCountedAsCancelled() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open(server.url("/all.ics"));
        bot.fire();
        server.serveIcs(sched(GRC, DASC, TECH, cancelledInFeed(GNSO)));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();

        assertThat(sources()).contains("0 added, 0 updated, 1 cancelled, 3 unchanged");
        assertThat(imported()).filteredOn(e -> e.status() == EventStatus.CANCELLED)
                .extracting(Event::title).containsExactly("GNSO Council Meeting");
    }

    /** Marking most upcoming sessions STATUS:CANCELLED is held like a truncated export. */
    @Test
    void aLookThatMarksMostUpcomingSessionsCancelledWaitsForAccept() throws Exception {
        server.serveIcs(sched(GRC, DASC, TECH, GNSO));
        open(server.url("/all.ics"));
        bot.fire();
        List<Event> before = snapshot(bot.bot());

        server.serveIcs(sched(GRC, cancelledInFeed(DASC), cancelledInFeed(TECH), cancelledInFeed(GNSO)));
        bot.clock().advance(Duration.ofMinutes(20));
        bot.fire();
        assertThat(snapshot(bot.bot())).as("held: nothing changed").isEqualTo(before);
        assertThat(sources()).contains("held back: this look would cancel 3 of 4 upcoming events");
        assertThat(staffTexts()).singleElement().asString().contains("held back");

        assertThat(bot.staff("sync icann79 --accept").text()).contains("3 cancelled");
        assertThat(imported()).filteredOn(e -> e.status() == EventStatus.CANCELLED).hasSize(3);
    }
}
