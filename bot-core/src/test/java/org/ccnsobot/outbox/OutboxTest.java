package org.ccnsobot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.store.Database;
import org.ccnsobot.testing.RecordingPlatform;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kind the outbox has never heard of plugs in with its own payload and no migration, and gets every guarantee:
 * worded at send time in the reader's zone, sent once, dropped with a reason and counted, failed for good with a
 * staff alert that names it, and woken for by the scheduler thread.
 */
class OutboxTest {
    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");
    private static final Destination ALICE = new Destination.DirectMessage("chat", "alice");
    private static final Destination NEWS = new Destination.Channel("chat", "news");
    private static final Destination STAFF = new Destination.Channel("chat", "staff");

    @TempDir
    Path dir;
    ManualClock clock;
    RecordingPlatform platform;
    Database db;
    Outbox outbox;
    PingKind kind;

    /** What a ping says and when it is about. */
    record Ping(String what, Instant at) {
    }

    /** The new kind: "<what> at <time in the reader's zone> (sent <now>)". */
    static final class PingKind implements JobKind<Ping> {
        final List<Job<Ping>> settled = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "ping";
        }

        @Override
        public PayloadCodec<Ping> payload() {
            return PayloadCodec.json(Ping.class);
        }

        @Override
        public Rendering render(Job<Ping> job, SendContext context) {
            if (job.payload().what().equals("stale")) {
                return Rendering.drop("too late to matter");
            }
            return Rendering.send(OutgoingMessage.text(job.payload().what() + " at "
                    + job.payload().at().atZone(context.readerZone()).toLocalTime() + " (sent " + context.now() + ")"));
        }

        @Override
        public void settled(Job<Ping> job) {
            settled.add(job);
        }

