package org.ccnsobot.features.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccnsobot.config.FeedsConfig;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.i18n.Bidi;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.support.VenueTime;

/** Events as text lines and as rich cards. */
public final class EventMessages {
    private final Map<String, Meeting> source;
    private final Map<String, Meeting> meetings;
    /** The feed server the cards point to for "Add to calendar", or null when none is configured. */
    private final FeedsConfig feeds;

    public EventMessages(Map<String, Meeting> meetings) {
        this(meetings, null);
    }

    /** Cards that carry each event's own feed address on {@code feeds} (null: none). */
    public EventMessages(Map<String, Meeting> meetings, FeedsConfig feeds) {
        this.source = meetings;
        this.meetings = Map.copyOf(meetings);
        this.feeds = feeds;
    }

    /** The map this was built from, so a holder can tell when to rebuild. */
    public Map<String, Meeting> source() {
        return source;
    }

    public Meeting meetingOf(Event e) {
        return e.meetingCode() == null ? null : meetings.get(e.meetingCode());
    }

    /**
     * When an event is, for the reader: {@code Thu 15 Feb 2024 18:00 UTC}, plus the venue's local time for sessions
     * of a meeting ({@code · 10:30 AST, San Juan}); date-only events say the time is not announced yet, and those
     * over several days name their days ({@code 2–8 March 2024 (all day)}).
     */
    public String when(Event e, ZoneId viewer) {
        return when(e, viewer, Locale.ENGLISH);
    }

    /** As {@link #when(Event, ZoneId)}, in {@code locale}'s words; times isolated in a right-to-left language. */
    public String when(Event e, ZoneId viewer, Locale locale) {
        Meeting m = meetingOf(e);
        String place = m != null && m.city() != null ? m.city() : null;
        if (e.multiDay()) {
            return Messages.t(locale, "event.allDay", TimeFormat.days(e.date(), e.lastDay(), locale))
                    + (place == null ? "" : " · " + place);
        }
        if (e.dateOnly()) {
            return Messages.t(locale, "event.dateOnly", Bidi.isolate(TimeFormat.day(e.date(), locale), locale))
                    + (place == null ? "" : " · " + Bidi.isolate(place, locale));
        }
        String at = Bidi.isolate(TimeFormat.instant(e.start(), viewer, locale), locale);
        if (e.end() != null && !e.end().equals(e.start())) {
            at = Messages.t(locale, "event.until", at, Bidi.isolate(TimeFormat.wallClock(e.end(), viewer), locale));
        }
        if (m != null) {
            return at + " · " + Bidi.isolate(VenueTime.of(e.start(), null, m.zone(), place), locale);
        }
        return at;
    }

    /** One line of a list: {@code Thu 15 Feb 2024 18:00 UTC — ccNSO Council meeting 202 [council-202]}. */
    public String line(Event e, ZoneId viewer) {
        return line(e, viewer, Locale.ENGLISH);
    }

    public String line(Event e, ZoneId viewer, Locale locale) {
        return Messages.t(locale, e.status() == EventStatus.CANCELLED ? "event.line.cancelled" : "event.line",
                when(e, viewer, locale), Bidi.isolate(e.title(locale), locale), Bidi.isolate(e.id(), locale));
    }

    /** The whole event, as text. */
    public String details(Event e, ZoneId viewer, Instant now) {
        return details(e, viewer, now, Locale.ENGLISH);
    }

    public String details(Event e, ZoneId viewer, Instant now, Locale locale) {
        List<String> lines = new ArrayList<>();
        String title = Bidi.isolate(e.title(locale), locale);
        lines.add(e.status() == EventStatus.SCHEDULED ? title : Messages.t(locale, "event.title.status", title,
                status(e.status(), locale).toUpperCase(locale)));
        String rel = e.dateOnly() ? "" : " (" + TimeFormat.relative(e.start(), now, locale) + ")";
        lines.add(Messages.t(locale, "event.when", when(e, viewer, locale) + rel));
        Meeting m = meetingOf(e);
        List<String> where = new ArrayList<>();
        if (e.room() != null) {
            where.add(Bidi.isolate(e.room(), locale));
        }
        if (m != null) {
            where.add(Bidi.isolate(m.code() + (m.venue() != null ? ", " + m.venue() : "")
                    + (m.city() != null ? ", " + m.city() : ""), locale));
        }
        if (!where.isEmpty()) {
            lines.add(Messages.t(locale, "event.where", String.join(" · ", where)));
        }
        String access = Messages.t(locale, "access." + e.access().name().toLowerCase(Locale.ROOT));
        lines.add(e.committees().isEmpty() ? Messages.t(locale, "event.access", access)
                : Messages.t(locale, "event.access.committees", access,
                        Bidi.isolate(String.join(", ", e.committees()), locale)));
        if (e.description() != null) {
            lines.add(e.description());
        }
        for (Link l : e.links()) {
            lines.add(l.label() + ": " + l.url());
        }
        lines.add(Messages.t(locale, "event.id", Bidi.isolate(e.id(), locale)));
        return String.join("\n", lines);
    }

    /** An event's state in {@code locale}'s words ("cancelled", "annulé"). */
    public static String status(EventStatus status, Locale locale) {
        return Messages.t(locale, "status." + status.name().toLowerCase(Locale.ROOT));
    }

    /** The card with the English (or imported) title: for what is shown to no one reader, like a guild's mirror. */
    public Block.EventCard card(Event e) {
        return card(e, null);
    }

    /** The card with the title in the reader's language, else English. */
    public Block.EventCard card(Event e, Locale locale) {
        Meeting m = meetingOf(e);
        List<Block.Link> links = new ArrayList<>();
        for (Link l : e.links()) {
            links.add(new Block.Link(l.label(), l.url()));
        }
        return new Block.EventCard(e.id(), e.title(locale), e.start(), e.end(), e.date(), m != null ? m.zone() : e.zone(),
                m != null ? m.city() : null, e.room(), e.access().label(), e.committees(), e.status().label(),
                e.description(), links, e.lastDay(),
                feeds == null ? null : feeds.eventUrl(e.id()));
    }
}
