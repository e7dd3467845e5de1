package org.ccnsobot.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.EventMirror;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.port.SendLimits;
import org.ccnsobot.port.SentRef;

/**
 * The one fake chat platform of every module's tests. It records every send attempt, with the clock's instant. Its
 * {@link Behaviour} decides each attempt's answer (deliver, fail transiently or for good, answer late), so tests can
 * script a flaky platform. Delivered messages are indexed by idempotency key for {@link #findDelivered}, which can
 * be switched off to play a platform that cannot tell.
 *
 * <p>Options, all set before the bot opens (behaviour and canTell may change mid-test): {@link #withChannel channels
 * per role}, {@link #capabilities}, {@link #limits send limits}, {@link #textLimits}, {@link #editable} (off: edit
 * and delete are the port's defaults, which refuse), {@link #behaviour failure injection}, {@link #canTell}, and
 * {@link #recordTo a durable record file} (the crash tests' child JVMs: every delivery is appended to the file and
 * forced to disk before it is answered, so the record survives SIGKILL; it does not dedupe, so a resend shows up as a
 * second line, and findDelivered answers from the file). {@link #mirroring} makes one that is also an
 * {@link EventMirror} and records what core asks of it. Waiting is on a condition with a time-out, never a sleep.
 */
public class RecordingPlatform implements ChatPlatform {

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
    private volatile Set<Capability> capabilities = EnumSet.of(Capability.DM, Capability.EDIT);
    private volatile boolean editable = true;
    /** The durable record, when {@link #recordTo} was called: keys found there, and the channel it appends to. */
    private final Set<String> recordedKeys = new HashSet<>();
    private FileChannel recordFile;
    private PrintStream progress;
    private int recordCount;
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

    /** A platform that is also an {@link EventMirror}, recording each upsert and remove in {@link Mirroring#calls}. */
    public static Mirroring mirroring(String id, Clock clock) {
        return new Mirroring(id, clock);
    }

    /** The capabilities the platform declares (default DM and EDIT). */
    public RecordingPlatform capabilities(Set<Capability> value) {
        this.capabilities = value.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(value);
        return this;
    }

    /** Off: edit and delete are the port's defaults, which refuse (a platform that only posts). */
    public RecordingPlatform editable(boolean value) {
        this.editable = value;
        return this;
    }

    /**
     * Keeps a durable record in {@code path}: each delivery is appended as one line ({@code key TAB destination}) in
     * a single write and forced to disk before the send is answered, and {@code progress} gets a line
     * {@code D <count>} after each (see {@link #awaitProgress}). Keys already in the file count as delivered for
     * {@link #findDelivered}, so a second life of the process sees what the first delivered. No dedupe: a resend of
     * a key is delivered and recorded again, so the test counts duplicates honestly.
     */
    public RecordingPlatform recordTo(Path path, PrintStream progress) throws IOException {
        lock.lock();
        try {
            for (String line : readLines(path)) {
                recordedKeys.add(line.split("\t", 2)[0]);
            }
            this.recordFile = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            this.progress = progress;
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** The complete lines of a record file (a torn last line, had there been one, is ignored). */
    public static List<String> readLines(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().filter(l -> l.contains("\t")).toList();
    }

    /**
     * Reads a child JVM's progress lines ({@code D <count>}, printed for each recorded delivery) until it reports
     * {@code n} sends or ends, and returns the last count seen; never sleeps, and gives up after 60 s.
     */
    public static int awaitProgress(Process p, int n) throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int last = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("D ")) {
                        last = Integer.parseInt(line.substring(2).trim());
                        if (last >= n) {
                            return last;
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed while we read
            }
            return last;
        });
        try {
            return reader.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("the child did not reach " + n + " sends within 60 s", e);
        }
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
        if (!editable) {
            return ChatPlatform.super.edit(ref, message);
        }
        return change(new Change(ref, message, clock.instant()));
    }

    @Override
    public CompletableFuture<Void> delete(SentRef ref) {
        if (!editable) {
            return ChatPlatform.super.delete(ref);
        }
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
        Set<Capability> c = capabilities;
        return c.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(c);
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
            if (recordFile != null) {
                return recordDurably(attempt);
            }
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

    /** Appends the delivery to the record file and forces it, before the send is answered; no dedupe. */
    private SentRef recordDurably(Attempt attempt) {
        String key = attempt.key();
        byte[] line = (key + "\t" + attempt.destination().key() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            recordFile.write(ByteBuffer.wrap(line));
            recordFile.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordedKeys.add(key);
        recordCount++;
        progress.println("D " + recordCount);
        progress.flush();
        SentRef ref = durableRef(attempt.destination(), key);
        deliveries.add(new Attempt(attempt.destination(), attempt.message(), attempt.at(), attempt.attemptOfKey(), true));
        byKey.put(key, ref);
        changed.signalAll();
        return ref;
    }

    private SentRef durableRef(Destination destination, String key) {
        return new SentRef(id, destination.key(), "m" + Integer.toHexString(key.hashCode()));
    }

    @Override
    public CompletableFuture<Optional<SentRef>> findDelivered(Destination destination, String idempotencyKey) {
        if (!canTell) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        lock.lock();
        try {
            if (recordFile != null) {
                return CompletableFuture.completedFuture(recordedKeys.contains(idempotencyKey)
                        ? Optional.of(durableRef(destination, idempotencyKey)) : Optional.empty());
            }
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
        lock.lock();
        try {
            if (recordFile != null) {
                recordFile.close();
            }
        } catch (IOException e) {
            // the test reads what was forced
        } finally {
            lock.unlock();
        }
    }

    /** An answer that fails with a {@link org.ccnsobot.port.PlatformException}. */
    public static CompletableFuture<SentRef> failure(String message, boolean transientFailure) {
        return CompletableFuture.failedFuture(new org.ccnsobot.port.PlatformException(message, transientFailure));
    }

    /** Waits for a future with a time-out in tests. */
    public static <T> T await(CompletableFuture<T> f, Duration timeout) throws Exception {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A recording platform that is also an {@link EventMirror}: it records each call, and fails them when told. */
    public static final class Mirroring extends RecordingPlatform implements EventMirror {
        /** What core asked, in order: {@code upsert <eventId> <status>} or {@code remove <eventId>}. */
        public final List<String> calls = new CopyOnWriteArrayList<>();
        /** When set, upserts fail (the platform's event list is down). */
        public volatile boolean fail;
        /** How many events the list holds (a platform's cap). */
        public volatile int capacity = Integer.MAX_VALUE;
        /** What the list holds now, as an earlier run left it and as the calls since changed it. */
        public final java.util.Set<String> listed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Mirroring(String id, Clock clock) {
            super(id, clock);
        }

        @Override
        public CompletableFuture<String> upsert(Block.EventCard card) {
            calls.add("upsert " + card.eventId() + " " + card.status());
            if (!fail) {
                if ("cancelled".equalsIgnoreCase(card.status())) {
                    listed.remove(card.eventId());
                } else {
                    listed.add(card.eventId());
                }
            }
            return fail ? CompletableFuture.failedFuture(new IllegalStateException("down"))
                    : CompletableFuture.completedFuture("x");
        }

        @Override
        public CompletableFuture<Void> remove(String eventId) {
            calls.add("remove " + eventId);
            listed.remove(eventId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public CompletableFuture<java.util.Set<String>> mirrored() {
            return CompletableFuture.completedFuture(java.util.Set.copyOf(listed));
        }
    }
}
