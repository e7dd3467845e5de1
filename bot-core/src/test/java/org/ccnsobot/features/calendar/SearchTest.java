package org.ccnsobot.features.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.calendar.EventSearch.Clause;
import org.ccnsobot.features.calendar.EventSearch.Field;
import org.ccnsobot.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-text index of migration V6 on real SQLite files: kept by triggers through every write, in time order. */
class SearchTest {
    private static final ZoneId AST = ZoneId.of("America/Puerto_Rico");
    private static final Instant NOW = Instant.parse("2024-02-10T12:00:00Z");

    @TempDir
    Path dir;

    private static Event event(String id, String title, String meeting, Instant start, LocalDate date, String... committees) {
        return new Event(id, title, "workshop", meeting, start, start == null ? null : start.plusSeconds(3600), date,
                start == null ? AST : ZoneId.of("UTC"), null, Access.OPEN, "About " + title.toLowerCase() + ".",
                List.of(committees), List.of(), EventStatus.SCHEDULED, null, null, 0);
    }

    private static List<Clause> words(String... terms) {
        return java.util.Arrays.stream(terms).map(t -> new Clause(List.of(t), EventSearch.ALL)).toList();
    }

    private static CalendarData seed() {
        Committee tldops = new Committee("TLD-OPS", "TLD-OPS Standing Committee", null, null, List.of("TLD OPS"));
        Committee grc = new Committee("GRC", "Guidelines Review Committee", null, null, List.of());
        Meeting icann79 = new Meeting("ICANN79", "ICANN79 Community Forum", "San Juan", "Puerto Rico", null, AST,
                LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 7), null, List.of());
        return new CalendarData(List.of(tldops, grc), List.of(icann79), List.of(
                event("later", "Incident response drill", null, Instant.parse("2024-02-20T10:00:00Z"),
                        LocalDate.of(2024, 2, 20), "TLD-OPS"),
                event("sooner", "Incident response planning", null, Instant.parse("2024-02-14T10:00:00Z"),
                        LocalDate.of(2024, 2, 14), "TLD-OPS"),
                event("past", "Incident response review", null, Instant.parse("2024-01-14T10:00:00Z"),
                        LocalDate.of(2024, 1, 14), "GRC"),
                event("tech-day", "Tech Day", "ICANN79", null, LocalDate.of(2024, 3, 4))), List.of());
    }

    @Test
    void writesKeepTheIndexAndMatchesComeInTimeOrder() {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            calendar.saveAll(seed());
            EventSearch search = calendar.search();
            assertThat(search.ahead(words("incident", "response"), NOW, 5)).extracting(Event::id)
                    .containsExactly("sooner", "later");
            assertThat(search.before(words("incident"), NOW, 5)).extracting(Event::id).containsExactly("past");
            assertThat(search.countAhead(words("incident"), NOW, 100)).isEqualTo(2);
            // committees run together, their names and aliases, the meeting's code and city
            assertThat(search.ahead(List.of(new Clause(List.of("tldops"), Set.of(Field.COMMITTEES))), NOW, 5))
                    .extracting(Event::id).containsExactly("sooner", "later");
            assertThat(search.ahead(words("standing"), NOW, 5)).extracting(Event::id).containsExactly("sooner", "later");
            assertThat(search.ahead(words("juan"), NOW, 5)).extracting(Event::id).containsExactly("tech-day");
            assertThat(search.ahead(words("icann79"), NOW, 5)).extracting(Event::id).containsExactly("tech-day");
            assertThat(search.ahead(words("inciden*"), NOW, 5)).hasSize(2);
            assertThat(search.ahead(List.of(new Clause(List.of("response drill"), Set.of(Field.TITLE))), NOW, 5))
                    .extracting(Event::id).containsExactly("later");
            assertThat(calendar.index().has("drill")).isTrue();

            // renamed: the old words no longer find it, the new ones do, and the vocabulary follows
            Event later = search.ahead(words("drill"), NOW, 1).get(0);
            calendar.saveEvent(new Event(later.id(), "Tabletop exercise", later.kind(), null, later.start(), later.end(),
                    later.date(), later.zone(), null, later.access(), null, later.committees(), List.of(),
                    later.status(), null, null, 1));
            assertThat(search.ahead(words("drill"), NOW, 5)).isEmpty();
            assertThat(search.ahead(words("tabletop"), NOW, 5)).extracting(Event::id).containsExactly("later");
            assertThat(calendar.index().has("drill")).isFalse();
            assertThat(calendar.index().has("tabletop")).isTrue();

            // moved before the other one: the order follows; cancelled: no longer ahead
            Event sooner = search.ahead(words("planning"), NOW, 1).get(0);
            Event moved = new Event(later.id(), "Tabletop incident response", later.kind(), null,
                    Instant.parse("2024-02-12T10:00:00Z"), Instant.parse("2024-02-12T11:00:00Z"),
                    LocalDate.of(2024, 2, 12), later.zone(), null, later.access(), null, later.committees(), List.of(),
                    later.status(), null, null, 2);
            calendar.saveEvent(moved);
            assertThat(search.ahead(words("incident"), NOW, 5)).extracting(Event::id).containsExactly("later", "sooner");
            calendar.saveEvent(sooner.withStatus(EventStatus.CANCELLED));
            assertThat(search.ahead(words("incident"), NOW, 5)).extracting(Event::id).containsExactly("later");
        }
    }

    @Test
    void aDateOnlySessionIsAheadUntilItsDayIsOverInItsZone() {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            calendar.saveAll(seed());
            // 10:00 in San Juan on Tech Day: the day has begun (it is keyed at midnight there) but is not over
            Instant during = Instant.parse("2024-03-04T14:00:00Z");
            assertThat(calendar.search().ahead(words("tech"), during, 5)).extracting(Event::id)
                    .containsExactly("tech-day");
            assertThat(calendar.ahead(during, 5)).extracting(Event::id).containsExactly("tech-day");
            assertThat(calendar.upcoming(during, 5)).isEmpty();
            assertThat(calendar.search().ahead(words("tech"), Instant.parse("2024-03-05T05:00:00Z"), 5)).isEmpty();
        }
    }

    @Test
    void aDatabaseFromBeforeTheSearchGetsItsEventsIndexedWhenItIsMigrated() throws Exception {
        Path file = dir.resolve("v3.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String name : new String[] {"V1__calendar.sql", "V2__reminders.sql", "V3__announcements.sql"}) {
                for (String sql : Database.class.getResourceAsStream(name) == null ? new String[0]
                        : script(name).split(";\\s*\\n")) {
                    String body = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                    if (!body.isBlank()) {
                        st.execute(body);
                    }
                }
            }
            st.execute("PRAGMA user_version=3");
            st.execute("INSERT INTO events(id, title, kind, local_date, zone, sort_utc, end_key_utc, access, status,"
                    + " committees) VALUES ('old-one', 'Registrant capacity building session', 'session', '2024-03-05',"
                    + " 'UTC', 1709596800000, 1709683200000, 'OPEN', 'SCHEDULED', '')");
        }
        try (Database db = Database.open(file)) {
            CalendarService calendar = new CalendarService(CalendarStore.sqlite(db));
            assertThat(calendar.search().ahead(words("registrant"), NOW, 5)).extracting(Event::id)
                    .containsExactly("old-one");
            assertThat(calendar.index().expand("registrnat")).contains("registrant");
        }
    }

    @Test
    void theQueryQuotesEveryTermAndNamesItsColumns() {
        assertThat(SqliteEventSearch.match(List.of(new Clause(List.of("council", "councl", "coun*"),
                Set.of(Field.TITLE, Field.KIND)), new Clause(List.of("say \"hi\""), Set.of(Field.DESCRIPTION)))))
                .isEqualTo("{title kind} : (\"council\" OR \"councl\" OR \"coun\"*) AND {description} : (\"say \"\"hi\"\"\")");
        assertThat(SqliteEventSearch.key(Instant.parse("9999-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