        @Override
        public String describe(Job<Ping> job) {
            return "The ping " + job.subject();
        }
    }

    @BeforeEach
    void open() {
        clock = new ManualClock(T);
        platform = new RecordingPlatform("chat", clock).withChannel(ChannelRole.ANNOUNCEMENTS, "news")
                .withChannel(ChannelRole.STAFF, "staff");
        db = Database.open(dir.resolve("bot.db"));
        outbox = Outbox.create(db, clock, PlatformRegistry.of(List.of(platform)),
                d -> d instanceof Destination.DirectMessage ? ZoneId.of("Asia/Tokyo") : ZoneId.of("UTC"))
                .jitter(() -> 0.0).backoff(Duration.ofSeconds(30), Duration.ofMinutes(5)).maxAttempts(2);
        kind = new PingKind();
        outbox.register(kind);
    }

    @AfterEach
    void close() {
        outbox.close();
        db.close();
    }

    private List<NewJob<Ping>> pings(String what, Instant due, Destination... to) {
        return java.util.Arrays.stream(to).map(d -> new NewJob<>("p1", "1", d, due, new Ping(what, T))).toList();
    }

    @Test
    void aNewKindIsWordedAtSendTimeInTheReadersZoneAndSentOnce() throws Exception {
        outbox.start(false);
        Instant due = T.plus(Duration.ofHours(1));
        assertThat(outbox.enqueue(kind, pings("Coffee", due, ALICE, NEWS))).isEqualTo(2);
        assertThat(outbox.enqueue(kind, pings("Coffee", due, ALICE, NEWS))).isZero();
        assertThat(outbox.nextDue()).contains(due);
        outbox.fireDue();
        assertThat(platform.attempts()).isEmpty();
        clock.set(due.plus(Duration.ofMinutes(5)));   // caught up late: the text is the text of now
        assertThat(outbox.fireDue()).isEqualTo(2);
        outbox.fireDue();
        assertThat(platform.deliveredTo(ALICE)).singleElement().satisfies(a -> assertThat(a.text())
                .isEqualTo("Coffee at 21:00 (sent 2024-03-01T13:05:00Z)"));
        assertThat(platform.deliveredTo(NEWS)).singleElement().satisfies(a -> assertThat(a.text())
                .isEqualTo("Coffee at 12:00 (sent 2024-03-01T13:05:00Z)"));
        assertThat(platform.attempts()).extracting(RecordingPlatform.Attempt::key)
                .containsExactlyInAnyOrder("ping|p1|1|chat:dm:alice#1", "ping|p1|1|chat:channel:news#1");
        assertThat(outbox.jobs(kind, "p1")).allSatisfy(j -> {
            assertThat(j.state()).isEqualTo(JobState.SENT);
            assertThat(j.payload()).isEqualTo(new Ping("Coffee", T));
        });
        assertThat(kind.settled).extracting(Job::state).containsOnly(JobState.SENT).hasSize(2);
        assertThat(outbox.stats().rowsByState()).containsEntry(JobState.SENT, 2);
    }

    @Test
    void aJobItsKindDropsIsSettledWithTheReasonAndCounted() throws Exception {
        outbox.start(false);
        outbox.enqueue(kind, pings("stale", T, ALICE));
        outbox.fireDue();
        assertThat(platform.attempts()).isEmpty();
        assertThat(outbox.jobs(kind, "p1")).singleElement().satisfies(j -> {
            assertThat(j.state()).isEqualTo(JobState.DROPPED);
            assertThat(j.lastError()).isEqualTo("too late to matter");
        });
        assertThat(outbox.stats().droppedLate()).isEqualTo(1);
        assertThat(kind.settled).extracting(Job::state).containsExactly(JobState.DROPPED);
    }

    @Test
    void aJobThatFailsForGoodAlertsTheStaffChannelNamingItThroughItsKind() throws Exception {
        platform.behaviour((a, d) -> a.destination().equals(ALICE) ? RecordingPlatform.failure("HTTP 502", true)
                : d.deliver());
        outbox.start(false);
        outbox.enqueue(kind, pings("Coffee", T, ALICE));
        outbox.fireDue();
        clock.advance(Duration.ofSeconds(30));          // the back-off, on the injected clock
        outbox.fireDue();
        clock.advance(Duration.ofMinutes(5));
        outbox.fireDue();
        assertThat(platform.attempts()).filteredOn(a -> a.destination().equals(ALICE)).hasSize(2);
        assertThat(platform.deliveredTo(STAFF)).singleElement().satisfies(a -> assertThat(a.text())
                .isEqualTo("The ping p1 to the DMs of alice on chat could not be delivered after 2 attempt(s):"
                        + " PlatformException: HTTP 502"));
        assertThat(outbox.stats().failed()).isEqualTo(1);
        assertThat(outbox.stats().retried()).isEqualTo(1);
        assertThat(outbox.stats().alerts()).isEqualTo(1);
        assertThat(outbox.statusText()).contains("failed: The ping p1 to the DMs of alice on chat after 2 attempt(s)");
    }

    @Test
    void theSchedulerThreadWakesForAnEnqueueAndForAClockMove() throws Exception {
        outbox.start(true);
        outbox.enqueue(kind, pings("Now", T, NEWS));
        assertThat(platform.awaitDelivered(1, Duration.ofSeconds(10))).isTrue();
        Instant later = T.plus(Duration.ofDays(2));
        outbox.enqueue(kind, List.of(new NewJob<>("p2", "1", NEWS, later, new Ping("Later", T))));
        assertThat(platform.awaitDelivered(2, Duration.ofMillis(300))).isFalse();
        clock.set(later);
        assertThat(platform.awaitDelivered(2, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aSecondOutboxOnTheSameDatabaseIsRefused() throws Exception {
        outbox.start(false);
        try (Database other = Database.open(dir.resolve("bot.db"));
             Outbox second = Outbox.create(other, clock, PlatformRegistry.of(List.of(platform)), d -> ZoneId.of("UTC"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.start(false))
                    .isInstanceOf(LedgerBusyException.class).hasMessageContaining("only one may");
        }
    }
}
