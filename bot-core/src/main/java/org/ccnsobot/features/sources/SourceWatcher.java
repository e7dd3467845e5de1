package org.ccnsobot.features.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.features.ical.IcsException;
import org.ccnsobot.features.ical.IcsImporter;
import org.ccnsobot.features.ical.IcsLimits;
import org.ccnsobot.features.ical.ImportOptions;
import org.ccnsobot.features.ical.ImportReport;
import org.ccnsobot.outbox.JobSource;
import org.ccnsobot.outbox.NewJob;
import org.ccnsobot.outbox.Outbox;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.i18n.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at each configured source when it is due on the bot's clock (as an outbox {@link JobSource}, so only the
 * sending process looks, and a manual clock's move wakes it), or when staff say {@code sync}. A look that finds
 * nothing usable leaves the calendar as it was, records one line, and backs off; the third failure in a row and
 * the first success after it each tell the staff channel once.
 */
public final class SourceWatcher implements JobSource {
    private static final Logger LOG = LoggerFactory.getLogger(SourceWatcher.class);
    /** Failures in a row before staff are told. */
    static final int ALERT_AFTER = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What a look takes: the same as a hand import (up to 20,000 events and 32 MiB). */
    static final IcsLimits LIMITS = IcsLimits.defaults();

    private final CalendarService calendar;
    private final IcsImporter importer;
    private final Outbox outbox;
    private final Clock clock;
    private final Fetcher fetcher;
    private final SourceNotice notices = new SourceNotice();
    private final Map<String, SourceState> states = new LinkedHashMap<>();
    private final ReentrantLock looking = new ReentrantLock();
    private final LookMemory memory;
    private volatile java.util.function.BiConsumer<String, Outcome> onLook = (source, outcome) -> { };

    /** What one look at a source came to, as the meters count it. */
    public enum Outcome {
        /** The calendar took changes from it. */
        CHANGED,
        /** It answered with what the calendar already had. */
        UNCHANGED,
        /** It would cancel too much at once: nothing was changed until staff accept. */
        HELD,
        /** It could not be fetched or read; the calendar keeps what it had. */
        FAILED
    }

    /** Who is told the outcome of each look, by source name (the bot's meters). */
    public void onLook(java.util.function.BiConsumer<String, Outcome> listener) {
        this.onLook = java.util.Objects.requireNonNull(listener);
    }

    SourceWatcher(List<SourceConfig> sources, CalendarService calendar, IcsImporter importer, Outbox outbox,
                  Clock clock, Fetcher fetcher) {
        this(sources, calendar, importer, outbox, clock, fetcher, LookMemory.NONE);
    }

    /** {@code memory}: what each source last answered, from a run before this one (a restart). */
    SourceWatcher(List<SourceConfig> sources, CalendarService calendar, IcsImporter importer, Outbox outbox,
                  Clock clock, Fetcher fetcher, LookMemory memory) {
        this.calendar = calendar;
        this.importer = importer;
        this.outbox = outbox;
        this.clock = clock;
        this.fetcher = fetcher;
        this.memory = memory;
        for (SourceConfig s : sources) {
            String key = s.name().toLowerCase(Locale.ROOT);
            // validators from another url would be another resource's: a source whose url changed starts afresh
            SourceState initial = memory.recall(key).filter(r -> r.url().equals(s.url().toString()))
                    .map(r -> SourceState.remembered(s, r.etag(), r.lastModified(), r.bodyHash()))
                    .orElseGet(() -> SourceState.initial(s));
            states.put(key, initial);
        }
    }

    /**
     * Registers the notice kind and, when there are sources, the watcher as a source of work of {@code outbox}; what
     * each source last answered is kept in {@code db}.
     */
    public static SourceWatcher attach(List<SourceConfig> sources, CalendarService calendar, Outbox outbox,
                                       Clock clock, org.ccnsobot.store.Database db) {
        IcsImporter importer = new IcsImporter(calendar, LIMITS);
        SourceWatcher w = new SourceWatcher(sources, calendar, importer, outbox, clock,
                Fetcher.standard(SourceConfig.DEFAULT_TIMEOUT, LIMITS.maxBytes()),
                sources.isEmpty() ? LookMemory.NONE : LookMemory.sqlite(db));
        w.register();
        return w;
    }

    void register() {
        outbox.register(notices);
        if (!states.isEmpty()) {
            outbox.addSource(this);
        }
    }

