package org.ccnsobot.features.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ccnsobot.domain.Access;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.CommitteeUpdate;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.domain.Link;
import org.ccnsobot.domain.Meeting;

/**
 * Reads calendar files. A folder's files are read together (an event may name a committee from another file) and
 * validated as a whole: if any entry is wrong, nothing is returned, so a bad file never half-changes the store.
 */
public final class CalendarFiles {
    private static final ObjectMapper YAML = org.ccnsobot.config.YamlProblems.strictMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private CalendarFiles() {
    }

    /** Reads every {@code *.yaml} / {@code *.yml} file in {@code dir}, in name order. */
    public static CalendarData loadDirectory(Path dir) throws CalendarException {
        if (!Files.isDirectory(dir)) {
            throw new CalendarException(List.of(dir + ": no such calendar folder"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new CalendarException(List.of(dir + ": cannot be listed (" + e.getMessage() + ")"));
        }
        return load(files);
    }

    /** Reads and validates the given files as one calendar. */
    public static CalendarData load(List<Path> files) throws CalendarException {
        List<String> problems = new ArrayList<>();
        Map<Path, RawCalendar> raw = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            try {
                RawCalendar r = YAML.readValue(Files.readString(f), RawCalendar.class);
                raw.put(f, r == null ? new RawCalendar(null, null, null, null, null) : r);
            } catch (JsonProcessingException e) {
                problems.add(f + ": " + problem(e));
            } catch (IOException e) {
                problems.add(f + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarException(problems);
        }
        return validate(raw, problems);
    }

    /** A file's YAML or mapping problem on one line, naming the line (and the key or entry when known). */
    private static String problem(JsonProcessingException e) {
        String yaml = org.ccnsobot.config.YamlProblems.describe(e);
        if (yaml != null) {
            return yaml;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return where(u) + "unknown key '" + u.getPropertyName() + "'";
        }
        if (e instanceof JsonMappingException m) {
            return where(m) + m.getOriginalMessage();
        }
        String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
        return line + "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return sb.isEmpty() ? "" : sb + line + ": ";
    }

    private static CalendarData validate(Map<Path, RawCalendar> raw, List<String> problems) throws CalendarException {
        List<Committee> committees = new ArrayList<>();
        Map<String, Meeting> meetings = new java.util.LinkedHashMap<>();
        Set<String> committeeIds = new HashSet<>();
        for (Map.Entry<Path, RawCalendar> f : raw.entrySet()) {
            for (RawCommittee c : f.getValue().committees()) {
                String where = f.getKey() + ": committee " + (c.acronym() == null ? "(no acronym)" : c.acronym()) + ": ";
                if (blank(c.acronym()) || c.name() == null || blank(c.name().en())) {
                    problems.add(where + "acronym and name are required");
                    continue;
                }
                if (!committeeIds.add(c.acronym().toLowerCase(Locale.ROOT))) {
                    problems.add(where + "defined twice");
                    continue;
                }
                committees.add(new Committee(c.acronym(), c.name().en(), RawText.english(c.description()), c.link(),
                        c.aliases(), RawText.translations(c.name()), RawText.translations(c.description())));
            }
            for (RawMeeting m : f.getValue().meetings()) {
                String where = f.getKey() + ": meeting " + (m.code() == null ? "(no code)" : m.code()) + ": ";
                try {
                    if (blank(m.code()) || blank(m.name())) {
                        throw new IllegalArgumentException("code and name are required");
                    }
                    ZoneId zone = zone(m.zone());
                    LocalDate first = date(m.firstDay(), "firstDay");
                    LocalDate last = date(m.lastDay(), "lastDay");
                    if (last.isBefore(first)) {
                        throw new IllegalArgumentException("lastDay " + last + " is before firstDay " + first);
                    }
                    if (meetings.containsKey(m.code())) {
                        throw new IllegalArgumentException("defined twice");
                    }
                    meetings.put(m.code(), new Meeting(m.code(), m.name(), m.city(), m.country(), m.venue(), zone, first,
                            last, m.host(), links(m.links())));
                } catch (IllegalArgumentException e) {
                    problems.add(where + e.getMessage());
                }
            }
        }
        List<Event> events = new ArrayList<>();
        Map<String, List<java.time.Duration>> reminderOffsets = new java.util.LinkedHashMap<>();
        List<CommitteeUpdate> updates = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        Map<String, String> canonical = new HashMap<>();
        for (Committee c : committees) {
            canonical.put(c.acronym().toLowerCase(Locale.ROOT), c.acronym());
        }
        for (Map.Entry<Path, RawCalendar> f : raw.entrySet()) {
            for (RawEvent e : f.getValue().events()) {
                String where = f.getKey() + ": event " + (e.id() == null ? "'" + RawText.english(e.title()) + "'" : e.id()) + ": ";
                try {
                    Event event = event(e, meetings, canonical);
                    if (!eventIds.add(event.id())) {
                        throw new IllegalArgumentException("the id is used twice");
                    }
                    if (e.reminders() != null) {
                        reminderOffsets.put(event.id(), reminderOffsets(e.reminders()));
                    }
                    events.add(event);
                } catch (IllegalArgumentException | DateTimeException ex) {
                    problems.add(where + ex.getMessage());
                }
            }
            for (int i = 0; i < f.getValue().updates().size(); i++) {
                RawUpdate u = f.getValue().updates().get(i);
                String where = f.getKey() + ": update " + (i + 1) + (u.committee() == null ? "" : " (" + u.committee() + ")")
                        + ": ";
                try {
                    String acr = committee(u.committee(), canonical);
                    LocalDate day = date(u.date(), "date");
                    if (blank(u.text())) {
                        throw new IllegalArgumentException("text is required");
                    }
                    updates.add(new CommitteeUpdate(0, acr, day.atStartOfDay(ZoneId.of("UTC")).toInstant(),
                            u.author(), u.text().strip()));
                } catch (IllegalArgumentException ex) {
                    problems.add(where + ex.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarException(problems);
        }
        return new CalendarData(committees, List.copyOf(meetings.values()), events, updates, reminderOffsets);
    }

    /** An event's own reminder offsets: the same rules as the config's (positive, at most 30 days). */
    private static List<java.time.Duration> reminderOffsets(List<String> raw) {
        List<java.time.Duration> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = "reminders[" + i + "]";
            java.time.Duration d;
            try {
                d = org.ccnsobot.config.Durations.parse(raw.get(i));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": " + ex.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + ": a reminder offset must be positive, not " + raw.get(i));
            }
            if (d.compareTo(java.time.Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException(key + ": a reminder offset must be at most 30 days, not " + raw.get(i));
            }
            out.add(d);
        }
        return out;
    }

    private static Event event(RawEvent e, Map<String, Meeting> meetings, Map<String, String> committees) {
        if (blank(e.id())) {
            throw new IllegalArgumentException("id is required");
        }
        if (!e.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and dashes");
        }
        if (blank(RawText.english(e.title()))) {
            throw new IllegalArgumentException("title is required");
        }
        Meeting meeting = null;
        if (e.meeting() != null) {
            meeting = meetings.get(e.meeting());
            if (meeting == null) {
                throw new IllegalArgumentException("unknown meeting '" + e.meeting() + "'");
            }
        }
        ZoneId zone = e.zone() != null ? zone(e.zone()) : meeting != null ? meeting.zone() : null;
        if (zone == null) {
            throw new IllegalArgumentException("zone is required for an event outside a meeting (the zone its time was announced in)");
        }
        LocalDate day = date(e.date(), "date");
        if (e.weekday() != null) {
            DayOfWeek expected = weekday(e.weekday());
            if (day.getDayOfWeek() != expected) {
                throw new IllegalArgumentException("the date " + day + " is a "
                        + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", not a "
                        + expected.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
        }
        if (meeting != null && !meeting.includes(day)) {
            throw new IllegalArgumentException("the date " + day + " is outside " + meeting.code() + " ("
                    + meeting.firstDay() + " to " + meeting.lastDay() + ")");
        }
        Instant start = null;
        Instant end = null;
        if (e.start() != null) {
            start = instant(day, time(e.start(), "start"), zone);
            if (e.end() != null) {
                LocalTime endTime = time(e.end(), "end");
                end = instant(day, endTime, zone);
                if (end.isBefore(start)) {
                    throw new IllegalArgumentException("it ends (" + e.end() + ") before it starts (" + e.start() + ")");
                }
            }
        } else if (e.end() != null) {
            throw new IllegalArgumentException("an end is given without a start");
        }
        List<String> acronyms = new ArrayList<>();
        for (String c : e.committees()) {
            acronyms.add(committee(c, committees));
        }
        Access access = Access.OPEN;
        if (e.access() != null) {
            access = switch (e.access().toLowerCase(Locale.ROOT)) {
                case "open" -> Access.OPEN;
                case "closed" -> Access.CLOSED;
                default -> throw new IllegalArgumentException("access must be open or closed, not '" + e.access() + "'");
            };
        }
        return new Event(e.id(), e.title().en().strip(), e.kind() == null ? "session" : e.kind(), e.meeting(), start, end, day,
                zone, e.room(), access, e.description() == null ? null : e.description().strip(), acronyms,
                links(e.links()), EventStatus.SCHEDULED, "calendar", null, 0, null, RawText.translations(e.title()));
    }

    private static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
        ZonedDateTime z = ZonedDateTime.of(day, time, zone);
        if (!z.toLocalTime().equals(time)) {
            throw new IllegalArgumentException(time + " does not exist on " + day + " in " + zone + " (clocks change)");
        }
        return z.toInstant();
    }

    private static String committee(String name, Map<String, String> committees) {
        if (blank(name)) {
            throw new IllegalArgumentException("committee is required");
        }
        String acr = committees.get(name.toLowerCase(Locale.ROOT));
        if (acr == null) {
            throw new IllegalArgumentException("unknown committee '" + name + "'");
        }
        return acr;
    }

    private static ZoneId zone(String text) {
        if (blank(text)) {
            throw new IllegalArgumentException("zone is required");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "' (use an IANA name like America/Puerto_Rico)");
        }
    }

    private static LocalDate date(String text, String key) {
        if (blank(text)) {
            throw new IllegalArgumentException(key + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static LocalTime time(String text, String key) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a time of day (HH:MM)");
        }
    }

    private static DayOfWeek weekday(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("weekday '" + text + "' is not a day of the week");
    }

    private static List<Link> links(List<RawLink> raw) {
        List<Link> out = new ArrayList<>();
        for (RawLink l : raw) {
            if (blank(l.url()) || !(l.url().startsWith("https://") || l.url().startsWith("http://"))) {
                throw new IllegalArgumentException("link '" + l.url() + "' is not an http(s) address");
            }
            out.add(new Link(l.label(), l.url()));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record RawCalendar(List<RawCommittee> committees, List<RawMeeting> meetings, List<RawEvent> events,
                       List<RawUpdate> updates, String notes) {
        RawCalendar {
            committees = committees == null ? List.of() : committees;
            meetings = meetings == null ? List.of() : meetings;
            events = events == null ? List.of() : events;
            updates = updates == null ? List.of() : updates;
        }
    }

    record RawCommittee(String acronym, RawText name, List<String> aliases, RawText description, String link,
                        String status) {
    }

    record RawMeeting(String code, String name, String city, String country, String venue, String zone, String firstDay,
                      String lastDay, String host, List<RawLink> links) {
        RawMeeting {
            links = links == null ? List.of() : links;
        }
    }

    record RawEvent(String id, RawText title, String kind, String meeting, String date, String weekday, String start,
                    String end, String zone, String room, String access, List<String> committees, String description,
                    List<RawLink> links, String note, List<String> reminders) {
        RawEvent {
            committees = committees == null ? List.of() : committees;
            links = links == null ? List.of() : links;
        }
    }

    record RawUpdate(String committee, String date, String author, String text) {
    }

    record RawLink(String label, String url) {
    }
}
