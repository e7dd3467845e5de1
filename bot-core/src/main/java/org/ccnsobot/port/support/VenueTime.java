package org.ccnsobot.port.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ccnsobot.port.Block;

/**
 * What the clocks in the meeting room say: {@code 10:30 AST, San Juan}, or {@code 10:30–12:00 AST, San Juan} with
 * an end. Core's text answers and every adapter's event cards spell the venue's time this one way.
 */
public final class VenueTime {
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** Zone short names by zone and daylight-saving state: the formatter's lookup is slow and never changes. */
    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

    private VenueTime() {
    }

    /**
     * {@code 10:30 AST, San Juan}; with {@code end}, {@code 10:30–12:00 AST, San Juan}. Without a {@code place}
     * (null or blank) the text ends with the zone.
     */
    public static String of(Instant start, Instant end, ZoneId zone, String place) {
        ZonedDateTime s = start.atZone(zone);
        StringBuilder sb = new StringBuilder(40);
        appendTime(sb, s);
        ZonedDateTime shown = s;
        if (end != null && !end.equals(start)) {
            shown = end.atZone(zone);
            appendTime(sb.append('–'), shown);
        }
        sb.append(' ').append(zoneName(shown));
        if (place != null && !place.isBlank()) {
            sb.append(", ").append(place.strip());
        }
        return sb.toString();
    }

    /**
     * The venue time of an event card, led by the venue's day when that is not the card's date (a session late in
     * the evening in one zone may be the next morning at the venue). Empty for date-only cards.
     */
    public static Optional<String> of(Block.EventCard card) {
        if (card.dateOnly()) {
            return Optional.empty();
        }
        String text = of(card.start(), card.end(), card.venueZone(), card.place());
        LocalDate startDay = card.start().atZone(card.venueZone()).toLocalDate();
        return Optional.of(startDay.equals(card.date()) ? text : DAY.format(startDay) + " " + text);
    }

    /** {@code 10:30 AST}: the time on the wall clock of a zone. */
    public static String clock(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return appendTime(new StringBuilder(12), z).append(' ').append(zoneName(z)).toString();
    }

    /** {@code 12:00}: the wall clock of a zone without the zone's name, for an end beside a start that has it. */
    public static String hoursAndMinutes(Instant t, ZoneId zone) {
        return appendTime(new StringBuilder(5), t.atZone(zone)).toString();
    }

    /** The short name of the zone at that moment: UTC, CET, AST; falls back to the offset ({@code UTC+05:30}). */
    public static String zoneName(ZonedDateTime z) {
        if (isUtc(z.getZone())) {
            return "UTC";
        }
        boolean dst = z.getZone().getRules().isDaylightSavings(z.toInstant());
        String key = z.getZone().getId() + (dst ? "|dst|" : "|std|") + z.getOffset().getId();
        return NAMES.computeIfAbsent(key, k -> {
            String name = ZONE.format(z);
            return name.startsWith("GMT") && name.length() > 3 ? "UTC" + name.substring(3) : name;
        });
    }

    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    private static StringBuilder appendTime(StringBuilder sb, ZonedDateTime z) {
        int h = z.getHour();
        int m = z.getMinute();
        return sb.append((char) ('0' + h / 10)).append((char) ('0' + h % 10)).append(':')
                .append((char) ('0' + m / 10)).append((char) ('0' + m % 10));
    }

    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /**
     * The days of a multi-day event: {@code 2–8 March 2024}, {@code 28 February – 3 March 2024},
     * {@code 30 December 2024 – 2 January 2025}: the core's text and the adapters' cards alike.
     */
    public static String days(LocalDate first, LocalDate last) {
        String month = MONTH_NAMES[last.getMonthValue() - 1];
        if (first.getYear() != last.getYear()) {
            return first.getDayOfMonth() + " " + MONTH_NAMES[first.getMonthValue() - 1] + " " + first.getYear()
                    + " – " + last.getDayOfMonth() + " " + month + " " + last.getYear();
        }
        if (first.getMonthValue() != last.getMonthValue()) {
            return first.getDayOfMonth() + " " + MONTH_NAMES[first.getMonthValue() - 1] + " – "
                    + last.getDayOfMonth() + " " + month + " " + last.getYear();
        }
        return first.getDayOfMonth() + "–" + last.getDayOfMonth() + " " + month + " " + last.getYear();
    }

    /**
     * As {@link #days(LocalDate, LocalDate)} in {@code locale}'s words and order: {@code 2–8 mars 2024},
     * {@code 28 février – 3 mars 2024}, {@code 2–8 de marzo de 2024}; English (and null) exactly as {@link #days}.
     */
    public static String days(LocalDate first, LocalDate last, Locale locale) {
        if (locale == null || locale.getLanguage().equals("en") || locale.getLanguage().isEmpty()) {
            return days(first, last);
        }
        boolean es = locale.getLanguage().equals("es");
        Locale l = Locale.forLanguageTag(locale.getLanguage());
        DateTimeFormatter full = DateTimeFormatter.ofPattern(es ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", l);
        if (first.getYear() != last.getYear()) {
            return full.format(first) + " – " + full.format(last);
        }
        if (first.getMonthValue() != last.getMonthValue()) {
            return DateTimeFormatter.ofPattern(es ? "d 'de' MMMM" : "d MMMM", l).format(first) + " – " + full.format(last);
        }
        return first.getDayOfMonth() + "–" + full.format(last);
    }

    /**
     * A day in full, for a card whose time is not announced yet: {@code Thursday 15 February 2024},
     * {@code jeudi 15 février 2024}, {@code jueves, 15 de febrero de 2024}.
     */
    public static String longDay(LocalDate day, Locale locale) {
        String lang = locale == null ? "en" : locale.getLanguage();
        String pattern = lang.equals("es") ? "EEEE, d 'de' MMMM 'de' yyyy" : "EEEE d MMMM yyyy";
        Locale l = lang.equals("en") || lang.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(lang);
        return DateTimeFormatter.ofPattern(pattern, l).format(day);
    }
}
