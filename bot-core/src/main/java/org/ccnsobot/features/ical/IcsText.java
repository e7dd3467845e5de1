package org.ccnsobot.features.ical;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Phrase;
import java.util.Map;

/**
 * The first pass over an iCalendar file, before ical4j sees it: strict UTF-8, every line ending, unfolding, and
 * the structural limits (line length, nesting, component count). ical4j only unfolds CRLF-folded lines unless its
 * global relaxed mode is on, and it has no limits of its own, so both are settled here. The result is the same
 * content as unfolded CRLF lines, with a map back to the physical line each logical line started on, so every
 * error can name the line a person sees in their editor.
 */
final class IcsText {

    /** One VEVENT directly inside the VCALENDAR: where it begins and where its first property of each name is. */
    record VEventLines(int begin, Map<String, Integer> properties, Map<String, List<String>> rawDates) {
        /**
         * The raw values of a date property, in file order: ical4j resolves a TZID as soon as such a value is read,
         * and an unknown one would surface as an exception instead of a reason naming the line.
         */
        String raw(String property, int index) {
            List<String> values = rawDates.get(property);
            return values == null || index >= values.size() ? null : values.get(index);
        }

        int lineOf(String property) {
            return properties.getOrDefault(property, begin);
        }
    }

    record Scanned(String normalized, int[] physicalLine, List<VEventLines> vevents, List<String> logical) {
        /** The logical (unfolded) line ical4j numbers {@code logical}, or empty when out of range. */
        String logicalLine(int logicalNumber) {
            return logicalNumber < 1 || logicalNumber > logical.size() ? "" : logical.get(logicalNumber - 1);
        }

        /** The physical line of a logical line number as ical4j counts them (1-based); 0 when unknown. */
        int physical(int logical) {
            if (logical < 1 || physicalLine.length == 0) {
                return 0;
            }
            return physicalLine[Math.min(logical, physicalLine.length) - 1];
        }

        /**
         * The VEVENT directly inside the VCALENDAR that holds logical line {@code logicalNumber}, as the 0-based
         * indexes of its BEGIN and END lines, or null when that line is outside every event.
         */
        int[] veventAround(int logicalNumber) {
            int at = logicalNumber - 1;
            if (at < 0 || at >= logical.size()) {
                return null;
            }
            int begin = -1;
            for (int k = at; k >= 0; k--) {
                String l = logical.get(k);
                if (l.equalsIgnoreCase("BEGIN:VEVENT")) {
                    begin = k;
                    break;
                }
                if (k != at && l.equalsIgnoreCase("END:VEVENT")) {
                    return null;
                }
            }
            if (begin < 0) {
                return null;
            }
            for (int k = Math.max(at, begin + 1); k < logical.size(); k++) {
                String l = logical.get(k);
                if (l.equalsIgnoreCase("END:VEVENT")) {
                    return new int[] {begin, k};
                }
                if (l.equalsIgnoreCase("BEGIN:VEVENT")) {
                    return null;
                }
            }
            return null;
        }

        /** The UID written in the logical lines {@code from}..{@code to} (0-based, inclusive), or "" when none. */
        String uidBetween(int from, int to) {
            for (int k = from; k <= to; k++) {
                String l = logical.get(k);
                if (name(l).equals("UID")) {
                    return rawValue(l).strip();
                }
            }
            return "";
        }

        /** This file without the logical lines {@code from}..{@code to} (0-based, inclusive): one event left out. */
        Scanned without(int from, int to) {
            List<String> keptLines = new ArrayList<>(logical.size());
            List<Integer> keptPhysical = new ArrayList<>(logical.size());
            for (int k = 0; k < logical.size(); k++) {
                if (k < from || k > to) {
                    keptLines.add(logical.get(k));
                    keptPhysical.add(physicalLine[k]);
                }
            }
            int beginPhysical = physicalLine[from];
            List<VEventLines> keptEvents = vevents.stream().filter(v -> v.begin() != beginPhysical).toList();
            StringBuilder out = new StringBuilder(normalized.length());
            for (String l : keptLines) {
                out.append(l).append("\r\n");
            }
            int[] map = keptPhysical.stream().mapToInt(Integer::intValue).toArray();
            return new Scanned(out.toString(), map, keptEvents, List.copyOf(keptLines));
        }
    }

    private IcsText() {
    }

