// Over 500 lines on purpose: one RFC 5545 reader (unfolding, properties, values, time zones) reads best in one place.
package org.ccnsobot.features.ical;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ccnsobot.i18n.Phrase;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;
import org.ccnsobot.kernel.CommandEngine;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;

/**
 * Reads a scanned iCalendar text with ical4j into {@link FeedEvent}s: one per event, and one per occurrence of a
 * recurring event (bounded in number and in time). Date-times are read from the raw values rather than through
 * ical4j's temporal types, so UTC, TZID, floating and date values each keep their meaning and an unknown zone is
 * an error naming the line, not an exception deep inside a getter.
 */
final class IcsReader {
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    /**
     * The calendar's own name and zone (X-WR-CALNAME, X-WR-TIMEZONE), its events, what was worth a warning, and the
     * events left out of a lenient read (line, UID, reason) and their UIDs (an event the calendar already holds is
     * kept as it is, not cancelled, while its entry in the feed cannot be read).
     */
    record ParsedFeed(String name, ZoneId zone, List<FeedEvent> events, List<Phrase> warnings,
                      List<Phrase> rejected, java.util.Set<String> rejectedUids) {
    }

    private final IcsLimits limits;
    private final List<Phrase> warnings = new ArrayList<>();
    private final List<Phrase> rejected = new ArrayList<>();
    private final java.util.Set<String> rejectedUids = new java.util.HashSet<>();
    private final boolean skipBad;

    /**
     * ical4j's default handler asks its supplier for a new list of every factory at each property it reads (a quarter
     * of the parse of a 5,000-event export, with the linear search through it); the factories hold no state, so the
     * lists are made once and shared. Otherwise the same as {@code new CalendarBuilder()}.
     */
    private static final List<net.fortuna.ical4j.model.PropertyFactory<?>> PROPERTIES =
            List.copyOf(new net.fortuna.ical4j.data.DefaultPropertyFactorySupplier().get());
    private static final List<net.fortuna.ical4j.model.ParameterFactory<?>> PARAMETERS =
            List.copyOf(new net.fortuna.ical4j.data.DefaultParameterFactorySupplier().get());
    private static final List<net.fortuna.ical4j.model.ComponentFactory<?>> COMPONENTS =
            List.copyOf(new net.fortuna.ical4j.data.DefaultComponentFactorySupplier().get());
    private static final net.fortuna.ical4j.data.ContentHandlerContext CONTEXT =
            new net.fortuna.ical4j.data.ContentHandlerContext().withPropertyFactorySupplier(() -> PROPERTIES)
                    .withParameterFactorySupplier(() -> PARAMETERS).withComponentFactorySupplier(() -> COMPONENTS);

    IcsReader(IcsLimits limits) {
        this(limits, false);
    }

    /** With {@code skipBad}, an event that cannot be read is left out and named in {@code rejected}, not fatal. */
    IcsReader(IcsLimits limits, boolean skipBad) {
        this.limits = limits;
        this.skipBad = skipBad;
    }

