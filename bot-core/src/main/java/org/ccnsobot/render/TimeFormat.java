package org.ccnsobot.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them: {@code Thu 15 Feb 2024 18:00 UTC}, in the reader's zone, with the venue's beside. */
public final class TimeFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private TimeFormat() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** {@code Thu 15 Feb 2024 18:00 UTC}, or {@code Thu 15 Feb 2024 19:00 CET (18:00 UTC)} for a reader elsewhere. */
    public static String instant(Instant t, ZoneId viewer) {
        ZonedDateTime z = t.atZone(viewer);
        String local = DAY.format(z) + " " + HM.format(z) + " " + zoneName(z);
        if (isUtc(viewer)) {
            return local;
        }
        return local + " (" + HM.format(t.atZone(UTC)) + " UTC" + dayShift(z, t.atZone(UTC)) + ")";
    }

    /** {@code 10:30 AST}: the time on the wall clock of a zone. */
    public static String wallClock(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return HM.format(z) + " " + zoneName(z);
    }

    /** The short name of the zone at that moment: UTC, CET, AST; falls back to the offset. */
    public static String zoneName(ZonedDateTime z) {
        if (isUtc(z.getZone())) {
            return "UTC";
        }
        String name = ZONE.format(z);
        if (name.startsWith("GMT") && name.length() > 3) {
            return "UTC" + name.substring(3);
        }
        return name;
    }

    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    private static String dayShift(ZonedDateTime local, ZonedDateTime utc) {
        int diff = utc.toLocalDate().compareTo(local.toLocalDate());
        if (diff == 0) {
            return "";
        }
        return " " + DAY.format(utc).substring(0, 3);
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
