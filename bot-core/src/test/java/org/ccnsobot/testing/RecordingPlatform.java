package org.ccnsobot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.port.SentRef;

/**
 * A chat platform that records every send attempt, with the fake clock's instant. Its {@link Behaviour} decides
 * each attempt's answer (deliver, fail transiently or for good, answer late), so tests can script a flaky
 * platform. Delivered messages are indexed by idempotency key for {@link #findDelivered}, which can be switched off
 * to play a platform that cannot tell. Waiting is on a condition with a time-out, never a fixed sleep.
 */
public final class RecordingPlatform implements ChatPlatform {

    /** One attempt: where, what, when (fake clock), its attempt number for that key, and whether it was delivered. */
    public record Attempt(Destination destination, OutgoingMessage message, Instant at, int attemptOfKey,
                          boolean delivered) {
        public String text() {
            return message.fallbackText();
        }

        public String key() {
            return message.idempotencyKey();
        }
    }

    /** Decides one attempt; returns the future the bot sees. {@code deliver} records a delivery and answers. */
    @FunctionalInterface
    public interface Behaviour {
        CompletableFuture<SentRef> answer(Attempt attempt, Deliverer deliver);
    }

    @FunctionalInterface
    public interface Deliverer {
        CompletableFuture<SentRef> deliver();
    }

    private final String id;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Attempt> deliveries = new ArrayList<>();
    private final Map<String, SentRef> byKey = new LinkedHashMap<>();
    private final Map<String, Integer> attemptsByKey = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Behaviour behaviour = (a, d) -> d.deliver();
    private volatile boolean canTell = true;
    private volatile SendLimits limits = SendLimits.UNLIMITED;
    private volatile SendLimits destinationLimits = SendLimits.UNLIMITED;
    private volatile InboundHandler handler;
    private volatile int maxTextLength = 4000;
    private volatile int maxBlockLength = 4000;
    private final List<Change> changes = new ArrayList<>();
    private final Map<org.ccnsobot.port.ChannelRole, String> channels = new java.util.concurrent.ConcurrentHashMap<>();

    /** An edit or a delete of a message this platform delivered: {@code message} is null for a delete. */
    public record Change(SentRef ref, OutgoingMessage message, Instant at) {
        public boolean deleted() {
            return message == null;
        }
    }

    public RecordingPlatform(String id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    public RecordingPlatform behaviour(Behaviour b) {
        this.behaviour = b;
        return this;
    }

    /** Whether {@link #findDelivered} answers (true) or always says "cannot tell" (false). */
    public RecordingPlatform canTell(boolean value) {
        this.canTell = value;
        return this;
    }

    /** Plays a platform with these text limits (per message, per paragraph block). */
    public RecordingPlatform textLimits(int perMessage, int perBlock) {
        this.maxTextLength = perMessage;
        this.maxBlockLength = perBlock;
        return this;
    }

    @Override
    public int maxTextLength() {
        return maxTextLength;
    }

    @Override
    public int maxBlockLength() {
        return maxBlockLength;
    }

    @Override
    public CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        return change(new Change(ref, message, clock.instant()));
    }

    @Override
    public CompletableFuture<Void> delete(SentRef ref) {
        return change(new Change(ref, null, clock.instant()));
    }

    private CompletableFuture<Void> change(Change c) {
        lock.lock();
        try {
            boolean known = byKey.values().stream().anyMatch(r -> r.messageId().equals(c.ref().messageId())
                    && r.channelId().equals(c.ref().channelId()));
            if (!known) {
                return CompletableFuture.failedFuture(new org.ccnsobot.port.PlatformException("unknown message "
                        + c.ref().messageId() + " in " + c.ref().channelId(), false));
            }
            changes.add(c);
            changed.signalAll();
            return CompletableFuture.completedFuture(null);
        } finally {
            lock.unlock();
        }
    }

    /** Every edit and delete, in order. */
    public List<Change> changes() {
        lock.lock();
        try {
            return List.copyOf(changes);
        } finally {
            lock.unlock();
        }
    }

    public RecordingPlatform limits(SendLimits value) {
        this.limits = value;
        return this;
    }

