package org.ccnsobot.features.ical;

import java.util.Map;
import java.util.TreeMap;

/**
 * The SEQUENCE a feed last gave each of its events, where it differs from the one we store. We raise our SEQUENCE
 * with every change of time, place or status (so calendar apps take it), while a feed such as Sched keeps sending 0;
 * comparing the feed with its own last value keeps "an older copy of the feed does not overwrite a newer one" true.
 * Kept as one meta value per source ({@code id=sequence,...}), written in the import's own transaction.
 */
final class FeedSequences {
    private FeedSequences() {
    }

    static String key(String source) {
        return "feed-sequences:" + source;
    }

    static Map<String, Integer> read(String value) {
        Map<String, Integer> out = new TreeMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String pair : value.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                try {
                    out.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // a damaged entry: that event compares with its stored SEQUENCE, as before this existed
                }
            }
        }
        return out;
    }

    static String write(Map<String, Integer> sequences) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(sequences).forEach((id, seq) -> sb.append(sb.length() == 0 ? "" : ",").append(id).append('=')
                .append(seq));
        return sb.toString();
    }
}
