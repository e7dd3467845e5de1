package org.ccnsobot.features.questions;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.kernel.Text;

/**
 * Days and ranges in folded words: today, tomorrow, weekdays (inside a named meeting when there is one), "5 March",
 * "March 5th 2024", "2024-03-05", "2-7 March", "from 3 to 5 March", months ("in April"), "this week", "next week",
 * "this month", "in 3 days", "the next 10 days", "the first day of ICANN79". Marks the words it used.
 */
final class TimeWords {
    private static final String[] MONTHS = java.util.Arrays.stream(Month.values())
            .map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final String[] WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;
    private static final Question.Said YEARS = Question.Said.of("I read years from " + MIN_YEAR + " to " + MAX_YEAR
            + " only.", "q.problem.years", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
    private static final Question.Said BACKWARDS = Question.Said.of("That range ends before it starts.",
            "q.problem.backwards");

    private TimeWords() {
    }

    /** A span found, or a problem (an impossible date), and which words it took. */
    record Found(Question.Span span, Question.Said problem, boolean weekday) {
        Found(Question.Span span, Question.Said problem) {
            this(span, problem, false);
        }
    }

    static Found find(List<String> w, boolean[] used, LocalDate today, Meeting meeting) {
        for (int i = 0; i < w.size(); i++) {
            if (used[i]) {
                continue;
            }
            Found f = at(w, used, i, today, meeting);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Found at(List<String> w, boolean[] used, int i, LocalDate today, Meeting meeting) {
        String t = w.get(i);
        // 2024-03-05 (folded to three words)
        if (t.length() == 4 && digits(t) && i + 2 < w.size() && digits(w.get(i + 1)) && digits(w.get(i + 2))
                && w.get(i + 1).length() <= 2 && w.get(i + 2).length() <= 2) {
            mark(used, i, i + 3);
            return date(Integer.parseInt(t), Integer.parseInt(w.get(i + 1)), Integer.parseInt(w.get(i + 2)),
                    t + "-" + w.get(i + 1) + "-" + w.get(i + 2));
        }
        Integer day = dayNumber(t);
        String bare = t.length() > 2 && (t.endsWith("st") || t.endsWith("nd") || t.endsWith("rd") || t.endsWith("th"))
                ? t.substring(0, t.length() - 2) : t;
        if (day == null && digits(bare) && bare.length() <= 3) {
            int j = i + 1 < w.size() && w.get(i + 1).equals("of") ? i + 2 : i + 1;
            Month m = j < w.size() ? month(w.get(j)) : null;
            if (m != null) {
                return new Found(null, notADate(bare, m, null));
            }
        }
        if (day != null) {
            // D [of] MONTH [YEAR], D-D MONTH, D to D MONTH
            int j = i + 1;
            Integer day2 = null;
            int k = j;
            if (k < w.size() && (w.get(k).equals("to") || w.get(k).equals("and") || w.get(k).equals("until")
                    || w.get(k).equals("till"))) {
                k++;
            }
            if (k < w.size() && dayNumber(w.get(k)) != null && k + 1 < w.size() && month(w.get(k + 1)) != null) {
                day2 = dayNumber(w.get(k));
                j = k + 1;
            }
            if (j < w.size() && w.get(j).equals("of")) {
                j++;
            }
            Month m = j < w.size() ? month(w.get(j)) : null;
            if (m != null) {
                int end = j + 1;
                Integer year = end < w.size() ? year(w.get(end)) : null;
                if (year != null) {
                    end++;
                } else if (end < w.size() && digits(w.get(end)) && w.get(end).length() >= 3) {
                    return new Found(null, YEARS);
                }
                mark(used, i > 0 && isFrom(w.get(i - 1)) ? i - 1 : i, end);
                if (day2 != null) {
                    return range(day, day2, m, year, today);
                }
                Found one = dayOf(day, m, year, today);
                // "1 february to 31 march", "from 3 march until 5 march"
                if (one.span() != null && end + 2 < w.size() && Set.of("to", "and", "until", "till", "through")
                        .contains(w.get(end)) && dayNumber(w.get(end + 1)) != null && month(w.get(end + 2)) != null) {
                    int e2 = end + 3;
                    Integer y2 = e2 < w.size() ? year(w.get(e2)) : null;
                    Found two = dayOf(dayNumber(w.get(end + 1)), month(w.get(end + 2)), y2 != null ? y2 : year, today);
                    if (two.span() == null) {
                        return two;
                    }
                    mark(used, end, y2 != null ? e2 + 1 : e2);
                    LocalDate from = one.span().from();
                    LocalDate to = two.span().from();
                    if (to.isBefore(from)) {
                        return new Found(null, BACKWARDS);
                    }
                    return new Found(new Question.Span(from, to.plusDays(1), TimeFormat.day(from) + " to "
                            + TimeFormat.day(to)), null);
                }
                return one;
            }
        }
        Month m = month(t);
        if (m != null) {
            int j = i + 1;
            Integer d = j < w.size() ? dayNumber(w.get(j)) : null;
            if (d != null && !(j + 1 < w.size() && w.get(j + 1).equals("days"))) {
                int end = j + 1;
                Integer d2 = null;
                if (end + 1 < w.size() && (w.get(end).equals("to") || w.get(end).equals("and"))
                        && dayNumber(w.get(end + 1)) != null) {
                    d2 = dayNumber(w.get(end + 1));
                    end += 2;
                } else if (end < w.size() && dayNumber(w.get(end)) != null && year(w.get(end)) == null) {
                    d2 = dayNumber(w.get(end));
                    end++;
                }
                Integer year = end < w.size() ? year(w.get(end)) : null;
                if (year != null) {
                    end++;
                }
                mark(used, i, end);
                return d2 != null ? range(d, d2, m, year, today) : dayOf(d, m, year, today);
            }
            if (t.length() < 3 || t.equals("may") && !(i > 0 && (w.get(i - 1).equals("in") || w.get(i - 1).equals("of")))
                    && !(i + 1 < w.size() && year(w.get(i + 1)) != null)) {
                return null; // "may" is mostly a verb
            }
            Integer year = j < w.size() ? year(w.get(j)) : null;
            mark(used, i, year != null ? j + 1 : j);
            return month(m, year, today);
        }
        switch (t) {
            case "today", "tonight", "now" -> {
                used[i] = true;
                return day(today, Question.Said.of("today, " + TimeFormat.day(today), "q.said.today", today));
            }
            case "tomorrow", "tmrw", "tomorow", "tommorow" -> {
                used[i] = true;
                LocalDate d = today.plusDays(1);
                return day(d, Question.Said.of("tomorrow, " + TimeFormat.day(d), "q.said.tomorrow", d));
            }
            case "yesterday" -> {
                used[i] = true;
                LocalDate d = today.minusDays(1);
                return day(d, Question.Said.of("yesterday, " + TimeFormat.day(d), "q.said.yesterday", d));
            }
            case "year" -> {
                if (i + 1 < w.size() && digits(w.get(i + 1))) {
                    mark(used, i, i + 2);
                    Integer y = year(w.get(i + 1));
                    if (y == null) {
                        return new Found(null, YEARS);
                    }
                    return new Found(new Question.Span(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1),
                            String.valueOf(y)), null);
                }
                return null;
            }
            case "week", "weeks", "month", "weekend" -> {
                return period(w, used, i, today);
            }
            case "days" -> {
                return days(w, used, i, today);
            }
            default -> {
                // falls through to weekdays and meeting days
            }
        }
        DayOfWeek dow = weekday(t);
        if (dow != null) {
            used[i] = true;
            boolean next = i > 0 && w.get(i - 1).equals("next");
            if (next) {
                used[i - 1] = true;
            }
            if (meeting != null) {
                for (LocalDate d = meeting.firstDay(); !d.isAfter(meeting.lastDay()); d = d.plusDays(1)) {
                    if (d.getDayOfWeek() == dow) {
                        return day(d, Question.Said.of(TimeFormat.day(d) + " at " + meeting.code(), "q.said.atMeeting",
                                d, meeting.code()));
                    }
                }
                return new Found(null, Question.Said.of(meeting.code() + " runs " + TimeFormat.day(meeting.firstDay())
                        + " to " + TimeFormat.day(meeting.lastDay()) + ": it has no " + Text.capitalize(t) + ".",
                        "q.problem.noWeekday", meeting.code(), meeting.firstDay(), meeting.lastDay(), dow));
            }
            int diff = (dow.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
            LocalDate d = today.plusDays(next && diff == 0 ? 7 : diff);
            return new Found(day(d, null).span(), null, true);
        }
        if (meeting != null && t.equals("day") && i + 1 < w.size() && dayNumber(w.get(i + 1)) != null) {
            int n = dayNumber(w.get(i + 1));
            mark(used, i, i + 2);
            LocalDate d = meeting.firstDay().plusDays(n - 1L);
            if (n < 1 || d.isAfter(meeting.lastDay())) {
                long days = meeting.lastDay().toEpochDay() - meeting.firstDay().toEpochDay() + 1;
                return new Found(null, Question.Said.of(meeting.code() + " has " + days + " days.", "q.problem.days",
                        meeting.code(), days));
            }
            return day(d, Question.Said.of("day " + n + " of " + meeting.code() + ", " + TimeFormat.day(d),
                    "q.said.dayOf", String.valueOf(n), meeting.code(), d));
        }
        if (meeting != null && i + 1 < w.size() && w.get(i + 1).equals("day")) {
            LocalDate d = switch (t) {
                case "first", "opening", "1st" -> meeting.firstDay();
                case "last", "final", "closing" -> meeting.lastDay();
                case "second", "2nd" -> meeting.firstDay().plusDays(1);
                default -> null;
            };
            if (d != null) {
                mark(used, i, i + 2);
                String which = switch (t) {
                    case "first", "opening", "1st" -> "first";
                    case "last", "final", "closing" -> "last";
                    default -> "second";
                };
                return day(d, Question.Said.of(t + " day of " + meeting.code() + ", " + TimeFormat.day(d),
                        "q.said." + which + "Day", meeting.code(), d));
            }
        }
        return null;
    }

    /** this/next/last/coming week, month or weekend, or "week" alone (the seven days from today). */
    private static Found period(List<String> w, boolean[] used, int i, LocalDate today) {
        String t = w.get(i);
        String before = i > 0 ? w.get(i - 1) : "";
        int shift = switch (before) {
            case "next", "coming" -> 1;
            case "last", "previous", "past" -> -1;
            default -> 0;
        };
        if (shift != 0 || before.equals("this") || before.equals("the")) {
            used[i - 1] = true;
        }
        used[i] = true;
        if (t.startsWith("month")) {
            YearMonth ym = YearMonth.from(today).plusMonths(shift);
            LocalDate from = shift == 0 ? today : ym.atDay(1);
            return new Found(new Question.Span(from, ym.atEndOfMonth().plusDays(1), label(ym)), null);
        }
        if (t.equals("weekend")) {
            LocalDate sat = today.plusDays((DayOfWeek.SATURDAY.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
            if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
                sat = today.minusDays(1);
            }
            sat = sat.plusWeeks(Math.max(0, shift));
            return new Found(new Question.Span(sat, sat.plusDays(2), "the weekend of " + TimeFormat.day(sat),
                    Question.Said.of("the weekend of " + TimeFormat.day(sat), "q.said.weekend", sat)), null);
        }
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        LocalDate from = shift == 0 ? today : monday.plusWeeks(shift);
        LocalDate to = monday.plusWeeks(shift + 1L);
        if (shift == 0 && !before.equals("this") && !before.equals("the")) {
            to = today.plusDays(7); // "week" alone: the seven days from today, as the week command reads it
        }
        return new Found(new Question.Span(from, to, TimeFormat.day(from) + " to " + TimeFormat.day(to.minusDays(1))),
                null);
    }

    /** "in 3 days", "the next 10 days", "within 2 days": from today to that day. */
    private static Found days(List<String> w, boolean[] used, int i, LocalDate today) {
        if (i == 0 || !digits(w.get(i - 1)) || w.get(i - 1).length() > 3) {
            return null;
        }
        int n = Integer.parseInt(w.get(i - 1));
        mark(used, i - 1, i + 1);
        if (i >= 2 && List.of("in", "next", "coming", "within", "few").contains(w.get(i - 2))) {
            used[i - 2] = true;
        }
        LocalDate to = today.plusDays(n + 1L);
        return new Found(new Question.Span(today, to, TimeFormat.day(today) + " to " + TimeFormat.day(to.minusDays(1))),
                null);
    }

    private static Found month(Month m, Integer year, LocalDate today) {
        YearMonth ym;
        if (year != null) {
            ym = YearMonth.of(year, m);
        } else {
            // No year: the nearest such month, so "April" in February means the coming one.
            ym = YearMonth.of(today.getYear(), m);
            if (ym.isBefore(YearMonth.from(today).minusMonths(6))) {
                ym = ym.plusYears(1);
            } else if (ym.isAfter(YearMonth.from(today).plusMonths(6))) {
                ym = ym.minusYears(1);
            }
        }
        return new Found(new Question.Span(ym.atDay(1), ym.atEndOfMonth().plusDays(1), label(ym)), null);
    }

    private static String label(YearMonth ym) {
        return ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
    }

    private static Found dayOf(int d, Month m, Integer year, LocalDate today) {
        try {
            if (year != null) {
                return day(LocalDate.of(year, m, d), null);
            }
            LocalDate c = LocalDate.of(today.getYear(), m, Math.min(d, m.length(true)));
            if (d > m.length(java.time.Year.isLeap(c.getYear()))) {
                throw new DateTimeException("no such day");
            }
            c = LocalDate.of(today.getYear(), m, d);
            if (c.isBefore(today.minusMonths(6))) {
                c = c.plusYears(1);
            } else if (c.isAfter(today.plusMonths(6))) {
                c = c.minusYears(1);
            }
            return day(c, null);
        } catch (DateTimeException e) {
            return new Found(null, notADate(String.valueOf(d), m, year));
        }
    }

    private static Found range(int d1, int d2, Month m, Integer year, LocalDate today) {
        Found a = dayOf(d1, m, year, today);
        Found b = dayOf(d2, m, year, today);
        if (a.span() == null) {
            return a;
        }
        if (b.span() == null) {
            return b;
        }
        LocalDate from = a.span().from();
        LocalDate to = b.span().from();
        if (to.isBefore(from)) {
            return new Found(null, BACKWARDS);
        }
        return new Found(new Question.Span(from, to.plusDays(1), TimeFormat.day(from) + " to " + TimeFormat.day(to)),
                null);
    }

    private static Found date(int y, int m, int d, String typed) {
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return new Found(null, YEARS);
        }
        try {
            return day(LocalDate.of(y, m, d), null);
        } catch (DateTimeException e) {
            return new Found(null, Question.Said.of(typed + " is not a date.", "q.problem.notADate", typed));
        }
    }

    /** {@code 31 February [2025] is not a date.}: the day as typed, the month in the asker's words. */
    private static Question.Said notADate(String day, Month m, Integer year) {
        return Question.Said.of(day + " " + m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + (year == null ? "" : " " + year) + " is not a date.", year == null ? "q.problem.noSuchDay"
                : "q.problem.noSuchDayInYear", day, m, String.valueOf(year));
    }

    private static Found day(LocalDate d, Question.Said named) {
        return new Found(new Question.Span(d, d.plusDays(1), named == null ? TimeFormat.day(d) : named.english(), named),
                null);
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(used.length, to); k++) {
            used[k] = true;
        }
    }

    private static boolean isFrom(String w) {
        return w.equals("from") || w.equals("between");
    }

    static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** 1..31 written as digits or an ordinal (5, 05, 5th, 1st). */
    static Integer dayNumber(String s) {
        String n = s;
        if (n.length() > 2 && (n.endsWith("st") || n.endsWith("nd") || n.endsWith("rd") || n.endsWith("th"))) {
            n = n.substring(0, n.length() - 2);
        }
        if (!digits(n) || n.length() > 2) {
            return null;
        }
        int d = Integer.parseInt(n);
        return d >= 1 && d <= 31 ? d : null;
    }

    private static Integer year(String s) {
        if (!digits(s) || s.length() != 4) {
            return null;
        }
        int y = Integer.parseInt(s);
        return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
    }

    static Month month(String name) {
        if (name.length() < 3 || name.length() > 10 || !Character.isLetter(name.charAt(0))) {
            return null;
        }
        for (Month m : Month.values()) {
            String full = MONTHS[m.ordinal()];
            if (full.equals(name) || full.startsWith(name) && name.length() == 3 || name.equals("sept")
                    && m == Month.SEPTEMBER) {
                return m;
            }
        }
        if (name.length() >= 4) {
            for (Month m : Month.values()) {
                String full = MONTHS[m.ordinal()];
                boolean close = Text.distance(name, full, 1) <= 1;
                if (close && (full.length() >= 6 || sameLetters(name, full))) {
                    return m; // "febuary", "feburary", "septmber"
                }
            }
        }
        return null;
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    static DayOfWeek weekday(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = WEEKDAYS[d.ordinal()];
            if (full.equals(name) || name.length() == 3 && full.startsWith(name)
                    || name.length() >= 6 && Text.distance(name, full, 1) <= 1) {
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
}