    @Override
    public synchronized void started(Instant now) {
        // the sending process looks at every source at once, then on each one's own clock
        states.replaceAll((k, s) -> s.nextLook() == null ? s.scheduled(now) : s);
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return states.values().stream().map(SourceState::nextLook).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    @Override
    public Released release(Instant now) {
        int handled = 0;
        for (SourceState s : snapshot()) {
            if (s.nextLook() != null && !s.nextLook().isAfter(now)) {
                look(s.name(), false);
                handled++;
            }
        }
        return new Released(handled, 0);
    }

    synchronized List<SourceState> snapshot() {
        return new ArrayList<>(states.values());
    }

    /** The source called {@code name} (any case), if configured. */
    synchronized Optional<SourceState> state(String name) {
        return Optional.ofNullable(states.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Looks at a source now and says what came of it in one line; {@code accept} lets a mass cancellation through. */
    String look(String name, boolean accept) {
        return look(name, accept, Locale.ENGLISH);
    }

    /** As {@link #look(String, boolean)}, the line in {@code locale}'s language. */
    String look(String name, boolean accept, Locale locale) {
        looking.lock();
        try {
            SourceState s = state(name).orElseThrow();
            Instant now = clock.instant();
            SourceState next = lookAt(s, now, accept);
            remember(s, next, now);
            synchronized (this) {
                states.put(s.name().toLowerCase(Locale.ROOT), next);
            }
            outbox.wake();
            onLook.accept(s.name(), outcome(next));
            return next.result().in(locale);
        } finally {
            looking.unlock();
        }
    }

    /**
     * Keeps what the source answered when it changed: a new body or new validators. A 304, a failure or a held look
     * changes neither, so it writes nothing. Written after the import committed: a crash in between only makes the
     * next look fetch in full and find nothing new.
     */
    private void remember(SourceState before, SourceState after, Instant now) {
        if (java.util.Objects.equals(before.etag(), after.etag())
                && java.util.Objects.equals(before.lastModified(), after.lastModified())
                && java.util.Objects.equals(before.bodyHash(), after.bodyHash())) {
            return;
        }
        try {
            memory.remember(after.name().toLowerCase(Locale.ROOT), new LookMemory.Remembered(
                    after.config().url().toString(), after.etag(), after.lastModified(), after.bodyHash()), now);
        } catch (RuntimeException e) {
            // the calendar has the change; without the memory a restart's first look fetches in full, no more
            LOG.warn("Source {}: what it answered could not be kept for the next run: {}", after.name(),
                    e.toString());
        }
    }

    private static Outcome outcome(SourceState after) {
        if (after.failures() > 0) {
            return Outcome.FAILED;
        }
        if (after.awaitingAccept()) {
            return Outcome.HELD;
        }
        return after.result().key().startsWith("src.unchanged") ? Outcome.UNCHANGED : Outcome.CHANGED;
    }

    private SourceState lookAt(SourceState s, Instant now, boolean accept) {
        SourceConfig c = s.config();
        Fetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(c.url(), s.etag(), s.lastModified(), c.timeout());
        } catch (SourceException e) {
            return failure(s, now, e.reason());
        }
        if (fetched instanceof Fetcher.NotModified) {
            return recovered(s, s.succeeded(now, Phrase.of("src.unchangedNotModified"), s.etag(),
                    s.lastModified(), s.bodyHash()));
        }
        Fetcher.Body body = (Fetcher.Body) fetched;
        try {
            checkBody(body.data());
        } catch (SourceException e) {
            return failure(s, now, e.reason());
        }
        String hash = sha256(body.data());
        if (hash.equals(s.bodyHash()) && !s.awaitingAccept()) {
            return recovered(s, s.succeeded(now, Phrase.of("src.unchanged"), body.etag(), body.lastModified(), hash));
        }
        ImportOptions options = new ImportOptions(c.meeting(), null, c.name(), false, c.committees(), true);
        try {
            int upcoming = upcoming(c.name(), now);
            ImportReport done = importer.importBytes(body.data(), c.url().toString(), options,
                    plan -> accept || plan.cancelled().isEmpty() || plan.cancelled().size() * 2 <= upcoming);
            if (done.dryRun()) {
                int cancelling = done.cancelled().size();
                Phrase line = Phrase.of("src.held", cancelling, upcoming, c.name());
                if (!s.awaitingAccept()) {
                    tellStaff(c.name(), "held|" + hash, Phrase.of("src.notice.held", c.name(), line));
                }
                LOG.warn("Source {}: {}", c.name(), line);
                return recovered(s, s.held(now, line));
            }
            // the first event left out and the first warning, as phrases: worded in the reader's language too
            Phrase line = Phrase.of("src.counts", done.added().size(), done.updated().size(), done.cancelled().size(),
                    done.unchanged().size(), done.leftOut().isEmpty() ? "" : Phrase.of("src.leftOut",
                            done.leftOut().size(), done.leftOut().get(0)),
                    done.warned().isEmpty() ? "" : Phrase.of("src.warned", done.warned().size(),
                            done.warned().get(0)));
            LOG.info("Source {}: {}", c.name(), line);
            done.rejected().forEach(r -> LOG.warn("Source {}: {}", c.name(), r));
            return recovered(s, s.succeeded(now, line, body.etag(), body.lastModified(), hash));
        } catch (IcsException e) {
            return failure(s, now, Phrase.of("src.why.notUsable", e.phrase()));
        } catch (RuntimeException e) {
            // a bug must not stop the other sources or the outbox; the log has the trace
            LOG.error("Source {}: the import failed", c.name(), e);
            return failure(s, now, Phrase.of("src.why.importFailed"));
        }
    }

    private int upcoming(String name, Instant now) {
        String source = "ics:" + name;
        int n = 0;
        for (Event e : calendar.store().allEvents()) {
            if (source.equals(e.source()) && e.status() != EventStatus.CANCELLED && !e.endKey().isBefore(now)) {
                n++;
            }
        }
        return n;
    }

    private SourceState failure(SourceState s, Instant now, Phrase reason) {
        Phrase line = Phrase.of("src.failed", reason);
        LOG.warn("Source {} ({}): {}", s.name(), s.config().url(), line);
        boolean alert = !s.alerted() && s.failures() + 1 >= ALERT_AFTER;
        SourceState next = s.failed(now, line, alert);
        if (alert) {
            tellStaff(s.name(), "failing|" + next.streakStart().toEpochMilli(), Phrase.of("src.notice.failing",
                    s.name(), next.failures(), reason, WHEN.format(next.nextLook())));
        }
        return next;
    }

    private SourceState recovered(SourceState before, SourceState after) {
        if (before.alerted()) {
            tellStaff(before.name(), "recovered|" + before.streakStart().toEpochMilli(), Phrase.of(
                    "src.notice.recovered", before.name(), before.failures(), after.result()));
        }
        return after;
    }

    /** Queues {@code note} for every staff channel; each is worded in its channel's language when sent. */
    private void tellStaff(String source, String part, Phrase note) {
        List<Destination.Channel> staff = outbox.platforms().channels(ChannelRole.STAFF);
        if (staff.isEmpty()) {
            LOG.warn("{} (no staff channel is configured, so this is only logged)", note.english());
            return;
        }
        List<NewJob<SourceNotice.Note>> jobs = new ArrayList<>();
        for (Destination.Channel d : staff) {
            jobs.add(new NewJob<>("source:" + source, part, d, clock.instant(), new SourceNotice.Note(null, note)));
        }
        outbox.enqueue(notices, jobs);
    }

    /** Refuses, in one line, a body that cannot be an iCalendar export: empty, not UTF-8, HTML, anything else. */
    static void checkBody(byte[] data) throws SourceException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new SourceException("src.why.notUtf8");
        }
        String start = text.startsWith("\uFEFF") ? text.substring(1).stripLeading() : text.stripLeading();
        if (start.isEmpty()) {
            throw new SourceException("src.why.empty");
        }
        if (!start.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            if (start.startsWith("<")) {
                throw new SourceException("src.why.html");
            }
            throw new SourceException("src.why.notIcs");
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** One line per source: where, how often, the last look and its result, the next look. */
    String describe() {
        return describe(Locale.ENGLISH);
    }

    /** As {@link #describe()}, in {@code l}'s language (times as written in UTC, the same everywhere). */
    String describe(Locale l) {
        List<SourceState> all = snapshot();
        if (all.isEmpty()) {
            return Messages.t(l, "src.none");
        }
        StringBuilder sb = new StringBuilder(Messages.t(l, "src.title"));
        for (SourceState s : all) {
            sb.append("\n  ").append(Messages.t(l, "src.source", s.name(), s.config().url().toString(),
                    every(s.config().every())));
            if (s.lastLook() != null) {
                sb.append(Messages.t(l, "src.lastLook", WHEN.format(s.lastLook())));
            }
            sb.append(s.result().in(l));
            if (s.failures() > 1) {
                sb.append(Messages.t(l, "src.streak", s.failures()));
            }
            sb.append(s.nextLook() != null ? Messages.t(l, "src.nextLook", WHEN.format(s.nextLook()))
                    : Messages.t(l, "src.looksLater"));
        }
        return sb.toString();
    }

    private static String every(java.time.Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 ? m / 60 + "h" : m + "m";
    }
}
