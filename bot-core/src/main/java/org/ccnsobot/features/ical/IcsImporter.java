// Over 500 lines on purpose: one import plan (matching by UID, own exports, seed takeovers, sequences, cancellations) that must be read as a whole to stay one transaction.
package org.ccnsobot.features.ical;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.i18n.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an iCalendar feed into the calendar. Everything is read and checked first; then the changes are written
 * in one transaction, so a file with an error anywhere changes nothing. A feed is known by its source name
 * (its X-WR-CALNAME, or the name given): re-importing it matches events by UID, updates those that changed (unless
 * the calendar holds a newer SEQUENCE), and cancels, never deletes, those the feed no longer holds.
 */
public final class IcsImporter {
    private static final Logger LOG = LoggerFactory.getLogger(IcsImporter.class);
    /** Events exported by a ccnso-bot carry this UID suffix and their id in X-CCNSO-ID. */
    static final String OWN_UID_SUFFIX = "@ccnso-bot";
    private static final Object WRITE_LOCK = new Object();

    private final CalendarService calendar;
    private final IcsLimits limits;

    public IcsImporter(CalendarService calendar) {
        this(calendar, IcsLimits.defaults());
    }

    public IcsImporter(CalendarService calendar, IcsLimits limits) {
        this.calendar = calendar;
        this.limits = limits;
    }

    public IcsLimits limits() {
        return limits;
    }

