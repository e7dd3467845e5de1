package org.ccnsobot.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 24h}, {@code 90m}, {@code 1h30m}, {@code 2d}, or ISO {@code PT1H}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*(d|h|m|s)");

    private Durations() {
    }

    /** Parses a duration or throws {@link IllegalArgumentException} with a one-line reason (hints in hours). */
    public static Duration parse(String text) {
        return parse(text, 'h');
    }

    /**
     * Parses a duration whose setting is usually written in {@code unit} ({@code d}, {@code h}, {@code m} or
     * {@code s}), so that the hint of a refusal matches it: {@code staleAfter: 90} is told "write 90d", not "24h".
     */
    public static Duration parse(String text, char unit) {
        String like = switch (unit) {
            case 'd' -> "90d, 30d or 2d12h";
            case 'm' -> "15m, 90m or 1h30m";
            case 's' -> "30s, 90s or 2m";
            default -> "24h, 90m or 1h30m";
        };
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("a duration is needed, like " + like);
        }
        if (s.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("'" + text.trim() + "' needs a unit; write it like " + s + unit
                    + " (d days, h hours, m minutes)");
        }
        if (s.startsWith("p") || s.startsWith("-p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; write it like " + like);
            }
        }
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1).trim();
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        Duration total = Duration.ZERO;
        while (m.find()) {
            if (!s.substring(pos, m.start()).isBlank()) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            pos = m.end();
        }
        if (pos == 0 || !s.substring(pos).isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like " + like);
        }
        return negative ? total.negated() : total;
    }

    /** Formats a duration compactly: {@code 1d 2h}, {@code 40m}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(hours).append('h');
        }
        if (minutes > 0 || sb.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : " ").append(minutes).append('m');
        }
        return sb.toString();
    }
}