    /** {@code floating} is the zone for times written without a zone (and the calendar's zone when it names none). */
    ParsedFeed read(IcsText.Scanned scanned, ZoneId floating) throws IcsException {
        Calendar cal = null;
        while (cal == null) {
            try {
                cal = new CalendarBuilder(net.fortuna.ical4j.data.CalendarParserFactory.getInstance().get(), CONTEXT,
                        net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry())
                        .build(new StringReader(scanned.normalized()));
            } catch (ParserException e) {
                String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                        : e.getMessage().replaceFirst("^Error at line \\d+:\\s*", "");
                String line = scanned.logicalLine(e.getLineNo());
                String name = IcsText.name(line);
                if (name.isEmpty() || name.equals("BEGIN") || name.equals("END")) {
                    throw new IcsException(scanned.physical(e.getLineNo()), Phrase.of("ics.notValid",
                            IcsText.shorten(msg)));
                }
                // ical4j's own reason stays in its English: it has no translation
                IcsException bad = new IcsException(scanned.physical(e.getLineNo()), Phrase.of("ics.cannotRead",
                        name, IcsText.shorten(IcsText.rawValue(line)), IcsText.shorten(msg)));
                // ical4j stops at the first property it cannot read; in a lenient read the event holding it is
                // left out (named) and the rest of the file is read again without it
                int[] around = skipBad ? scanned.veventAround(e.getLineNo()) : null;
                if (around == null) {
                    throw bad;
                }
                String uid = scanned.uidBetween(around[0], around[1]);
                if (!uid.isEmpty()) {
                    rejectedUids.add(uid);
                }
                rejected.add(skipped(bad, uid));
                scanned = scanned.without(around[0], around[1]);
            } catch (IOException | RuntimeException e) {
                throw new IcsException(0, Phrase.of("ics.notValid", IcsText.shorten(String.valueOf(e.getMessage()))));
            }
        }
        String name = cal.getProperty("X-WR-CALNAME").map(Property::getValue).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        ZoneId calZone = cal.getProperty("X-WR-TIMEZONE").map(Property::getValue).flatMap(IcsReader::zoneOf)
                .orElse(null);
        ZoneId floatingZone = floating != null ? floating : calZone != null ? calZone : ZoneOffset.UTC;

        List<CalendarComponent> vevents = cal.getComponents().stream()
                .filter(c -> Component.VEVENT.equals(c.getName())).toList();
        if (vevents.size() != scanned.vevents().size()) {
            throw new IcsException(0, Phrase.of("ics.notValid", Phrase.of("ics.countMismatch",
                    String.valueOf(vevents.size()), String.valueOf(scanned.vevents().size()))));
        }
        // Overrides of single occurrences (RECURRENCE-ID) replace what the rule generates for that occurrence.
        Map<String, FeedEvent> overrides = new LinkedHashMap<>();
        List<Master> masters = new ArrayList<>();
        for (int i = 0; i < vevents.size(); i++) {
            Component v = vevents.get(i);
            Master m;
            try {
                m = eventAt(v, scanned.vevents().get(i), floatingZone);
            } catch (IcsException e) {
                if (!skipBad) {
                    throw e;
                }
                reject(v, e);
                continue;
            }
            if (m.recurrenceKey() != null) {
                overrides.put(m.event().uid() + "#" + m.recurrenceKey(), m.event());
            } else {
                masters.add(m);
            }
        }
        List<FeedEvent> out = new ArrayList<>();
        Map<String, Integer> byUid = new LinkedHashMap<>();
        for (Master m : masters) {
            List<FeedEvent> expanded;
            try {
                expanded = m.rule() == null ? List.of(m.event()) : expand(m, overrides);
            } catch (DateTimeException | IllegalArgumentException | UnsupportedOperationException | ClassCastException
                     | NullPointerException | IndexOutOfBoundsException | ArithmeticException e) {
                IcsException bad = new IcsException(m.ruleLine(), Phrase.of("ics.ruleNotExpanded",
                        IcsText.shorten(String.valueOf(e.getMessage()))));
                if (!skipBad) {
                    throw bad;
                }
                rejected.add(skipped(bad, m.event().uid()));
                rejectedUids.add(m.event().uid());
                continue;
            }
            for (FeedEvent e : expanded) {
                Integer at = byUid.get(e.uid());
                if (at != null) {
                    FeedEvent other = out.get(at);
                    warnings.add(at(e.line(), Phrase.of("ics.uidTwice", IcsText.shorten(e.uid()),
                            String.valueOf(other.line()))));
                    if (e.sequence() >= other.sequence()) {
                        out.set(at, e);
                    }
                    continue;
                }
                if (out.size() >= limits.maxEvents()) {
                    throw new IcsException(e.line(), Phrase.of("ics.expandsTooMany",
                            String.valueOf(limits.maxEvents())));
                }
                byUid.put(e.uid(), out.size());
                out.add(e);
            }
        }
        for (Map.Entry<String, FeedEvent> o : overrides.entrySet()) {
            // an override whose rule is not in the file stands on its own
            if (!byUid.containsKey(o.getKey())) {
                FeedEvent e = o.getValue();
                byUid.put(o.getKey(), out.size());
                out.add(e.withOccurrence(o.getKey(), e.start(), e.end(), e.date()));
            }
        }
        return new ParsedFeed(name, calZone, out, List.copyOf(warnings), List.copyOf(rejected),
                java.util.Set.copyOf(rejectedUids));
    }

    /** One event read, any failure inside ical4j or the JDK named as a problem of the event's first line. */
    private Master eventAt(Component v, IcsText.VEventLines lines, ZoneId floatingZone) throws IcsException {
        try {
            return event(v, lines, floatingZone);
        } catch (DateTimeException | IllegalArgumentException | UnsupportedOperationException | ClassCastException
                 | NullPointerException | IndexOutOfBoundsException e) {
            throw new IcsException(lines.begin(), Phrase.of("ics.eventUnreadable",
                    IcsText.shorten(String.valueOf(e.getMessage()))));
        }
    }