    /** Reads a file, refusing one over the size limit before reading it. */
    public ImportReport importFile(Path file, ImportOptions options) throws IcsException {
        byte[] data;
        try {
            if (Files.isDirectory(file)) {
                throw new IcsException(0, Phrase.of("ics.folder", file.toString()));
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new IcsException(0, Phrase.of("ics.tooBig", file.toString(), String.valueOf(size / (1024 * 1024)),
                        String.valueOf(limits.maxBytes() / (1024 * 1024))));
            }
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes(limits.maxBytes() + 1);
            }
        } catch (NoSuchFileException e) {
            throw new IcsException(0, Phrase.of("ics.noFile", file.toString()));
        } catch (IOException e) {
            throw new IcsException(0, Phrase.of("ics.unreadable", file.toString(), String.valueOf(e.getMessage())));
        }
        Path name = file.getFileName();
        return importBytes(data, name == null ? file.toString() : name.toString(), options);
    }

    /** Fetches a feed over http(s), with a timeout and the size limit, then imports it. */
    public ImportReport importUrl(URI url, ImportOptions options, Duration timeout) throws IcsException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IcsException(0, Phrase.of("ics.notHttp", IcsText.shorten(url.toString())));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "text/calendar")
                .GET().build();
        byte[] data;
        try {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw new IcsException(0, Phrase.of("ics.status", url.toString(), String.valueOf(resp.statusCode())));
                }
                long declared = resp.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > limits.maxBytes()) {
                    throw new IcsException(0, Phrase.of("ics.tooBig", url.toString(),
                            String.valueOf(declared / (1024 * 1024)), String.valueOf(limits.maxBytes() / (1024 * 1024))));
                }
                data = in.readNBytes(limits.maxBytes() + 1);
            }
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IcsException(0, Phrase.of("ics.timeout", url.toString(), String.valueOf(timeout.toSeconds())));
        } catch (java.net.ConnectException e) {
            throw new IcsException(0, Phrase.of("ics.refused", url.toString()));
        } catch (IOException e) {
            throw new IcsException(0, Phrase.of("ics.cannotFetch", url.toString(), e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IcsException(0, Phrase.of("ics.interrupted", url.toString()));
        } catch (IllegalArgumentException e) {
            throw new IcsException(0, Phrase.of("ics.cannotFetch", url.toString(), String.valueOf(e.getMessage())));
        }
        return importBytes(data, url.toString(), options);
    }

    /** Imports iCalendar bytes; {@code origin} (a file name or URL) names the feed when it does not name itself. */
    public ImportReport importBytes(byte[] data, String origin, ImportOptions options) throws IcsException {
        return importBytes(data, origin, options, r -> true);
    }

    /**
     * As above, writing only if {@code allow} accepts what the import would change (read and planned once, under the
     * write lock); otherwise nothing is written and the report is a dry run's.
     */
    public ImportReport importBytes(byte[] data, String origin, ImportOptions options,
                                    java.util.function.Predicate<ImportReport> allow) throws IcsException {
        Meeting meeting = null;
        if (options.meeting() != null) {
            meeting = calendar.meeting(options.meeting()).orElseThrow(() -> new IcsException(0, Phrase.of("ics.noMeeting",
                    IcsText.shorten(options.meeting()))));
        }
        ZoneId floating = options.zone() != null ? options.zone() : meeting != null ? meeting.zone() : null;
        IcsText.Scanned scanned = IcsText.scan(data, limits);
        IcsReader.ParsedFeed feed = new IcsReader(limits, options.skipBadEvents()).read(scanned, floating);
        String name = options.source() != null && !options.source().isBlank() ? options.source().strip()
                : feed.name() != null ? feed.name() : origin;
        String source = "ics:" + name;
        synchronized (WRITE_LOCK) {
            Plan plan = plan(feed, source, meeting, options.zone(),
                    new CommitteeMatcher(calendar.committees(), options.committeeRules()));
            boolean dryRun = options.dryRun() || !plan.writes().isEmpty() && !allow.test(plan.report());
            if (!dryRun && !plan.writes().isEmpty()) {
                calendar.saveAll(new org.ccnsobot.features.calendar.CalendarData(List.of(), List.of(), plan.writes(),
                        List.of()), Map.of(FeedSequences.key(source), FeedSequences.write(plan.feedSequences()),
                        takeoversKey(source), String.join(",", new java.util.TreeSet<>(plan.takeovers()))));
                LOG.info("Imported {}: {} added, {} updated, {} cancelled", source, plan.report().added().size(),
                        plan.report().updated().size(), plan.report().cancelled().size());
            }
            ImportReport r = plan.report();
            return new ImportReport(name, dryRun, r.added(), r.updated(), r.unchanged(), r.cancelled(),
                    r.skipped(), r.warned(), feed.rejected());
        }
    }

    /** What to write, what to report, and the feed's own SEQUENCE of each event where ours differs. */
    private record Plan(List<Event> writes, ImportReport report, Map<String, Integer> feedSequences,
                        Set<String> takeovers) {
    }

    /** The meta key of the seed sessions a feed's events took over: their seed facts stay on every later look. */
    static String takeoversKey(String source) {
        return "seed-takeovers:" + source;
    }

    private Plan plan(IcsReader.ParsedFeed feed, String source, Meeting meeting, ZoneId zoneOption,
                      CommitteeMatcher committees) {
        List<Phrase> warnings = new ArrayList<>(feed.warnings());
        Map<String, Event> existing = new HashMap<>();
        Set<String> takenIds = new HashSet<>();
        Map<String, List<Event>> seedByCommitteeDay = new HashMap<>();
        for (Event e : calendar.store().allEvents()) {
            takenIds.add(e.id());
            if (source.equals(e.source()) && e.sourceUid() != null) {
                existing.put(e.sourceUid(), e);
            } else if (SEED_SOURCE.equals(e.source()) && e.sourceUid() == null && e.status() != EventStatus.CANCELLED) {
                for (String c : e.committees()) {
                    seedByCommitteeDay.computeIfAbsent(c + "|" + e.date(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        Map<String, Meeting> meetings = calendar.meetingsByCode();
        Set<String> takeovers = new java.util.TreeSet<>();
        for (String t : calendar.store().meta(takeoversKey(source)).orElse("").split(",")) {
            if (!t.isBlank()) {
                takeovers.add(t);
            }
        }
        Map<String, Integer> feedSeq = FeedSequences.read(calendar.store().meta(FeedSequences.key(source))
                .orElse(null));
        List<Event> writes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>(feed.rejectedUids());
        Set<String> matchedIds = new HashSet<>();
        // seed sessions some feed event starts at exactly: kept for that event, never taken by another of the day
        Set<String> exact = seedByCommitteeDay.isEmpty() ? Set.of() : exactSeedStarts(feed, committees,
                seedByCommitteeDay);
        int outside = 0;
        for (FeedEvent f : feed.events()) {
            seen.add(f.uid());
            Event old = existing.get(f.uid());
            if (old == null && f.proposedId() != null && f.uid().equals(f.proposedId() + OWN_UID_SUFFIX)) {
                // another ccnso-bot's export of an event this calendar holds too (the same seed), or one imported
                // here from such an export under another feed name: the same event
                old = calendar.event(f.proposedId()).filter(e -> e.sourceUid() == null
                        || f.uid().equals(e.sourceUid())).orElse(null);
            } else if (old == null && f.proposedId() != null) {
                // our own export of an event we imported from another feed: X-CCNSO-ID and its feed's UID match
                old = calendar.event(f.proposedId()).filter(e -> f.uid().equals(e.sourceUid())).orElse(null);
            }
            List<String> acronyms = committees.match(f.title(), f.categories());
            boolean placeholder = false;
            if (old == null && !seedByCommitteeDay.isEmpty()) {
                old = seedSession(f, acronyms, seedByCommitteeDay, matchedIds, exact).orElse(null);
                if (old != null) {
                    placeholder = true;
                    warnings.add(Phrase.of(old.dateOnly() ? "ics.replacesPlaceholder" : "ics.replacesSession",
                            IcsText.shorten(f.title()), old.id(), String.join(", ", old.committees()),
                            old.date().toString()));
                }
            }
            ZoneId zone = zoneOption != null ? zoneOption : meeting != null ? meeting.zone()
                    // a seed session taken over keeps its venue's zone unless the import names one
                    : placeholder || old != null && takeovers.contains(old.id()) ? old.zone()
                    : f.zone() != null ? f.zone() : feed.zone() != null ? feed.zone() : ZoneId.of("UTC");
            LocalDate date = f.start() != null ? LocalDate.ofInstant(f.start(), zone) : f.date();
            String meetingCode = null;
            if (meeting != null) {
                if (meeting.includes(date)) {
                    meetingCode = meeting.code();
                } else {
                    outside++;
                }
            } else if (f.meeting() != null && meetings.containsKey(f.meeting())) {
                meetingCode = f.meeting();
            }
            if (placeholder) {
                takeovers.add(old.id());
            }
            boolean seedKept = old != null && takeovers.contains(old.id());
            if (seedKept) {
                // the seed's facts the feed does not state stay: its meeting, committees, description and links
                if (meetingCode == null) {
                    meetingCode = old.meetingCode();
                }
                java.util.TreeSet<String> all = new java.util.TreeSet<>(old.committees());
                all.addAll(acronyms);
                acronyms = List.copyOf(all);
            }
            String id;
            if (old != null) {
                id = old.id();
            } else {
                id = newId(f, source, takenIds);
                takenIds.add(id);
            }
            if (old != null && !matchedIds.add(old.id())) {
                continue;
            }
            EventStatus status = f.status();
            if (old != null && status == null) {
                boolean moved = !java.util.Objects.equals(old.start(), f.start())
                        || !java.util.Objects.equals(old.end(), f.end())
                        || !old.date().equals(date) || !old.lastDate().equals(f.lastDay() != null ? f.lastDay() : date);
                // a placeholder given its time is not a move: the time was not known before
                status = moved && !placeholder ? EventStatus.MOVED
                        : old.status() == EventStatus.CANCELLED ? EventStatus.SCHEDULED : old.status();
            }
            Event candidate = new Event(id, f.title(), f.kind() != null ? f.kind() : old != null ? old.kind() : null,
                    meetingCode, f.start(), f.end(), date, zone, f.room(),
                    f.access() != null ? f.access() : CommitteeMatcher.closed(f.title(), f.categories()) ? Access.CLOSED
                            : old != null ? old.access() : Access.OPEN,
                    seedKept && f.description() == null ? old.description() : f.description(),
                    acronyms, seedKept && f.links().isEmpty() ? old.links() : f.links(), status,
                    old != null && !placeholder ? old.source() : source,
                    old != null && !placeholder ? old.sourceUid() : f.uid(),
                    old != null ? old.sequence() : f.sequence(),
                    f.start() == null ? f.lastDay() : null,
                    // an imported title stays as imported, with no translations; only the calendar file's own title
                    // coming back (our export re-imported) keeps the file's translations of it
                    old != null && f.title().equals(old.title()) ? old.titles() : null);
            if (old == null) {
                writes.add(candidate);
                added.add(candidate.title());
                feedSeq.remove(id);
            } else if (candidate.equals(old)) {
                unchanged.add(candidate.title());
            } else if (!placeholder && f.sequence() < feedSeq.getOrDefault(old.id(), old.sequence())) {
                skipped.add(candidate.title());
            } else {
                // a change of time, place or status raises our SEQUENCE, whatever the feed's says
                int sequence = Math.max(f.sequence(), significant(old, candidate) ? old.sequence() + 1
                        : old.sequence());
                writes.add(withSequence(candidate, sequence));
                // the feed's own STATUS:CANCELLED is a cancellation, told and guarded like one gone from the feed
                if (candidate.status() == EventStatus.CANCELLED && old.status() != EventStatus.CANCELLED) {
                    cancelled.add(candidate.title());
                } else {
                    updated.add(candidate.title());
                }
                if (sequence != f.sequence()) {
                    feedSeq.put(id, f.sequence());
                } else {
                    feedSeq.remove(id);
                }
            }
        }
        if (outside > 0) {
            warnings.add(Phrase.of("ics.outsideMeeting", outside, meeting.code(), meeting.firstDay().toString(),
                    meeting.lastDay().toString()));
        }
        List<Event> gone = new ArrayList<>(existing.values());
        gone.sort(java.util.Comparator.comparing(Event::sortKey).thenComparing(Event::id));
        for (Event e : gone) {
            if (!seen.contains(e.sourceUid()) && e.status() != EventStatus.CANCELLED) {
                feedSeq.putIfAbsent(e.id(), e.sequence());
                writes.add(withSequence(e.withStatus(EventStatus.CANCELLED), e.sequence() + 1));
                cancelled.add(e.title());
            }
        }
        return new Plan(writes, new ImportReport(source, false, added, updated, unchanged, cancelled, skipped,
                warnings), feedSeq, takeovers);
    }

    /** The source of the seed's events (the calendar folder). */
    private static final String SEED_SOURCE = "calendar";

    /**
     * The seed's session this feed event is, if any: a date-only placeholder of one of its committees on its day
     * (the day in the placeholder's own zone), or a timed seed session of one of its committees at the same start.
     * Of several, the one whose title shares the most words; none when that does not single one out.
     */
    /** The seed sessions of a committee some timed feed event of that committee starts at exactly. */
    private static Set<String> exactSeedStarts(IcsReader.ParsedFeed feed, CommitteeMatcher committees,
                                               Map<String, List<Event>> seed) {
        Set<String> out = new HashSet<>();
        for (FeedEvent f : feed.events()) {
            if (f.start() == null) {
                continue;
            }
            for (String a : committees.match(f.title(), f.categories())) {
                for (LocalDate d : daysAround(f)) {
                    for (Event e : seed.getOrDefault(a + "|" + d, List.of())) {
                        if (!e.dateOnly() && e.start().equals(f.start())) {
                            out.add(e.id());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The UTC dates a feed event's venue day may have, from UTC-12 to UTC+14. */
    private static java.util.Set<LocalDate> daysAround(FeedEvent f) {
        return f.start() == null ? Set.of(f.date())
                : new java.util.LinkedHashSet<>(List.of(
                        LocalDate.ofInstant(f.start().minusSeconds(12 * 3600), java.time.ZoneOffset.UTC),
                        LocalDate.ofInstant(f.start(), java.time.ZoneOffset.UTC),
                        LocalDate.ofInstant(f.start().plusSeconds(14 * 3600), java.time.ZoneOffset.UTC)));
    }

    /**
     * The seed session a feed event stands for: one of its committee on its venue day. A timed seed session at the
     * same start is the one; otherwise a date-only placeholder of that day, or a timed seed session of that day no
     * feed event starts at exactly (the published time has moved since the seed was written: taken over and
     * moved, not duplicated). Among several, the most title words in common, then the nearest start; a tie takes
     * none (the event is added as new).
     */
    private static java.util.Optional<Event> seedSession(FeedEvent f, List<String> acronyms,
                                                         Map<String, List<Event>> seed, Set<String> taken,
                                                         Set<String> exact) {
        if (acronyms.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.LinkedHashSet<Event> candidates = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<Event> sameStart = new java.util.LinkedHashSet<>();
        for (String a : acronyms) {
            for (LocalDate d : daysAround(f)) {
                for (Event e : seed.getOrDefault(a + "|" + d, List.of())) {
                    if (taken.contains(e.id())) {
                        continue;
                    }
                    if (e.dateOnly()) {
                        if (e.date().equals(f.start() == null ? f.date() : LocalDate.ofInstant(f.start(), e.zone()))) {
                            candidates.add(e);
                        }
                    } else if (f.start() != null && e.start().equals(f.start())) {
                        sameStart.add(e);
                    } else if (f.start() != null && !exact.contains(e.id())
                            && e.date().equals(LocalDate.ofInstant(f.start(), e.zone()))
                            && (Math.abs(e.start().getEpochSecond() - f.start().getEpochSecond()) <= MOVED_WITHIN
                            || sharesADistinctiveWord(e, f.title(), acronyms))) {
                        candidates.add(e);
                    }
                }
            }
        }
        if (!sameStart.isEmpty()) {
            candidates = sameStart;
        }
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        Set<String> words = words(f.title());
        int bestScore = -1;
        List<Event> best = new ArrayList<>();
        for (Event e : candidates) {
            Set<String> w = words(e.title());
            w.retainAll(words);
            if (w.size() > bestScore) {
                best.clear();
                bestScore = w.size();
            }
            if (w.size() == bestScore) {
                best.add(e);
            }
        }
        if (best.size() == 1) {
            return java.util.Optional.of(best.get(0));
        }
        if (f.start() == null || best.stream().anyMatch(Event::dateOnly)) {
            return java.util.Optional.empty();
        }
        best.sort(java.util.Comparator.comparingLong(e -> Math.abs(e.start().getEpochSecond()
                - f.start().getEpochSecond())));
        long first = Math.abs(best.get(0).start().getEpochSecond() - f.start().getEpochSecond());
        long second = Math.abs(best.get(1).start().getEpochSecond() - f.start().getEpochSecond());
        return first == second ? java.util.Optional.empty() : java.util.Optional.of(best.get(0));
    }

    /** How far from its seeded start a timed seed session may have moved and still be taken for the same. */
    private static final long MOVED_WITHIN = 3 * 3600;

    /** Words that say nothing about which of a committee's sessions a title means. */
    private static final Set<String> GENERIC = Set.of("ccnso", "icann", "session", "sessions", "meeting", "meetings",
            "the", "and", "with", "for", "part", "closed", "open", "public");

    /**
     * Whether a seed session's title and a feed event's share a word beyond its committees' acronyms and the
     * generic ones: "Council prep call" is not "Council meeting 202", however near their times.
     */
    private static boolean sharesADistinctiveWord(Event seed, String title, List<String> acronyms) {
        Set<String> common = words(seed.title());
        common.retainAll(words(title));
        common.removeAll(GENERIC);
        for (String a : acronyms) {
            common.removeAll(words(a.replace('-', ' ')));
            common.remove(a.toLowerCase(Locale.ROOT));
        }
        common.removeIf(w -> w.chars().allMatch(Character::isDigit) || w.matches("icann\\d+"));
        return !common.isEmpty();
    }

    private static Set<String> words(String title) {
        Set<String> out = new HashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether calendar apps must take the change: its time, day, place or status. */
    private static boolean significant(Event a, Event b) {
        return !java.util.Objects.equals(a.start(), b.start()) || !java.util.Objects.equals(a.end(), b.end())
                || !a.date().equals(b.date()) || !java.util.Objects.equals(a.lastDay(), b.lastDay())
                || !java.util.Objects.equals(a.room(), b.room())
                || a.status() != b.status();
    }

    private static Event withSequence(Event e, int sequence) {
        return new Event(e.id(), e.title(), e.kind(), e.meetingCode(), e.start(), e.end(), e.date(), e.zone(),
                e.room(), e.access(), e.description(), e.committees(), e.links(), e.status(), e.source(),
                e.sourceUid(), sequence, e.lastDay(), e.titles());
    }

    /** The feed's own id when it is free and well-formed; otherwise a slug of the title plus a stable hash. */
    private static String newId(FeedEvent f, String source, Set<String> taken) {
        if (f.proposedId() != null && f.proposedId().matches("[a-z0-9][a-z0-9-]{0,63}")
                && !taken.contains(f.proposedId())) {
            return f.proposedId();
        }
        String slug = f.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = "event";
        }
        String hash = IcsReader.hash(source + "\n" + f.uid());
        for (int len = 6; len <= hash.length(); len += 2) {
            String id = slug + "-" + hash.substring(0, len);
            if (!taken.contains(id)) {
                return id;
            }
        }
        int n = 2;
        while (taken.contains(slug + "-" + hash + "-" + n)) {
            n++;
        }
        return slug + "-" + hash + "-" + n;
    }
}
