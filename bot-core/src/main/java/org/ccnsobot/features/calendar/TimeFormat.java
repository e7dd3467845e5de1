package org.ccnsobot.features.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.ccnsobot.i18n.Language;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.port.support.VenueTime;

/**
 * Times as people read them: {@code Thu 15 Feb 2024 18:00 UTC}, in the reader's zone, with the venue's beside. In
 * another language the day and month are that language's own abbreviations ({@code jeu. 15 févr. 2024 19:00 CET
 * (18:00 UTC)}, {@code jue 15 feb 2024}); English keeps its hand-written fast path. Zone abbreviations stay as
 * they are everywhere (CET, AST, UTC): members compare them across languages.
 */
public final class TimeFormat {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private TimeFormat() {
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** Per language: the day as {@code EEE d MMM yyyy} and the weekday alone, with that language's names. */
    private static final ConcurrentHashMap<Language, DateTimeFormatter[]> FORMATS = new ConcurrentHashMap<>();

    private static DateTimeFormatter[] formats(Language l) {
        return FORMATS.computeIfAbsent(l, k -> new DateTimeFormatter[] {
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", k.locale()), DateTimeFormatter.ofPattern("EEE", k.locale())});
    }

    private static boolean english(Locale locale) {
        return Language.of(locale) == Language.EN;
    }

    /** {@code jeu. 15 févr. 2024} in French; in English as {@link #day(LocalDate)}. */
    public static String day(LocalDate date, Locale locale) {
        return english(locale) ? day(date) : formats(Language.of(locale))[0].format(date);
    }

    /** As {@link #instant(Instant, ZoneId)}, with the day and weekday in {@code locale}'s words. */
    public static String instant(Instant t, ZoneId viewer, Locale locale) {
        if (english(locale)) {
            return instant(t, viewer);
        }
        DateTimeFormatter[] f = formats(Language.of(locale));
        ZonedDateTime z = t.atZone(viewer);
        StringBuilder sb = new StringBuilder(56).append(f[0].format(z)).append(' ');
        appendTime(sb, z).append(' ').append(zoneName(z));
        if (isUtc(viewer)) {
            return sb.toString();
        }
        ZonedDateTime u = t.atZone(UTC);
        appendTime(sb.append(" ("), u).append(" UTC");
        if (!u.toLocalDate().equals(z.toLocalDate())) {
            sb.append(' ').append(f[1].format(u));
        }
        return sb.append(')').toString();
    }

    /** As {@link #relative(Instant, Instant)}, in {@code locale}'s words and plural rules (the bundles). */
    public static String relative(Instant t, Instant now, Locale locale) {
        if (english(locale)) {
            return relative(t, now);
        }
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        Duration a = d.abs();
        Messages m = Messages.get();
        String amount;
        if (a.toMinutes() < 1) {
            return m.text(locale, future ? "time.startingNow" : "time.justStarted");
        } else if (a.toMinutes() < 90) {
            amount = m.text(locale, "time.minutes", a.toMinutes());
        } else if (a.toHours() < 36) {
            amount = m.text(locale, "time.hours", Math.round(a.toMinutes() / 60.0));
        } else {
            amount = m.text(locale, "time.days", Math.round(a.toHours() / 24.0));
        }
        return m.text(locale, future ? "time.future" : "time.past", amount);
    }

    /** {@code Thu 15 Feb 2024}; written by hand because lists format many of these per answer. */
    public static String day(LocalDate date) {
        return appendDay(new StringBuilder(16), date).toString();
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
