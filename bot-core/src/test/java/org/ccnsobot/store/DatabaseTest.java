package org.ccnsobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;
import org.ccnsobot.domain.Meeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ccnsobot.features.calendar.CalendarStore;
class DatabaseTest {
    @TempDir
    Path dir;

    private static final ZoneId AST = ZoneId.of("America/Puerto_Rico");

    @Test
    void dataWrittenSurvivesCloseAndReopen() {
        Path file = dir.resolve("cal.db");
        Meeting icann79 = new Meeting("ICANN79", "ICANN79 Community Forum", "San Juan", "Puerto Rico", "PRCC", AST,
                LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 7), "nic.pr", List.of(new Link("site", "https://x.test/")));
        Committee grc = new Committee("GRC", "Guidelines Review Committee", "desc", null, List.of("G R C"));
        Event timed = new Event("e1", "Timed", "session", "ICANN79", Instant.parse("2024-03-05T14:30:00Z"),
                Instant.parse("2024-03-05T16:00:00Z"), LocalDate.of(2024, 3, 5), AST, "Room 1", Access.CLOSED, "d",
                List.of("GRC"), List.of(new Link("a", "https://a.test/")), EventStatus.SCHEDULED, "calendar", null, 0);
        Event dateOnly = new Event("e2", "Date only", "workshop", "ICANN79", null, null, LocalDate.of(2024, 3, 4), AST,
                null, Access.OPEN, null, List.of(), List.of(), EventStatus.SCHEDULED, null, null, 0);
        try (Database db = Database.open(file)) {
            CalendarStore store = CalendarStore.sqlite(db);
            store.saveAll(List.of(grc), List.of(icann79), List.of(timed, dateOnly),
                    List.of(new CommitteeUpdate(0, "GRC", Instant.parse("2024-02-01T00:00:00Z"), "staff", "news")));
            store.setUserZone("discord", "u1", ZoneId.of("Europe/Brussels"));
        }
        try (Database db = Database.open(file)) {
            CalendarStore store = CalendarStore.sqlite(db);
            assertThat(store.event("e1")).contains(timed);
            assertThat(store.event("e2")).contains(dateOnly);
            assertThat(store.meetings()).containsExactly(icann79);
            assertThat(store.committees()).containsExactly(grc);
            assertThat(store.updates("GRC", 5)).extracting(CommitteeUpdate::text).containsExactly("news");
            assertThat(store.userZone("discord", "u1")).contains(ZoneId.of("Europe/Brussels"));
            // The date-only event is ordered at midnight in the venue's zone, before the timed one.
            assertThat(store.upcoming(Instant.parse("2024-03-01T00:00:00Z"), 10)).extracting(Event::id)
                    .containsExactly("e2", "e1");
        }
    }

    @Test
    void opensInWalModeWithForeignKeysAndDurableCommits() throws Exception {
        Path file = dir.resolve("cal.db");
        try (Database db = Database.open(file)) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    assertThat(single(st, "PRAGMA journal_mode")).isEqualTo("wal");
                    assertThat(single(st, "PRAGMA foreign_keys")).isEqualTo("1");
                    assertThat(single(st, "PRAGMA synchronous")).isEqualTo("2"); // FULL
                    assertThat(single(st, "PRAGMA user_version")).isEqualTo(String.valueOf(Database.latestVersion()));
                }
                return null;
            });
            // Foreign keys are enforced: an event naming an unknown committee is refused, and nothing is written.
            CalendarStore store = CalendarStore.sqlite(db);
            Event orphan = new Event("x", "X", null, null, null, null, LocalDate.of(2024, 1, 1), ZoneId.of("UTC"), null,
                    null, null, List.of("NOPE"), List.of(), null, null, null, 0);
            assertThatThrownBy(() -> store.saveEvent(orphan)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(store.event("x")).isEmpty();
        }
    }

    private static String single(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("notes.db");
        byte[] content = "these are my meeting notes, not a database\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("not a SQLite database");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(dir.resolve("notes.db-wal")).doesNotExist();
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("future.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
            st.execute("PRAGMA user_version=" + (Database.latestVersion() + 5));
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("newer than this build");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFailedTransactionWritesNothing() {
        try (Database db = Database.open(dir.resolve("tx.db"))) {
            CalendarStore store = CalendarStore.sqlite(db);
            Committee ok = new Committee("OK", "Fine", null, null, List.of());
            Event bad = new Event("bad", "Bad", null, null, null, null, LocalDate.of(2024, 1, 1), ZoneId.of("UTC"), null,
                    null, null, List.of("UNKNOWN"), List.of(), null, null, null, 0);
            assertThatThrownBy(() -> store.saveAll(List.of(ok), List.of(), List.of(bad), List.of()))
                    .isInstanceOf(StoreException.class);
            assertThat(store.committees()).isEmpty();
        }
    }

    @Test
    void migrationsAreSplitIntoStatements() {
        assertThat(Database.splitStatements("-- c\nCREATE TABLE a(x);\n\nCREATE INDEX i ON a(x);\n")).hasSize(2);
    }
}