    /** An event left out of a lenient read: its line, its UID when it has one, and why. */
    private void reject(Component v, IcsException e) {
        String uid = v.getProperty(Property.UID).map(Property::getValue).map(String::strip).orElse("");
        if (!uid.isEmpty()) {
            rejectedUids.add(uid);
        }
        rejected.add(skipped(e, uid));
    }

    /** "line N: why (UID u); skipped", to be worded for its reader. */
    private static Phrase skipped(IcsException e, String uid) {
        return uid == null || uid.isEmpty() ? Phrase.of("ics.skippedNoUid", e.phrase())
                : Phrase.of("ics.skipped", e.phrase(), IcsText.shorten(uid));
    }

    /** A warning about line {@code line}; the number as text, so it is never grouped. */
    private static Phrase at(int line, Phrase what) {
        return Phrase.of("ics.atLine", String.valueOf(line), what);
    }

    /** A VEVENT as read, with its rule when it recurs. */
    private record Master(FeedEvent event, Recur<Temporal> rule, int ruleLine, Temporal seed, Duration length,
                         List<When> exdates, List<When> rdates, String recurrenceKey) {
    }

    /** A date or a date-time as written: {@code time} is null for a date. {@code zone} is the zone it was named in. */
    private record When(LocalDate date, ZonedDateTime time, ZoneId zone) {
        Temporal seed() {
            return time != null ? time : date;
        }

