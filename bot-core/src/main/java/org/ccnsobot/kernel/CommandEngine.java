package org.ccnsobot.kernel;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccnsobot.config.Durations;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.port.CommandInfo.OptionKind;
/**
 * Finds commands by name or alias and binds their options, from text ({@code next council}) or from a platform's
 * typed options. Binding validates and converts every value, so handlers only ever see good values.
 */
public final class CommandEngine {
    /**
     * The IANA zones. Other providers' ids are left out: ical4j registers zones named "ical4j~<uuid>" that exist
     * only in the process that made them, so a preference stored with one would not load after a restart.
     */
    public static final Set<String> ZONES = java.util.Collections.unmodifiableSet(new TreeSet<>(
            ZoneId.getAvailableZoneIds().stream().filter(z -> z.indexOf('~') < 0).toList()));

    private final List<CommandSpec> specs;
    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final Names calendar;

    public CommandEngine(List<CommandSpec> specs, Names calendar) {
        this.specs = List.copyOf(specs);
        this.calendar = calendar;
        for (CommandSpec s : specs) {
            register(s.name(), s);
            for (String a : s.aliases()) {
                register(a, s);
            }
        }
    }

    private void register(String name, CommandSpec s) {
        CommandSpec old = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), s);
        if (old != null) {
            throw new IllegalArgumentException("command name '" + name + "' is declared twice");
        }
    }

    public List<CommandSpec> specs() {
        return specs;
    }

    public Optional<CommandSpec> lookup(String word) {
        return Optional.ofNullable(byName.get(word.toLowerCase(Locale.ROOT)));
    }

    /** The command names closest to a mistyped one. */
    public List<String> suggest(String word, int limit) {
        List<String> names = new ArrayList<>(byName.keySet());
        List<String> out = new ArrayList<>();
        for (String n : Text.closest(word, names, limit * 2)) {
            String canonical = byName.get(n).name();
            if (!out.contains(canonical)) {
                out.add(canonical);
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Binds the words after a command's name. */
    public Args bindText(CommandSpec spec, String argText, LocalDate today) throws CommandException {
        List<Token> tokens = tokenize(argText);
        Map<String, String> raw = new LinkedHashMap<>();
        List<OptionSpec> positional = spec.options().stream().filter(o -> !o.flag()).toList();
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.quoted() && t.text().startsWith("--") && t.text().length() > 2) {
                String name = t.text().substring(2);
                OptionSpec o = spec.options().stream().filter(x -> x.flag() && x.name().equals(name)).findFirst()
                        .orElseThrow(() -> new CommandException("'" + spec.name() + "' has no option --" + name
                                + "; usage: " + spec.usage()));
                if (raw.containsKey(name)) {
                    String again = o.kind() == OptionKind.BOOLEAN || i + 1 >= tokens.size() ? ""
                            : " ('" + Text.shorten(raw.get(name), 40) + "', then '" + Text.shorten(tokens.get(i + 1).text(), 40) + "')";
                    throw new CommandException("--" + name + " is given twice" + again + "; give it once. Usage: "
                            + spec.usage());
                }
                if (o.kind() == OptionKind.BOOLEAN) {
                    raw.put(name, "true");
                    continue;
                }
                if (i + 1 >= tokens.size()) {
                    throw new CommandException("--" + name + " needs a value; usage: " + spec.usage());
                }
                raw.put(name, tokens.get(++i).text());
                continue;
            }
            if (next >= positional.size()) {
                throw new CommandException("'" + spec.name() + "' takes no more than that; usage: " + spec.usage());
            }
            OptionSpec o = positional.get(next++);
            if (o.rest()) {
                int end = i;
                while (end + 1 < tokens.size() && !(tokens.get(end + 1).text().startsWith("--")
                        && !tokens.get(end + 1).quoted() && isFlag(spec, tokens.get(end + 1).text()))) {
                    end++;
                }
                raw.put(o.name(), argText.substring(t.start(), tokens.get(end).end()).trim());
                i = end;
            } else {
                raw.put(o.name(), t.text());
            }
        }
        return bind(spec, raw, today);
    }

    private static boolean isFlag(CommandSpec spec, String text) {
        String name = text.substring(2);
        return spec.options().stream().anyMatch(o -> o.flag() && o.name().equals(name));
    }

    /** Binds options given by name (a platform's typed slash-command options). */
    public Args bind(CommandSpec spec, Map<String, String> raw, LocalDate today) throws CommandException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            if (spec.options().stream().noneMatch(o -> o.name().equals(name))) {
                throw new CommandException("'" + spec.name() + "' has no option '" + name + "'; usage: " + spec.usage());
            }
        }
        for (OptionSpec o : spec.options()) {
            String v = raw.get(o.name());
            if (v == null || v.isBlank()) {
                if (o.defaultValue() != null) {
                    v = o.defaultValue();
                } else if (o.required()) {
                    throw new CommandException("'" + spec.name() + "' needs " + article(o) + "; usage: " + spec.usage(),
                            o.name());
                } else {
                    continue;
                }
            }
            try {
                values.put(o.name(), convert(o, v.trim(), today));
            } catch (CommandException e) {
                throw e.about(o.name());
            }
        }
        return new Args(values);
    }

    private static String article(OptionSpec o) {
        String n = o.name().replace('-', ' ');
        return ("aeiou".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
    }

    private Object convert(OptionSpec o, String v, LocalDate today) throws CommandException {
        if (!o.choices().isEmpty() && o.choices().stream().noneMatch(c -> c.equalsIgnoreCase(v))) {
            throw new CommandException(o.name() + " must be one of " + String.join(", ", o.choices()) + ", not '" + v + "'");
        }
        switch (o.kind()) {
            case TEXT, EVENT -> {
                return v;
            }
            case INTEGER -> {
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new CommandException(o.name() + " must be a whole number, not '" + Text.shorten(v, 40) + "'");
                }
            }
            case BOOLEAN -> {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> Boolean.TRUE;
                    case "false", "no", "off", "0" -> Boolean.FALSE;
                    default -> throw new CommandException(o.name() + " must be yes or no, not '" + Text.shorten(v, 40) + "'");
                };
            }
            case DATE -> {
                return Dates.parse(v, today).orElseThrow(() -> new CommandException("'" + Text.shorten(v, 40)
                        + "' is not a date; try 2024-03-05, 5 March, today, tomorrow or a weekday"));
            }
            case ZONE -> {
                return zone(v);
            }
            case DURATION -> {
                try {
                    Duration d = Durations.parse(v);
                    if (d.isNegative()) {
                        throw new CommandException(o.name() + " must not be negative");
                    }
                    return d;
                } catch (IllegalArgumentException e) {
                    throw new CommandException(e.getMessage());
                }
            }
            case COMMITTEE -> {
                Optional<Committee> c = calendar.committee(v);
                if (c.isEmpty()) {
                    List<String> close = calendar.closestCommittees(v, 3);
                    throw new CommandException("No committee called '" + Text.shorten(v, 40) + "'"
                            + (close.isEmpty() ? "; 'committees' lists them all" : "; did you mean " + String.join(", ", close) + "?"));
                }
                return c.get();
            }
            case MEETING -> {
                return calendar.meeting(v).orElseThrow(() -> new CommandException("No meeting called '"
                        + Text.shorten(v, 40) + "'")).code();
            }
            default -> throw new IllegalStateException("unhandled option kind " + o.kind());
        }
    }

    /** An IANA zone, matched without regard to case; a near miss gets suggestions. */
    public static ZoneId zone(String v) throws CommandException {
        String t = v.trim();
        for (String z : ZONES) {
            if (z.equalsIgnoreCase(t)) {
                return ZoneId.of(z);
            }
        }
        if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("gmt") || t.equalsIgnoreCase("z")) {
            return ZoneId.of("UTC");
        }
        try {
            if (t.matches("(?i)(utc|gmt)?[+-]\\d{1,2}(:\\d{2})?")) {
                return ZoneId.of("UTC" + t.replaceAll("(?i)^(utc|gmt)", "")).normalized();
            }
        } catch (DateTimeException e) {
            // fall through to the suggestion below
        }
        List<String> close = Text.closest(t.replace(' ', '_'), List.copyOf(ZONES), 3);
        if (close.isEmpty()) {
            String city = Text.squash(t);
            close = ZONES.stream().filter(z -> Text.squash(z.substring(z.lastIndexOf('/') + 1)).equals(city)).limit(3).toList();
        }
        throw new CommandException("'" + Text.shorten(t, 40) + "' is not an IANA time zone"
                + (close.isEmpty() ? "; use a name like Europe/Brussels, America/Puerto_Rico or UTC"
                : "; did you mean " + String.join(", ", close) + "?"));
    }

    /** Words with their spans; double quotes group words. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c == '"' || c == '\u201c') {
                int close = s.indexOf(c == '"' ? '"' : '\u201d', i + 1);
                if (close > 0) {
                    out.add(new Token(s.substring(i + 1, close), i, close + 1, true));
                    i = close + 1;
                    continue;
                }
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            out.add(new Token(s.substring(start, i), start, i, false));
        }
        return out;
    }

    record Token(String text, int start, int end, boolean quoted) {
    }
}
