package org.ccnsobot.features.ical;

import org.ccnsobot.port.support.Controls;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;

/**
 * Writes events as an iCalendar text that ical4j's own validation accepts and that the importer reads back into
 * the same events. Times are written in UTC (no VTIMEZONE to get wrong); the venue's zone, kind, meeting, access,
 * status and links travel in X-CCNSO properties that other calendar programs ignore. Date-only events are
 * VALUE=DATE. Output is deterministic for the same events and stamp: events ordered by time then id.
 *
 * <p>No METHOD is written: METHOD:PUBLISH would oblige every event to name an ORGANIZER (RFC 5546), and a
 * subscribed feed needs no scheduling method.
 */
public final class IcsExporter {

    private IcsExporter() {
    }

    /** The events as one calendar called {@code name} (its X-WR-CALNAME, the source name on re-import). */
    public static String export(String name, List<Event> events, Instant stamp) {
        return export(name, events, stamp, null);
    }

    /**
     * As {@link #export(String, List, Instant)}, and with {@code refresh} (when not null) as the hint to subscribers
     * of how often to look again: X-PUBLISHED-TTL (Outlook, Google) and REFRESH-INTERVAL (RFC 7986).
     */
    public static String export(String name, List<Event> events, Instant stamp, java.time.Duration refresh) {
        return export(name, events, java.util.Map.of(), stamp, refresh);
    }

    /**
     * As above, each event's DTSTAMP its last change ({@code changed}, by id; {@code fallback} where unknown): what
     * RFC 5545 asks of a calendar without METHOD, and what makes an unchanged feed byte for byte the same.
     */
    public static String export(String name, List<Event> events, java.util.Map<String, Instant> changed,
                                Instant fallback, java.time.Duration refresh) {
        return export(name, events, changed, java.util.Map.of(), fallback, refresh);
    }

    /** As above, each event carrying the VALARMs {@code alarms} names for it (by id). */
    public static String export(String name, List<Event> events, java.util.Map<String, Instant> changed,
                                java.util.Map<String, List<Alarm>> alarms, Instant fallback,
                                java.time.Duration refresh) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//ccNSO//ccnso-bot//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", Controls.neutralise(name)));
        cal.add(new XProperty("X-WR-TIMEZONE", "UTC"));
        if (refresh != null) {
            cal.add(new XProperty("X-PUBLISHED-TTL", refresh.toString()));
            cal.add(new net.fortuna.ical4j.model.property.RefreshInterval(
                    new net.fortuna.ical4j.model.ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)),
                    refresh));
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::sortKey).thenComparing(Event::id));
        for (Event e : sorted) {
            VEvent v = vevent(e, changed.getOrDefault(e.id(), fallback).truncatedTo(ChronoUnit.SECONDS));
            for (Alarm a : alarms.getOrDefault(e.id(), List.of())) {
                v.add(valarm(e, a));
            }
            cal.add(v);
        }
        try {
            ValidationResult result = cal.validate();
            // RFC 5545 wants one component at least, but a feed with nothing in it yet (a member who subscribes to
            // nothing, a committee without sessions) must still answer: calendar apps take an empty VCALENDAR
            boolean onlyEmpty = sorted.isEmpty() && result.getEntries().stream().allMatch(en ->
                    en.getSeverity() != net.fortuna.ical4j.validate.ValidationEntry.Severity.ERROR
                            || en.getMessage().contains("at least one component"));
            if (result.hasErrors() && !onlyEmpty) {
                throw new IllegalStateException("the export does not validate: " + result);
            }
        } catch (ValidationException ex) {
            throw new IllegalStateException("the export does not validate: " + ex.getMessage(), ex);
        }
        // Calendar#toString does not fold, and ical4j's folding counts characters, not the 75 octets RFC 5545
        // asks for: fold here, never inside a UTF-8 sequence.
        return fold(cal.toString());
    }

    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 70 * 3);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The UID an event is exported under: the feed's own for imported events, else its id in our namespace. */
    public static String uid(Event e) {
        return e.sourceUid() != null ? e.sourceUid() : e.id() + IcsImporter.OWN_UID_SUFFIX;
    }

    /** A display alarm (RFC 5545 3.6.6: ACTION, TRIGGER and DESCRIPTION), described by the event's title. */
    private static VAlarm valarm(Event e, Alarm a) {
        VAlarm alarm;
        if (a instanceof Alarm.Before b) {
            // Written as hours (-PT48H), never days: ical4j's Trigger turns 48 hours into -P2D, and a day in RFC 5545
            // is a nominal one (23 or 25 hours across a clock change), while the bot's reminders are absolute time.
            // VALARM validation counts TRIGGER by name, so the property may carry our own text.
            alarm = new VAlarm();
            alarm.add(new XProperty("TRIGGER", "-" + b.before().truncatedTo(ChronoUnit.SECONDS)));
        } else {
            alarm = new VAlarm(((Alarm.At) a).at().truncatedTo(ChronoUnit.SECONDS));
        }
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(Controls.neutralise(e.title())));
        return alarm;
    }

    private static VEvent vevent(Event e, Instant stamp) {
        VEvent v = new VEvent(false);
        v.add(new DtStamp(stamp));
        v.add(new Uid(uid(e)));
        if (e.dateOnly()) {
            v.add(new DtStart<>(e.date()));
            // DTEND of a date is exclusive: the day after the last
            v.add(new DtEnd<>(e.lastDate().plusDays(1)));
        } else {
            v.add(new DtStart<>(e.start().truncatedTo(ChronoUnit.SECONDS)));
            if (e.end() != null) {
                v.add(new DtEnd<>(e.end().truncatedTo(ChronoUnit.SECONDS)));
            }
        }
        // a control character already stored must not reach a subscriber's calendar app
        v.add(new Summary(Controls.neutralise(e.title())));
        if (e.description() != null) {
            v.add(new Description(Controls.neutralise(e.description())));
        }
        if (e.room() != null) {
            v.add(new Location(Controls.neutralise(e.room())));
        }
        if (!e.committees().isEmpty()) {
            v.add(new Categories(new TextList(e.committees())));
        }
        v.add(new Sequence(e.sequence()));
        v.add(new Status(e.status() == EventStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (!e.links().isEmpty()) {
            try {
                v.add(new Url(java.net.URI.create(e.links().get(0).url())));
            } catch (IllegalArgumentException ex) {
                // a link that is not a URI stays in X-CCNSO-LINK only
            }
        }
        v.add(new XProperty("X-CCNSO-ID", e.id()));
        v.add(new XProperty("X-CCNSO-KIND", e.kind()));
        v.add(new XProperty("X-CCNSO-ZONE", e.zone().getId()));
        if (e.meetingCode() != null) {
            v.add(new XProperty("X-CCNSO-MEETING", e.meetingCode()));
        }
        v.add(new XProperty("X-CCNSO-ACCESS", e.access().label()));
        v.add(new XProperty("X-CCNSO-STATUS", e.status().label()));
        for (Link l : e.links()) {
            v.add(new XProperty("X-CCNSO-LINK", l.url() + " " + l.label()));
        }
        return v;
    }
}
