package org.ccnsobot.store;

import org.ccnsobot.features.calendar.CalendarStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed on a real file, with the writes made by a second connection as another process would. */
class ChangeFeedTest {
    @TempDir
    Path dir;

    private static Event event(String id, List<String> committees) {
        return new Event(id, "Title " + id, null, null, null, null, LocalDate.of(2030, 1, 1), ZoneId.of("UTC"), null,
                null, null, committees, List.of(), null, null, null, 0);
    }

    @Test
    void writesOfAnotherConnectionArriveInOrderWithTheirTablesKeysAndOps() {
        Path file = dir.resolve("feed.db");
        try (Database reader = Database.open(file); Database writer = Database.open(file);
             ChangeFeed feed = ChangeFeed.open(reader)) {
            List<ChangeFeed.Batch> heard = new CopyOnWriteArrayList<>();
            feed.subscribe(heard::add);
            assertThat(feed.pollNow()).as("nothing written yet").isZero();
            CalendarStore store = CalendarStore.sqlite(writer);
            store.saveAll(List.of(new Committee("GRC", "Guidelines Review Committee", null, null, List.of())),
                    List.of(), List.of(event("e1", List.of("GRC"))), List.of());
            store.setUserZone("discord", "u1", ZoneId.of("Europe/Brussels"));
            assertThat(feed.pollNow()).isEqualTo(4);
            assertThat(heard).hasSize(1);
            assertThat(heard.get(0).changes()).extracting(c -> c.table() + "|" + c.rowKey() + "|" + c.op())
                    .containsExactly("committees|GRC|INSERT", "events|e1|INSERT", "event_committees|e1|INSERT",
                            "user_prefs|discord:u1|INSERT");
            assertThat(feed.position()).isEqualTo(heard.get(0).changes().get(3).seq());
            assertThat(feed.pollNow()).as("each change is delivered once").isZero();
        }
    }

    @Test
    void theFeedThreadDeliversWithoutBeingAskedAndAFailingListenerDoesNotStopTheOthers() throws Exception {
        Path file = dir.resolve("thread.db");
        try (Database reader = Database.open(file); Database writer = Database.open(file);
             ChangeFeed feed = ChangeFeed.open(reader, Duration.ofMillis(20), ChangeFeed.DEFAULT_RETENTION)) {
            CompletableFuture<ChangeFeed.Batch> second = new CompletableFuture<>();
            feed.subscribe(b -> {
                throw new IllegalStateException("this listener is broken");
            });
            feed.subscribe(second::complete);
            feed.start();
            CalendarStore.sqlite(writer).setUserZone("slack", "U2", ZoneId.of("Asia/Tokyo"));
            assertThat(second.get(10, TimeUnit.SECONDS).keys("user_prefs")).containsExactly("slack:U2");
        }
    }

    @Test
    void aReaderWhoseUnreadChangesWerePrunedIsToldToResyncEverything() {
        Path file = dir.resolve("prune.db");
        try (Database reader = Database.open(file); Database writer = Database.open(file);
             ChangeFeed behind = ChangeFeed.open(reader); ChangeFeed pruner = ChangeFeed.open(writer)) {
            List<ChangeFeed.Batch> heard = new CopyOnWriteArrayList<>();
            behind.subscribe(heard::add);
            CalendarStore store = CalendarStore.sqlite(writer);
            store.setUserZone("discord", "a", ZoneId.of("UTC"));
            store.setUserZone("discord", "b", ZoneId.of("UTC"));
            writer.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    // as if written an hour ago, while the reader was stopped
                    return st.executeUpdate("UPDATE change_log SET at = at - 3600000");
                }
            });
            assertThat(pruner.prune()).isEqualTo(2);
            store.setUserZone("discord", "c", ZoneId.of("UTC"));
            assertThat(behind.pollNow()).isEqualTo(1);
            assertThat(heard).singleElement().satisfies(b -> {
                assertThat(b.resync()).isTrue();
                assertThat(b.changes()).isEmpty();
            });
            // after the resync it follows on from the newest change
            store.setUserZone("discord", "d", ZoneId.of("UTC"));
            behind.pollNow();
            assertThat(heard.get(1).keys("user_prefs")).containsExactly("discord:d");
        }
    }

    @Test
    void prunedRowsThatWereAlreadyReadNeedNoResync() {
        Path file = dir.resolve("read.db");
        try (Database reader = Database.open(file); Database writer = Database.open(file);
             ChangeFeed feed = ChangeFeed.open(reader)) {
            List<ChangeFeed.Batch> heard = new CopyOnWriteArrayList<>();
            feed.subscribe(heard::add);
            CalendarStore.sqlite(writer).setUserZone("discord", "a", ZoneId.of("UTC"));
            feed.pollNow();
            writer.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE change_log SET at = 0");
                }
            });
            assertThat(feed.prune()).isEqualTo(1);
            CalendarStore.sqlite(writer).setUserZone("discord", "b", ZoneId.of("UTC"));
            feed.pollNow();
            assertThat(heard).extracting(ChangeFeed.Batch::resync).containsExactly(false, false);
        }
    }
}
