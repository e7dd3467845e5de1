package org.ccnsobot.features.ical;

import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.i18n.Phrase;

/**
 * What an import changed, or would change on a dry run: titles per outcome, and warnings (each naming its line).
 * {@code skipped} are events the feed holds an older SEQUENCE of than the calendar; {@code leftOut} are events a
 * lenient import left out because they cannot be read (line, UID, reason). Warnings and events left out are kept as
 * {@link Phrase}s, so a reply words them in its reader's language; {@link #warnings()} and {@link #rejected()} are
 * the same in English, for the log.
 */
public record ImportReport(String source, boolean dryRun, List<String> added, List<String> updated,
                           List<String> unchanged, List<String> cancelled, List<String> skipped,
                           List<Phrase> warned, List<Phrase> leftOut) {

    public ImportReport {
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        cancelled = List.copyOf(cancelled);
        skipped = List.copyOf(skipped);
        warned = List.copyOf(warned);
    }

    /** Without rejected events (a strict read refuses the file instead). */
    public ImportReport(String source, boolean dryRun, List<String> added, List<String> updated,
                        List<String> unchanged, List<String> cancelled, List<String> skipped, List<Phrase> warned) {
        this(source, dryRun, added, updated, unchanged, cancelled, skipped, warned, List.of());
    }

    /** The warnings in English (the log's words). */
    public List<String> warnings() {
        return warned.stream().map(Phrase::english).toList();
    }

    /** The events left out, in English (the log's words). */
    public List<String> rejected() {
        return leftOut.stream().map(Phrase::english).toList();
    }

    /** A few lines for a chat reply or the terminal; at most {@code maxTitles} titles per outcome; in English. */
    public String describe(int maxTitles) {
        return describe(maxTitles, Locale.ENGLISH);
    }

    /**
     * As {@link #describe(int)}, in {@code l}'s language, the lines about single events (warnings, events left out)
     * too. Counts go in as text, so they are never grouped.
     */
    public String describe(int maxTitles, Locale l) {
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.t(l, dryRun ? "import.dryRun" : "import.done", source, count(added), count(updated),
                count(unchanged), count(cancelled)));
        if (!skipped.isEmpty()) {
            sb.append(Messages.t(l, "import.skipped", count(skipped)));
        }
        if (!leftOut.isEmpty()) {
            sb.append(Messages.t(l, "import.rejected", String.valueOf(leftOut.size())));
        }
        sb.append('.');
        titles(sb, "import.added", added, maxTitles, l);
        titles(sb, "import.updated", updated, maxTitles, l);
        titles(sb, "import.cancelled", cancelled, maxTitles, l);
        titles(sb, "import.skippedLabel", skipped, maxTitles, l);
        if (!leftOut.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "import.leftOut"));
            for (Phrase w : leftOut.subList(0, Math.min(leftOut.size(), maxTitles))) {
                sb.append("\n  ").append(w.in(l));
            }
        }
        if (!warned.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "import.warnings"));
            for (Phrase w : warned.subList(0, Math.min(warned.size(), maxTitles))) {
                sb.append("\n  ").append(w.in(l));
            }
            if (warned.size() > maxTitles) {
                sb.append("\n  ").append(Messages.t(l, "import.moreWarnings", String.valueOf(warned.size() - maxTitles)));
            }
        }
        return sb.toString();
    }

    private static String count(List<String> titles) {
        return String.valueOf(titles.size());
    }

    private static void titles(StringBuilder sb, String key, List<String> titles, int max, Locale l) {
        if (titles.isEmpty()) {
            return;
        }
        String shown = String.join("; ", titles.subList(0, Math.min(max, titles.size())));
        if (titles.size() > max) {
            shown += Messages.t(l, "import.moreTitles", String.valueOf(titles.size() - max));
        }
        sb.append('\n').append(Messages.t(l, key, shown));
    }
}
