package org.ccnsobot.kernel;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a day as people write it: 2024-03-05, 5 March, March 5 2024, today, tomorrow, tuesday. */
public final class Dates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]{3,9})(?:\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]{3,9})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?");

    private Dates() {
    }

    /** The day named by the whole of {@code text}, or empty when it is not a day. */
    public static Optional<LocalDate> parse(String text, LocalDate today) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(",", " ").replaceAll("\\s+", " ");
        Found f = find(t, today);
        if (f != null && f.start == 0 && f.end == t.length()) {
            return Optional.of(f.date);
        }
        return Optional.empty();
    }

    /** A day mentioned somewhere in normalised words, with where it was, or null. */
    public static Found find(String normalized, LocalDate today) {
        Matcher m = ISO.matcher(normalized);
        if (m.find()) {
            try {
                return new Found(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), m.start(), m.end());
            } catch (DateTimeException e) {
                return null;
            }
        }
        m = DAY_MONTH.matcher(normalized);
        while (m.find()) {
            Found f = dayMonth(m.group(1), m.group(2), m.group(3), today, m.start(), m.end());
            if (f != null) {
                return f;
            }
        }
        m = MONTH_DAY.matcher(normalized);
        while (m.find()) {
            Found f = dayMonth(m.group(2), m.group(1), m.group(3), today, m.start(), m.end());
            if (f != null) {
                return f;
            }
        }
        List<String> words = List.of(normalized.split(" "));
        int pos = 0;
        for (String w : words) {
            LocalDate d = switch (w) {
                case "today", "tonight" -> today;
                case "tomorrow", "tmrw" -> today.plusDays(1);
                case "yesterday" -> today.minusDays(1);
                default -> {
                    DayOfWeek dow = weekday(w);
                    yield dow == null ? null : nextOrSame(today, dow);
                }
            };
            if (d != null) {
                return new Found(d, pos, pos + w.length());
            }
            pos += w.length() + 1;
        }
        return null;
    }

    private static LocalDate nextOrSame(LocalDate today, DayOfWeek dow) {
        int diff = (dow.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return today.plusDays(diff);
    }

    private static Found dayMonth(String day, String monthName, String year, LocalDate today, int start, int end) {
        Month month = month(monthName);
        if (month == null) {
            return null;
        }
        try {
            int d = Integer.parseInt(day);
            if (year != null) {
                return new Found(LocalDate.of(Integer.parseInt(year), month, d), start, end);
            }
            // No year: the nearest such day to today, so "5 March" in February means the coming one.
            LocalDate candidate = LocalDate.of(today.getYear(), month, d);
            if (candidate.isBefore(today.minusMonths(6))) {
                candidate = candidate.plusYears(1);
            } else if (candidate.isAfter(today.plusMonths(6))) {
                candidate = candidate.minusYears(1);
            }
            return new Found(candidate, start, end);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static Month month(String name) {
        if (name.length() < 3) {
            return null;
        }
        for (Month m : Month.values()) {
            String full = m.name().toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.substring(0, 3).equals(name) || name.equals("sept") && m == Month.SEPTEMBER) {
                return m;
            }
        }
        return null;
    }

    static DayOfWeek weekday(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.substring(0, 3).equals(name) && name.length() == 3) {
                return d;
            }
        }
        return switch (name) {
            case "tues" -> DayOfWeek.TUESDAY;
            case "weds" -> DayOfWeek.WEDNESDAY;
            case "thur", "thurs" -> DayOfWeek.THURSDAY;
            default -> null;
        };
    }

    /** A day found in text, with its character span. */
    public record Found(LocalDate date, int start, int end) {
    }
}
