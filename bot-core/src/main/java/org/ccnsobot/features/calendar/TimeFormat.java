package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ccnsobot.port.support.VenueTime;

/** Times as people read them: {@code Thu 15 Feb 2024 18:00 UTC}, in the reader's zone, with the venue's beside. */
public final class TimeFormat {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private TimeFormat() {
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** {@code Thu 15 Feb 2024}; written by hand because lists format many of these per answer. */
    public static String day(LocalDate date) {
        return appendDay(new StringBuilder(16), date).toString();
    }

    /**
     * The days of a multi-day event: {@code 2–8 March 2024}, {@code 28 February – 3 March 2024},
     * {@code 30 December 2024 – 2 January 2025}; one day as {@link #day}.
     */
    public static String days(LocalDate first, LocalDate last) {
        return last.isAfter(first) ? VenueTime.days(first, last) : day(first);
    }

    private static StringBuilder appendDay(StringBuilder sb, LocalDate d) {
        return sb.append(DAYS[d.getDayOfWeek().ordinal()]).append(' ').append(d.getDayOfMonth()).append(' ')
                .append(MONTHS[d.getMonthValue() - 1]).append(' ').append(d.getYear());
    }

    private static StringBuilder appendTime(StringBuilder sb, ZonedDateTime z) {
        int h = z.getHour();
        int m = z.getMinute();
        return sb.append((char) ('0' + h / 10)).append((char) ('0' + h % 10)).append(':')
                .append((char) ('0' + m / 10)).append((char) ('0' + m % 10));
    }

    /** {@code Thu 15 Feb 2024 18:00 UTC}, or {@code Thu 15 Feb 2024 19:00 CET (18:00 UTC)} for a reader elsewhere. */
    public static String instant(Instant t, ZoneId viewer) {
        ZonedDateTime z = t.atZone(viewer);
        StringBuilder sb = new StringBuilder(48);
        appendTime(appendDay(sb, z.toLocalDate()).append(' '), z).append(' ').append(zoneName(z));
        if (isUtc(viewer)) {
            return sb.toString();
        }
        ZonedDateTime u = t.atZone(UTC);
        appendTime(sb.append(" ("), u).append(" UTC").append(dayShift(z, u)).append(')');
        return sb.toString();
    }

    /** {@code 10:30 AST}: the time on the wall clock of a zone (the port's {@link VenueTime#clock}). */
    public static String wallClock(Instant t, ZoneId zone) {
        return VenueTime.clock(t, zone);
    }

    /** The short name of the zone at that moment: UTC, CET, AST; falls back to the offset. */
    public static String zoneName(ZonedDateTime z) {
        return VenueTime.zoneName(z);
    }

    public static boolean isUtc(ZoneId zone) {
        return VenueTime.isUtc(zone);
    }

    private static String dayShift(ZonedDateTime local, ZonedDateTime utc) {
        int diff = utc.toLocalDate().compareTo(local.toLocalDate());
        if (diff == 0) {
            return "";
        }
        return " " + DAYS[utc.getDayOfWeek().ordinal()];
    }

    /** {@code in 5 days}, {@code in 40 minutes}, {@code started 2 hours ago}. */
    public static String relative(Instant t, Instant now) {
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        Duration a = d.abs();
        String amount;
        if (a.toMinutes() < 1) {
            return future ? "starting now" : "just started";
        } else if (a.toMinutes() < 90) {
            long m = a.toMinutes();
            amount = m + (m == 1 ? " minute" : " minutes");
        } else if (a.toHours() < 36) {
            long h = Math.round(a.toMinutes() / 60.0);
            amount = h + (h == 1 ? " hour" : " hours");
        } else {
            long days = Math.round(a.toHours() / 24.0);
            amount = days + (days == 1 ? " day" : " days");
        }
        return future ? "in " + amount : amount + " ago";
    }
}
