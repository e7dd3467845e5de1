package org.ccnsobot.features.ical;

import java.util.List;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;

/**
 * What an import changed, or would change on a dry run: titles per outcome, and warnings (each naming its line).
 * {@code skipped} are events the feed holds an older SEQUENCE of than the calendar; {@code rejected} are events a
 * lenient import left out because they cannot be read (line, UID, reason).
 */
public record ImportReport(String source, boolean dryRun, List<String> added, List<String> updated,
                           List<String> unchanged, List<String> cancelled, List<String> skipped,
                           List<String> warnings, List<String> rejected) {

    public ImportReport {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        cancelled = List.copyOf(cancelled);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** Without rejected events (a strict read refuses the file instead). */
    public ImportReport(String source, boolean dryRun, List<String> added, List<String> updated,
                        List<String> unchanged, List<String> cancelled, List<String> skipped, List<String> warnings) {
        this(source, dryRun, added, updated, unchanged, cancelled, skipped, warnings, List.of());
    }

    /** A few lines for a chat reply or the terminal; at most {@code maxTitles} titles per outcome; in English. */
    public String describe(int maxTitles) {
        return describe(maxTitles, Locale.ENGLISH);
    }

    /**
     * As {@link #describe(int)}, in {@code l}'s language; the lines the reader wrote about single events (warnings,
     * events left out) stay as the reader wrote them. Counts go in as text, so they are never grouped.
     */
    public String describe(int maxTitles, Locale l) {
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.t(l, dryRun ? "import.dryRun" : "import.done", source, count(added), count(updated),
                count(unchanged), count(cancelled)));
        if (!skipped.isEmpty()) {
            sb.append(Messages.t(l, "import.skipped", count(skipped)));
        }
        if (!rejected.isEmpty()) {
            sb.append(Messages.t(l, "import.rejected", count(rejected)));
        }
        sb.append('.');
        titles(sb, "import.added", added, maxTitles, l);
        titles(sb, "import.updated", updated, maxTitles, l);
        titles(sb, "import.cancelled", cancelled, maxTitles, l);
        titles(sb, "import.skippedLabel", skipped, maxTitles, l);
        if (!rejected.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "import.leftOut"));
            for (String w : rejected.subList(0, Math.min(rejected.size(), maxTitles))) {
                sb.append("\n  ").append(w);
            }
        }
        if (!warnings.isEmpty()) {
            sb.append('\n').append(Messages.t(l, "import.warnings"));
            for (String w : warnings.subList(0, Math.min(warnings.size(), maxTitles))) {
                sb.append("\n  ").append(w);
            }
            if (warnings.size() > maxTitles) {
                sb.append("\n  ").append(Messages.t(l, "import.moreWarnings", String.valueOf(warnings.size() - maxTitles)));
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
