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

    /**
     * Per language: its abbreviated weekday names (Monday first) then month names, taken once from java.time's
     * formatter for the language ({@code EEE}, {@code MMM}), so every day is then written by hand as in English.
     */
    private static final ConcurrentHashMap<Language, String[][]> NAMES = new ConcurrentHashMap<>();
    /** Per language and amount: "dans 5 minutes", so a plural is formatted once, not per answer. */
    private static final ConcurrentHashMap<String, String> AMOUNTS = new ConcurrentHashMap<>();

    private static String[][] names(Language l) {
        return NAMES.computeIfAbsent(l, k -> {
            DateTimeFormatter dow = DateTimeFormatter.ofPattern("EEE", k.locale());
            DateTimeFormatter mon = DateTimeFormatter.ofPattern("MMM", k.locale());
            String[] days = new String[7];
            String[] months = new String[12];
            LocalDate monday = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 7; i++) {
                days[i] = dow.format(monday.plusDays(i));
            }
            for (int i = 0; i < 12; i++) {
                months[i] = mon.format(LocalDate.of(2024, i + 1, 1));
            }
            return new String[][] {days, months};
        });
    }

    private static boolean english(Locale locale) {
        return Language.of(locale) == Language.EN;
    }

    /** {@code EEE d MMM yyyy} in the language's words: the order every bundle language writes a day in. */
    private static StringBuilder appendDay(StringBuilder sb, LocalDate d, String[][] names) {
        return sb.append(names[0][d.getDayOfWeek().ordinal()]).append(' ').append(d.getDayOfMonth()).append(' ')
                .append(names[1][d.getMonthValue() - 1]).append(' ').append(d.getYear());
    }

    /** {@code jeu. 15 févr. 2024} in French; in English as {@link #day(LocalDate)}. */
    public static String day(LocalDate date, Locale locale) {
        return english(locale) ? day(date) : appendDay(new StringBuilder(20), date, names(Language.of(locale))).toString();
    }

    /** As {@link #instant(Instant, ZoneId)}, with the day and weekday in {@code locale}'s words. */
    public static String instant(Instant t, ZoneId viewer, Locale locale) {
        if (english(locale)) {
            return instant(t, viewer);
        }
        String[][] names = names(Language.of(locale));
        ZonedDateTime z = t.atZone(viewer);
        StringBuilder sb = new StringBuilder(56);
        appendTime(appendDay(sb, z.toLocalDate(), names).append(' '), z).append(' ').append(zoneName(z));
        if (isUtc(viewer)) {
            return sb.toString();
        }
        ZonedDateTime u = t.atZone(UTC);
        appendTime(sb.append(" ("), u).append(" UTC");
        if (!u.toLocalDate().equals(z.toLocalDate())) {
            sb.append(' ').append(names[0][u.getDayOfWeek().ordinal()]);
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
        Language lang = Language.of(locale);
        if (a.toMinutes() < 1) {
            return Messages.t(lang.locale(), future ? "time.startingNow" : "time.justStarted");
        }
        String unit;
        long n;
        if (a.toMinutes() < 90) {
            unit = "time.minutes";
            n = a.toMinutes();
        } else if (a.toHours() < 36) {
            unit = "time.hours";
            n = Math.round(a.toMinutes() / 60.0);
        } else {
            unit = "time.days";
            n = Math.round(a.toHours() / 24.0);
        }
        String tense = future ? "time.future" : "time.past";
        if (n >= 1000) {
            return Messages.t(lang.locale(), tense, Messages.t(lang.locale(), unit, n));
        }
        return AMOUNTS.computeIfAbsent(lang.code() + tense + unit + n,
                k -> Messages.t(lang.locale(), tense, Messages.t(lang.locale(), unit, n)));
    }

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

    /**
     * As {@link #days(LocalDate, LocalDate)} in {@code locale}'s words and order: {@code 2–8 mars 2024},
     * {@code 28 février – 3 mars 2024}, {@code 2–8 de marzo de 2024}; English exactly as {@link #days}.
     */
    public static String days(LocalDate first, LocalDate last, Locale locale) {
        if (english(locale)) {
            return days(first, last);
        }
        if (!last.isAfter(first)) {
            return day(first, locale);
        }
        Locale l = Language.of(locale).locale();
        boolean es = Language.of(locale) == Language.ES;
        java.time.format.DateTimeFormatter full = java.time.format.DateTimeFormatter.ofPattern(
                es ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", l);
        if (first.getYear() != last.getYear()) {
            return full.format(first) + " – " + full.format(last);
        }
        if (first.getMonthValue() != last.getMonthValue()) {
            return java.time.format.DateTimeFormatter.ofPattern(es ? "d 'de' MMMM" : "d MMMM", l).format(first)
                    + " – " + full.format(last);
        }
        return first.getDayOfMonth() + "–" + full.format(last);
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