    /** What the platform allows per channel or DM, on top of {@link #limits}. */
    public RecordingPlatform destinationLimits(SendLimits value) {
        this.destinationLimits = value;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DM, Capability.EDIT);
    }

    @Override
    public void start(InboundHandler h) {
        this.handler = h;
    }

    /** Runs a line as the given user typed it in a DM, the way an adapter would. */
    public Reply exec(String userId, String text) {
        return handler.handle(Invocation.text(new Actor(id, userId, userId, Set.of()), new Place(id, "dm-" + userId, true),
                text, clock.instant()));
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        Attempt attempt;
        lock.lock();
        try {
            int n = attemptsByKey.merge(String.valueOf(message.idempotencyKey()), 1, Integer::sum);
            attempt = new Attempt(destination, message, clock.instant(), n, false);
            attempts.add(attempt);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return behaviour.answer(attempt, () -> CompletableFuture.completedFuture(record(attempt)));
    }

    private SentRef record(Attempt attempt) {
        lock.lock();
        try {
            String key = attempt.key();
            if (key != null && byKey.containsKey(key)) {
                // like Discord's nonce: the same key lands once; the earlier message is the answer
                return byKey.get(key);
            }
            String channel = attempt.destination() instanceof Destination.Channel c ? c.channelId()
                    : "dm-" + ((Destination.DirectMessage) attempt.destination()).userId();
            SentRef ref = new SentRef(id, channel, "m" + ids.incrementAndGet());
            deliveries.add(new Attempt(attempt.destination(), attempt.message(), attempt.at(), attempt.attemptOfKey(),
                    true));
            if (key != null) {
                byKey.put(key, ref);
            }
            changed.signalAll();
            return ref;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<Optional<SentRef>> findDelivered(Destination destination, String idempotencyKey) {
        if (!canTell) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        lock.lock();
        try {
            return CompletableFuture.completedFuture(Optional.ofNullable(byKey.get(idempotencyKey)));
        } finally {
            lock.unlock();
        }
    }

    /** Declares the platform's channel for a role, as an adapter binds it from its settings. */
    public RecordingPlatform withChannel(org.ccnsobot.port.ChannelRole role, String channelId) {
        channels.put(role, channelId);
        return this;
    }

    @Override
    public Optional<String> channel(org.ccnsobot.port.ChannelRole role) {
        return Optional.ofNullable(channels.get(role));
    }

    @Override
    public SendLimits sendLimits() {
        return limits;
    }

    @Override
    public SendLimits destinationLimits() {
        return destinationLimits;
    }

    /** Every attempt, in order. */
    public List<Attempt> attempts() {
        lock.lock();
        try {
            return List.copyOf(attempts);
        } finally {
            lock.unlock();
        }
    }

    /** Messages that landed (once per idempotency key), in order. */
    public List<Attempt> delivered() {
        lock.lock();
        try {
            return List.copyOf(deliveries);
        } finally {
            lock.unlock();
        }
    }

    public List<Attempt> deliveredTo(Destination d) {
        return delivered().stream().filter(a -> a.destination().equals(d)).toList();
    }

    public List<String> texts() {
        return delivered().stream().map(Attempt::text).toList();
    }

    /** Waits until at least {@code n} messages landed; false on time-out. */
    public boolean awaitDelivered(int n, Duration timeout) throws InterruptedException {
        return await(p -> p.deliveries.size() >= n, timeout);
    }

    /** Waits until at least {@code n} attempts were made; false on time-out. */
    public boolean awaitAttempts(int n, Duration timeout) throws InterruptedException {
        return await(p -> p.attempts.size() >= n, timeout);
    }

    private boolean await(Predicate<RecordingPlatform> done, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!done.test(this)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            attempts.clear();
            deliveries.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** An answer that fails with a {@link org.ccnsobot.port.PlatformException}. */
    public static CompletableFuture<SentRef> failure(String message, boolean transientFailure) {
        return CompletableFuture.failedFuture(new org.ccnsobot.port.PlatformException(message, transientFailure));
    }

    /** Waits for a future with a time-out in tests. */
    public static <T> T await(CompletableFuture<T> f, Duration timeout) throws Exception {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