        String key() {
            return time != null ? BASIC_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC)) + "Z"
                    : BASIC_DATE.format(date);
        }
    }

    private Master event(Component v, IcsText.VEventLines lines, ZoneId floating) throws IcsException {
        String summary = text(v, Property.SUMMARY);
        String title = summary == null || summary.isBlank() ? null : summary.strip();
        if (title == null) {
            warnings.add(at(lines.begin(), Phrase.of("ics.noSummary")));
            title = "Untitled event";
        }
        Property dtstart = v.getProperty(Property.DTSTART).orElseThrow(() -> new IcsException(lines.begin(),
                Phrase.of("ics.noDtstart")));
        When start = when(dtstart, lines.raw(Property.DTSTART, 0), lines.lineOf(Property.DTSTART), floating);
        When end = null;
        Optional<Property> dtend = v.getProperty(Property.DTEND);
        int endLine = lines.lineOf(Property.DTEND);
        if (dtend.isPresent()) {
            end = when(dtend.get(), lines.raw(Property.DTEND, 0), endLine, floating);
        } else if (v.getProperty(Property.DURATION).isPresent()) {
            endLine = lines.lineOf(Property.DURATION);
            Duration d = duration(v.getProperty(Property.DURATION).get().getValue(), endLine);
            end = start.time() != null ? new When(null, start.time().plus(d), start.zone())
                    : new When(start.date().plusDays(Math.max(1, d.toDays())), null, start.zone());
        }
        if (end != null) {
            if ((end.time() == null) != (start.time() == null)) {
                throw new IcsException(endLine, Phrase.of(end.time() == null ? "ics.endDateStartTime"
                        : "ics.endTimeStartDate"));
            }
            boolean before = start.time() != null ? end.time().toInstant().isBefore(start.time().toInstant())
                    : end.date().isBefore(start.date());
            if (before) {
                throw new IcsException(endLine, Phrase.of("ics.endsBeforeStart"));
            }
        }
        String uid = text(v, Property.UID);
        if (uid == null || uid.isBlank()) {
            uid = "nouid-" + hash(lines.raw(Property.DTSTART, 0) + "\n" + title);
            warnings.add(at(lines.begin(), Phrase.of("ics.noUid", IcsText.shorten(title))));
        }
        uid = uid.strip();
        int sequence = 0;
        String seq = text(v, Property.SEQUENCE);
        if (seq != null && !seq.isBlank()) {
            try {
                sequence = Integer.parseInt(seq.strip());
            } catch (NumberFormatException e) {
                throw new IcsException(lines.lineOf(Property.SEQUENCE), Phrase.of("ics.badSequence",
                        IcsText.shorten(seq)));
            }
        }
        String description = blankToNull(Html.toPlain(v.getProperty(Property.DESCRIPTION).map(Property::getValue)
                .orElse(null)));
        String room = blankToNull(text(v, Property.LOCATION));
        if (room != null) {
            // Sched leaves a dangling separator: "Whole Ship\,"
            room = blankToNull(room.replaceAll("[,;\\s]+$", ""));
        }
        EventStatus status = null;
        String st = text(v, Property.STATUS);
        if (st != null && st.strip().equalsIgnoreCase("CANCELLED")) {
            status = EventStatus.CANCELLED;
        }
        String xStatus = text(v, "X-CCNSO-STATUS");
        if (xStatus != null) {
            try {
                status = EventStatus.valueOf(xStatus.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IcsException(lines.lineOf("X-CCNSO-STATUS"), Phrase.of("ics.badStatus",
                        IcsText.shorten(xStatus)));
            }
        }
        Access access = null;
        String xAccess = text(v, "X-CCNSO-ACCESS");
        if (xAccess != null) {
            access = switch (xAccess.strip().toLowerCase(Locale.ROOT)) {
                case "open" -> Access.OPEN;
                case "closed" -> Access.CLOSED;
                default -> throw new IcsException(lines.lineOf("X-CCNSO-ACCESS"), Phrase.of("ics.badAccess",
                        IcsText.shorten(xAccess)));
            };
        } else {
            String cls = text(v, Property.CLASS);
            if (cls != null && !cls.strip().equalsIgnoreCase("PUBLIC")) {
                access = Access.CLOSED;
            }
        }
        List<String> categories = new ArrayList<>();
        for (Property p : v.getProperties(Property.CATEGORIES)) {
            if (p instanceof Categories c && c.getCategories() != null) {
                c.getCategories().getTexts().forEach(t -> categories.add(t.strip()));
            }
        }
        List<Link> links = new ArrayList<>();
        for (Property p : v.getProperties("X-CCNSO-LINK")) {
            String val = p.getValue() == null ? "" : p.getValue().strip();
            int sp = val.indexOf(' ');
            String url = sp < 0 ? val : val.substring(0, sp);
            if (url.startsWith("https://") || url.startsWith("http://")) {
                links.add(new Link(sp < 0 ? null : val.substring(sp + 1).strip(), url));
            }
        }
        if (links.isEmpty()) {
            String url = text(v, Property.URL);
            if (url != null && (url.strip().startsWith("https://") || url.strip().startsWith("http://"))) {
                links.add(new Link("Event page", url.strip()));
            }
        }
        ZoneId xZone = Optional.ofNullable(text(v, "X-CCNSO-ZONE")).flatMap(IcsReader::zoneOf).orElse(null);
        ZoneId zone = xZone != null ? xZone : start.zone();
        String kind = blankToNull(text(v, "X-CCNSO-KIND"));
        String meeting = blankToNull(text(v, "X-CCNSO-MEETING"));
        String proposedId = blankToNull(text(v, "X-CCNSO-ID"));

        Instant s = start.time() == null ? null : start.time().toInstant();
        Instant e = end == null || end.time() == null ? null : end.time().toInstant();
        LocalDate date = start.time() == null ? start.date() : null;
        // DTEND of a date is exclusive: 20240302 to 20240309 is 2 to 8 March
        LocalDate lastDay = date != null && end != null && end.date().isAfter(date.plusDays(1))
                ? end.date().minusDays(1) : null;
        FeedEvent fe = new FeedEvent(lines.begin(), uid, sequence, title, description, room, s, e, date, zone, kind,
                meeting, access, categories, links, status, proposedId, lastDay);

        String recurrenceKey = null;
        Optional<Property> rid = v.getProperty(Property.RECURRENCE_ID);
        if (rid.isPresent()) {
            recurrenceKey = when(rid.get(), lines.raw(Property.RECURRENCE_ID, 0), lines.lineOf(Property.RECURRENCE_ID),
                    floating).key();
        }
        Recur<Temporal> rule = null;
        Optional<Property> rrule = v.getProperty(Property.RRULE);
        int ruleLine = lines.lineOf(Property.RRULE);
        if (rrule.isPresent() && recurrenceKey == null) {
            try {
                rule = new Recur<>(rrule.get().getValue());
            } catch (RuntimeException ex) {
                throw new IcsException(ruleLine, Phrase.of("ics.badRule", IcsText.shorten(rrule.get().getValue()),
                        IcsText.shorten(String.valueOf(ex.getMessage()))));
            }
        }
        Duration length = end == null ? null : start.time() != null
                ? Duration.between(start.time(), end.time())
                : Duration.ofDays(end.date().toEpochDay() - start.date().toEpochDay());
        List<When> exdates = new ArrayList<>();
        List<Property> exProps = v.getProperties(Property.EXDATE);
        for (int k = 0; k < exProps.size(); k++) {
            exdates.addAll(whens(exProps.get(k), lines.raw(Property.EXDATE, k), lines.lineOf(Property.EXDATE), floating));
        }
        List<When> rdates = new ArrayList<>();
        List<Property> rProps = v.getProperties(Property.RDATE);
        for (int k = 0; k < rProps.size(); k++) {
            Property p = rProps.get(k);
            if (p.getParameter(Parameter.VALUE).map(x -> x.getValue().equalsIgnoreCase("PERIOD")).orElse(false)) {
                warnings.add(at(lines.lineOf(Property.RDATE), Phrase.of("ics.rdatePeriods")));
                continue;
            }
            rdates.addAll(whens(p, lines.raw(Property.RDATE, k), lines.lineOf(Property.RDATE), floating));
        }
        if (rule == null && !rdates.isEmpty() && recurrenceKey == null) {
            rule = null;
            // RDATE without RRULE: still a recurring event
            return new Master(fe, new Recur<>("FREQ=YEARLY;COUNT=1"), ruleLine, start.seed(), length, exdates,
                    rdates, null);
        }
        return new Master(fe, rule, ruleLine, start.seed(), length, exdates, rdates, recurrenceKey);
    }

    private List<FeedEvent> expand(Master m, Map<String, FeedEvent> overrides) throws IcsException {
        Temporal seed = m.seed();
        Temporal until = seed instanceof LocalDate d ? d.plus(limits.recurrenceWindow())
                : ((ZonedDateTime) seed).plus(limits.recurrenceWindow());
        List<Temporal> dates = new ArrayList<>(m.rule().getDates(seed, seed, until, limits.maxOccurrences() + 1));
        TreeSet<String> keys = new TreeSet<>();
        List<When> occurrences = new ArrayList<>();
        List<When> all = new ArrayList<>();
        all.add(whenOf(seed));
        for (Temporal t : dates) {
            all.add(whenOf(t));
        }
        all.addAll(m.rdates());
        TreeSet<String> excluded = new TreeSet<>();
        m.exdates().forEach(x -> excluded.add(x.key()));
        for (When w : all) {
            if (keys.add(w.key()) && !excluded.contains(w.key())) {
                occurrences.add(w);
            }
        }
        occurrences.sort((a, b) -> a.key().compareTo(b.key()));
        if (occurrences.size() > limits.maxOccurrences()) {
            warnings.add(at(m.ruleLine(), Phrase.of("ics.tooManyOccurrences", IcsText.shorten(m.event().title()),
                    String.valueOf(limits.maxOccurrences()), String.valueOf(limits.recurrenceWindow().getYears()))));
            occurrences = occurrences.subList(0, limits.maxOccurrences());
        }
        List<FeedEvent> out = new ArrayList<>();
        for (When w : occurrences) {
            String uid = m.event().uid() + "#" + w.key();
            FeedEvent override = overrides.get(uid);
            if (override != null) {
                out.add(override.withOccurrence(uid, override.start(), override.end(), override.date()));
                continue;
            }
            if (w.time() != null) {
                Instant s = w.time().toInstant();
                Instant e = m.length() == null ? null : w.time().plus(m.length()).toInstant();
                out.add(m.event().withOccurrence(uid, s, e, null));
            } else {
                out.add(m.event().withOccurrence(uid, null, null, w.date()));
            }
        }
        return out;
    }

    private static When whenOf(Temporal t) {
        if (t instanceof LocalDate d) {
            return new When(d, null, null);
        }
        if (t instanceof ZonedDateTime z) {
            return new When(null, z, null);
        }
        if (t instanceof LocalDateTime l) {
            return new When(null, l.atZone(ZoneOffset.UTC), null);
        }
        if (t instanceof java.time.OffsetDateTime o) {
            return new When(null, o.toZonedDateTime(), null);
        }
        if (t instanceof Instant i) {
            return new When(null, i.atZone(ZoneOffset.UTC), null);
        }
        throw new IllegalArgumentException("unexpected occurrence type " + t.getClass().getSimpleName());
    }

    private List<When> whens(Property p, String rawValue, int line, ZoneId floating) throws IcsException {
        List<When> out = new ArrayList<>();
        String raw = rawValue != null ? rawValue : p.getValue() == null ? "" : p.getValue();
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part.strip(), p, line, floating, false));
            }
        }
        return out;
    }

    private When when(Property p, String rawValue, int line, ZoneId floating) throws IcsException {
        String v = rawValue != null ? rawValue : p.getValue() == null ? "" : p.getValue();
        return parse(v.strip(), p, line, floating, true);
    }

    private When parse(String value, Property p, int line, ZoneId floating, boolean single) throws IcsException {
        boolean dateValue = p.getParameter(Parameter.VALUE).map(x -> x.getValue().equalsIgnoreCase("DATE")).orElse(false);
        try {
            if (dateValue || DATE.matcher(value).matches()) {
                if (!DATE.matcher(value).matches()) {
                    throw new IcsException(line, Phrase.of("ics.notDate", p.getName(), IcsText.shorten(value)));
                }
                return new When(LocalDate.parse(value, BASIC_DATE), null, null);
            }
            if (!DATE_TIME.matcher(value).matches()) {
                throw new IcsException(line, Phrase.of("ics.notDateTime", p.getName(), IcsText.shorten(value)));
            }
            if (value.endsWith("Z")) {
                LocalDateTime t = LocalDateTime.parse(value.substring(0, value.length() - 1), BASIC_DATE_TIME);
                return new When(null, t.atZone(ZoneOffset.UTC), null);
            }
            LocalDateTime t = LocalDateTime.parse(value, BASIC_DATE_TIME);
            Optional<Parameter> tzid = p.getParameter(Parameter.TZID);
            if (tzid.isEmpty()) {
                return new When(null, local(t, floating, line), null);
            }
            String name = tzid.get().getValue().strip();
            Optional<ZoneId> zone = zoneOf(name.startsWith("/") ? name.substring(1) : name);
            if (zone.isPresent()) {
                return new When(null, local(t, zone.get(), line), zone.get());
            }
            // A zone defined only by a VTIMEZONE in the file (Outlook's "W. Europe Standard Time"): ical4j knows it.
            if (single && p instanceof DateProperty<?> dp) {
                try {
                    Temporal resolved = dp.getDate();
                    if (resolved instanceof ZonedDateTime z) {
                        return new When(null, z, null);
                    }
                } catch (RuntimeException e) {
                    // reported below
                }
            }
            throw new IcsException(line, Phrase.of("ics.unknownZone", IcsText.shorten(name)));
        } catch (DateTimeException e) {
            throw new IcsException(line, Phrase.of("ics.notRealTime", p.getName(), IcsText.shorten(value)));
        }
    }

    /** A local time in a zone; one in a DST gap (moved forward) or overlap (the earlier) is named in the warnings. */
    private ZonedDateTime local(LocalDateTime t, ZoneId zone, int line) {
        ZonedDateTime z = t.atZone(zone);
        int offsets = zone.getRules().getValidOffsets(t).size();
        if (offsets == 0) {
            warnings.add(at(line, Phrase.of("ics.dstGap", t.toString(), zone.toString(),
                    z.toLocalDateTime().toString())));
        } else if (offsets > 1) {
            warnings.add(at(line, Phrase.of("ics.dstOverlap", t.toString(), zone.toString(),
                    z.getOffset().toString())));
        }
        return z;
    }

    private static Duration duration(String value, int line) throws IcsException {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        try {
            java.util.regex.Matcher w = Pattern.compile("([+-]?)P(\\d+)W").matcher(v);
            Duration d = w.matches() ? Duration.ofDays(7L * Long.parseLong(w.group(2))) : Duration.parse(v);
            if (d.isNegative()) {
                throw new IcsException(line, Phrase.of("ics.negativeDuration", IcsText.shorten(value)));
            }
            return d;
        } catch (RuntimeException e) {
            throw new IcsException(line, Phrase.of("ics.badDuration", IcsText.shorten(value)));
        }
    }

    static Optional<ZoneId> zoneOf(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        if (n.equalsIgnoreCase("UTC") || n.equalsIgnoreCase("GMT") || n.equalsIgnoreCase("Etc/UTC")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        if (CommandEngine.ZONES.contains(n)) {
            return Optional.of(ZoneId.of(n));
        }
        // Outlook and Exchange name zones the Windows way ("Eastern Standard Time"); CLDR's mapping, from ICU4J
        String iana = com.ibm.icu.util.TimeZone.getIDForWindowsID(n, null);
        if (iana != null && CommandEngine.ZONES.contains(iana)) {
            return Optional.of(ZoneId.of(iana));
        }
        return Optional.empty();
    }

    private static String text(Component v, String name) {
        return v.getProperty(name).map(Property::getValue).map(Html::unescape).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