    static Scanned scan(byte[] data, IcsLimits limits) throws IcsException {
        if (data.length > limits.maxBytes()) {
            throw new IcsException(0, Phrase.of("ics.fileTooBig", mib(data.length), mib(limits.maxBytes())));
        }
        // control characters and terminal escapes never belong to iCalendar's syntax, and ical4j's tokenizer
        // splits values at them: they go before parsing (line breaks stay, so line numbers hold)
        String text = Sanitize.file(decode(data));
        List<String> logical = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        StringBuilder current = null;
        int currentLine = 0;
        int n = text.length();
        int i = 0;
        int physical = 0;
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            physical++;
            String line = text.substring(i, end);
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
            if (line.length() > limits.maxLineChars()) {
                throw new IcsException(physical, Phrase.of("ics.lineTooLong", String.valueOf(line.length()),
                        String.valueOf(limits.maxLineChars())));
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current == null) {
                    throw new IcsException(physical, Phrase.of("ics.danglingContinuation"));
                }
                current.append(line, 1, line.length());
                if (current.length() > limits.maxLineChars()) {
                    throw new IcsException(currentLine, Phrase.of("ics.unfoldedTooLong",
                            String.valueOf(limits.maxLineChars())));
                }
                continue;
            }
            if (current != null) {
                logical.add(current.toString());
                lines.add(currentLine);
                current = null;
            }
            if (line.isBlank()) {
                continue;
            }
            current = new StringBuilder(line);
            currentLine = physical;
        }
        if (current != null) {
            logical.add(current.toString());
            lines.add(currentLine);
        }
        if (logical.isEmpty()) {
            throw new IcsException(0, Phrase.of("ics.empty"));
        }
        List<VEventLines> vevents = structure(logical, lines, limits);
        StringBuilder out = new StringBuilder(text.length() + logical.size());
        for (String l : logical) {
            out.append(l).append("\r\n");
        }
        int[] map = new int[lines.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = lines.get(k);
        }
        return new Scanned(out.toString(), map, vevents, List.copyOf(logical));
    }

    private static List<VEventLines> structure(List<String> logical, List<Integer> lines, IcsLimits limits)
            throws IcsException {
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        List<VEventLines> vevents = new ArrayList<>();
        Map<String, Integer> props = null;
        Map<String, List<String>> raws = null;
        int veventBegin = 0;
        int components = 0;
        boolean closed = false;
        for (int k = 0; k < logical.size(); k++) {
            String l = logical.get(k);
            int line = lines.get(k);
            String name = name(l);
            if (closed) {
                throw new IcsException(line, Phrase.of("ics.afterEnd"));
            }
            if (k == 0 && !(name.equals("BEGIN") && value(l).equalsIgnoreCase("VCALENDAR"))) {
                throw new IcsException(line, Phrase.of("ics.notIcs"));
            }
            if (name.equals("BEGIN")) {
                String what = value(l).toUpperCase(Locale.ROOT);
                if (what.isEmpty()) {
                    throw new IcsException(line, Phrase.of("ics.beginNoName"));
                }
                open.push(what);
                openedAt.push(line);
                if (open.size() > limits.maxDepth()) {
                    throw new IcsException(line, Phrase.of("ics.tooDeep", String.valueOf(open.size()),
                            String.valueOf(limits.maxDepth())));
                }
                if (++components > limits.maxComponents()) {
                    throw new IcsException(line, Phrase.of("ics.tooManyComponents", String.valueOf(limits.maxComponents())));
                }
                if (open.size() == 2 && what.equals("VEVENT")) {
                    if (vevents.size() >= limits.maxEvents()) {
                        throw new IcsException(line, Phrase.of("ics.tooManyEvents", String.valueOf(limits.maxEvents())));
                    }
                    props = new HashMap<>();
                    raws = new HashMap<>();
                    veventBegin = line;
                }
            } else if (name.equals("END")) {
                String what = value(l).toUpperCase(Locale.ROOT);
                if (open.isEmpty()) {
                    throw new IcsException(line, Phrase.of("ics.endClosesNothing", what));
                }
                if (!open.peek().equals(what)) {
                    throw new IcsException(line, Phrase.of("ics.endMismatch", what, open.peek(),
                            String.valueOf(openedAt.peek())));
                }
                open.pop();
                openedAt.pop();
                if (open.size() == 1 && what.equals("VEVENT")) {
                    vevents.add(new VEventLines(veventBegin, Map.copyOf(props), Map.copyOf(raws)));
                    props = null;
                    raws = null;
                }
                if (open.isEmpty()) {
                    closed = true;
                }
            } else {
                if (l.indexOf(':') < 0) {
                    throw new IcsException(line, Phrase.of("ics.notProperty", shorten(l)));
                }
                if (open.size() == 2 && props != null) {
                    props.putIfAbsent(name, line);
                    if (DATE_PROPERTIES.contains(name)) {
                        raws.computeIfAbsent(name, x -> new ArrayList<>()).add(rawValue(l));
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IcsException(openedAt.peek(), Phrase.of("ics.neverClosed", open.peek()));
        }
        return vevents;
    }

    private static final java.util.Set<String> DATE_PROPERTIES = java.util.Set.of("DTSTART", "DTEND", "RECURRENCE-ID",
            "EXDATE", "RDATE");

    /** The value of a content line: after the first colon that is not inside a quoted parameter value. */
    static String rawValue(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return line.substring(i + 1);
            }
        }
        return "";
    }

    /** A content line's name: up to the first ';' or ':', upper-cased. */
    static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
            end++;
        }
        return line.substring(0, end).trim().toUpperCase(Locale.ROOT);
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    private static String decode(byte[] data) throws IcsException {
        int offset = 0;
        if (data.length >= 2 && ((data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff
                || (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe)) {
            throw new IcsException(0, Phrase.of("ics.utf16"));
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            offset = 3;
        }
        for (int k = offset; k < data.length; k++) {
            if (data[k] == 0) {
                throw new IcsException(lineAt(data, k), Phrase.of("ics.nulBytes"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, offset, data.length - offset);
        CharBuffer out = CharBuffer.allocate(data.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new IcsException(lineAt(data, at), Phrase.of("ics.notUtf8",
                    String.format(Locale.ROOT, "0x%02X", data[at] & 0xff)));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] data, int pos) {
        int line = 1;
        for (int k = 0; k < pos && k < data.length; k++) {
            if (data[k] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
