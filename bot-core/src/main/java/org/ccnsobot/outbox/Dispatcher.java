package org.ccnsobot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ccnsobot.config.Durations;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;
import org.ccnsobot.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends claimed jobs: words each through its kind at send time (or drops it), keeps under each platform's send
 * limits, sends with the job's idempotency key, and settles it (sent, retried with back-off, or failed for good with
 * a staff alert). Whatever the platform does (throw, fail, hang), every claimed job ends settled.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxStore store;
    private final Clock clock;
    private final PlatformRegistry platforms;
    private final Map<String, JobKind<?>> kinds;
    private final ReaderZones zones;
    private final Tuning tuning;
    private final Counters counters;
    private final StaffAlerts alerts;
    private final Map<String, Throttle> throttles = new LinkedHashMap<>();
    /** One bucket per destination, for the platforms' per-channel limits; the least recently used are let go. */
    private final Map<String, Throttle> destinationThrottles = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Throttle> eldest) {
            return size() > 10_000;
        }
    };
    private final List<OutboxStore.Delivery> unmarked = new ArrayList<>();

    Dispatcher(OutboxStore store, Clock clock, PlatformRegistry platforms, Map<String, JobKind<?>> kinds,
               ReaderZones zones, Tuning tuning, Counters counters, StaffAlerts alerts) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
        this.kinds = kinds;
        this.zones = zones;
        this.tuning = tuning;
        this.counters = counters;
        this.alerts = alerts;
        for (ChatPlatform p : platforms.all()) {
            throttles.put(p.id(), new Throttle(p.sendLimits(), tuning.throttleTime));
        }
    }

    /** Sends claimed rows and waits until every send is answered (or timed out). Returns how many landed. */
    int send(List<OutboxStore.Row> rows) {
        Semaphore inFlight = new Semaphore(tuning.maxInFlight);
        List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
        int dropped = 0;
        int i = 0;
        try {
            for (; i < rows.size(); i++) {
                OutboxStore.Row r = rows.get(i);
                Rendering rendering;
                try {
                    rendering = render(r, clock.instant());
                } catch (RuntimeException e) {
                    LOG.error("Cannot word the {} {} (job {}); counting a failed attempt", r.kind(), r.subject(), r.id(), e);
                    settle(r, null, e);
                    continue;
                }
                if (rendering instanceof Rendering.Drop d) {
                    if (store.markDropped(r, d.reason(), clock.instant())) {
                        dropped++;
                        notifySettled(r, JobState.DROPPED, d.reason(), null);
                    }
                    continue;
                }
                OutgoingMessage message = ((Rendering.Send) rendering).message();
                destinationThrottle(r).acquire();
                throttles.get(r.platform()).acquire();
                inFlight.acquire();
                outcomes.add(sendOne(r, message.withIdempotencyKey(r.idempotencyKey()), inFlight));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Instant now = clock.instant();
            for (; i < rows.size(); i++) {
                store.release(rows.get(i), "stopped before sending", now);
            }
        }
        if (dropped > 0) {
            counters.dropped.addAndGet(dropped);
            LOG.warn("Dropped {} job(s) no longer worth sending (their event had begun, was cancelled or is gone, or"
                    + " their kind said so)", dropped);
        }
        int delivered = 0;
        for (CompletableFuture<Boolean> f : outcomes) {
            if (f.join()) {
                delivered++;
            }
        }
        flushMarks();
        return delivered;
    }

    private Throttle destinationThrottle(OutboxStore.Row r) {
        ChatPlatform p = platforms.platform(r.platform()).orElseThrow();
        return destinationThrottles.computeIfAbsent(r.target().key(),
                k -> new Throttle(p.destinationLimits(), tuning.throttleTime));
    }

    private Rendering render(OutboxStore.Row r, Instant now) {
        JobKind<?> kind = kinds.get(r.kind());
        if (kind == null) {
            throw new IllegalStateException("no job kind " + r.kind() + " is registered");
        }
        return renderAs(kind, r, now);
    }

    private <P> Rendering renderAs(JobKind<P> kind, OutboxStore.Row r, Instant now) {
        SendContext context = new SendContext(now, zones.zoneOf(r.target()), zones.localeOf(r.target()));
        Rendering out = kind.render(Outbox.job(kind, r), context);
        if (out == null) {
            throw new IllegalStateException("the " + kind.name() + " kind rendered nothing");
        }
        // the message says the language it was worded in, for the labels the platform adds of its own
        if (out instanceof Rendering.Send s && s.message().locale() == null) {
            return Rendering.send(s.message().withLocale(context.locale()));
        }
        return out;
    }

    /** Commits the confirmed deliveries buffered so far, in one transaction. */
    void flushMarks() {
        List<OutboxStore.Delivery> batch;
        synchronized (unmarked) {
            if (unmarked.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(unmarked);
            unmarked.clear();
        }
        counters.sent.addAndGet(store.markSent(batch));
        for (OutboxStore.Delivery d : batch) {
            notifySettled(d.row(), JobState.SENT, null, d.messageRef());
        }
    }

    private CompletableFuture<Boolean> sendOne(OutboxStore.Row r, OutgoingMessage message, Semaphore inFlight) {
        long started = System.nanoTime();
        CompletableFuture<SentRef> original;
        try {
            ChatPlatform p = platforms.platform(r.platform())
                    .orElseThrow(() -> new IllegalStateException(r.platform() + " is not running"));
            original = p.send(r.target(), message);
            if (original == null) {
                original = CompletableFuture.failedFuture(new IllegalStateException("the platform returned no future"));
            }
        } catch (RuntimeException e) {
            original = CompletableFuture.failedFuture(e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        original.whenComplete((ref, err) -> {
            if (err == null && timedOut.get()) {
                // it landed after all: record it, so the retry (same key) is not needed
                try {
                    if (store.markSent(r, ref == null ? null : ref.messageId(), clock.instant())) {
                        LOG.info("Delivery {} landed after its time-out; recorded as sent", r.idempotencyKey());
                    }
                } catch (RuntimeException e) {
                    LOG.error("Recording a late delivery of {} failed", r.idempotencyKey(), e);
                }
            }
        });
        Duration timeout = tuning.sendTimeout;
        return original.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((ref, err) -> {
            try {
                if (unwrap(err) instanceof TimeoutException) {
                    timedOut.set(true);
                    return settle(r, null, new TimeoutException("no answer within " + Durations.format(timeout)));
                }
                boolean landed = settle(r, ref, err);
                if (landed) {
                    observe(r, Duration.ofNanos(System.nanoTime() - started));
                }
                return landed;
            } catch (RuntimeException e) {
                LOG.error("Settling delivery {} failed", r.idempotencyKey(), e);
                return false;
            } finally {
                inFlight.release();
            }
        });
    }

    private void observe(OutboxStore.Row r, Duration sendTime) {
        try {
            tuning.observer.delivered(r.kind(), sendTime, Duration.between(r.dueAt(), clock.instant()));
        } catch (RuntimeException e) {
            // a meter must never fail a delivery that landed
            LOG.warn("Recording the delivery of {} in the meters failed: {}", r.idempotencyKey(), e.toString());
        }
    }

    /** Records the outcome of one attempt. Returns true when the message was delivered. */
    private boolean settle(OutboxStore.Row r, SentRef ref, Throwable err) {
        Instant now = clock.instant();
        if (err == null) {
            boolean flush;
            synchronized (unmarked) {
                unmarked.add(new OutboxStore.Delivery(r, ref == null ? null : ref.messageId(), now));
                flush = unmarked.size() >= tuning.markBatch;
            }
            if (flush) {
                flushMarks();
            }
            return true;
        }
        Throwable cause = unwrap(err);
        boolean transientFailure = !(cause instanceof PlatformException p) || p.isTransient();
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (transientFailure && r.attempts() < tuning.maxAttempts) {
            Duration delay = tuning.backoff(r.attempts());
            if (store.markRetry(r, now.plus(delay), error, now)) {
                counters.retried.incrementAndGet();
                LOG.info("Delivery {} failed (attempt {} of {}: {}); retrying in {}", r.idempotencyKey(), r.attempts(),
                        tuning.maxAttempts, error, Durations.format(delay));
            }
            return false;
        }
        if (store.markFailed(r, error, now)) {
            counters.failed.incrementAndGet();
            LOG.warn("Delivery {} failed for good after {} attempt(s): {}", r.idempotencyKey(), r.attempts(), error);
            notifySettled(r, JobState.FAILED, error, null);
            alertStaff(r, error, now);
        }
        return false;
    }

    private void alertStaff(OutboxStore.Row r, String error, Instant now) {
        JobKind<?> kind = kinds.get(r.kind());
        if (kind == null || !kind.alertsStaffOnFailure()) {
            return;
        }
        // worded in the staff channel's language, which the alerts pick
        java.util.function.Function<java.util.Locale, String> what = l -> {
            try {
                return Outbox.describeAs(kind, r, l);
            } catch (RuntimeException e) {
                return Messages.t(l, "staffAlert.jobFallback", r.kind(), r.subject());
            }
        };
        Optional<OutboxStore.Insert> alert = alerts.alertFor(r, what, error, now);
        if (alert.isPresent()) {
            int inserted = store.insert(List.of(alert.get()), now);
            // a summary's later generations rewrite the same alert: counted once
            if (alert.get().generation() == 1) {
                counters.alerts.addAndGet(inserted);
            }
        }
    }

    private void notifySettled(OutboxStore.Row r, JobState state, String error, String messageRef) {
        JobKind<?> kind = kinds.get(r.kind());
        if (kind == null) {
            return;
        }
        try {
            settledAs(kind, r, state, error, messageRef);
        } catch (RuntimeException e) {
            LOG.error("The {} kind's settle hook failed for job {}", r.kind(), r.id(), e);
        }
    }

    private static <P> void settledAs(JobKind<P> kind, OutboxStore.Row r, JobState state, String error,
                                      String messageRef) {
        Job<P> j = Outbox.job(kind, r);
        kind.settled(new Job<>(j.id(), j.kind(), j.subject(), j.part(), j.destination(), j.due(), state, j.attempts(),
                error, messageRef, j.idempotencyKey(), j.payload()));
    }

    // ---- after a crash ----

    /**
     * Jobs left in {@code sending} were interrupted mid-delivery. Each platform is asked whether the message landed
     * (by its idempotency key); a found one is marked sent without resending. When the platform cannot tell, the job
     * goes back to pending and is resent with the same key, which the platform turns into a no-op if it had landed.
     */
    void resolveInterrupted() {
        List<OutboxStore.Row> rows = store.inState(JobState.SENDING);
        if (rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int found = 0;
        int resend = 0;
        for (OutboxStore.Row r : rows) {
            Optional<ChatPlatform> p = platforms.platform(r.platform());
            Optional<SentRef> ref = Optional.empty();
            if (p.isPresent()) {
                try {
                    ref = p.get().findDelivered(r.target(), r.idempotencyKey())
                            .get(tuning.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    LOG.warn("Cannot tell whether {} landed ({}); it will be resent with the same key",
                            r.idempotencyKey(), unwrap(e).getMessage());
                }
            }
            if (ref != null && ref.isPresent()) {
                store.markSent(r, ref.get().messageId(), now);
                found++;
            } else {
                store.release(r, "interrupted mid-delivery; resent with the same idempotency key", now);
                resend++;
            }
        }
        counters.foundDelivered.addAndGet(found);
        counters.resentAfterCrash.addAndGet(resend);
        LOG.warn("{} delivery(ies) were interrupted by a stop or crash: {} had landed (marked sent, not resent), {}"
                + " will be resent with the same idempotency key", rows.size(), found, resend);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
