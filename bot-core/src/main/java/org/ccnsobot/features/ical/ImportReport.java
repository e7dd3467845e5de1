package org.ccnsobot.features.ical;

import java.util.List;

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

    /** A few lines for a chat reply or the terminal; at most {@code maxTitles} titles per outcome. */
    public String describe(int maxTitles) {
        StringBuilder sb = new StringBuilder();
        sb.append(dryRun ? "Dry run of " : "Imported ").append(source).append(dryRun ? " (nothing was changed): " : ": ")
                .append(added.size()).append(dryRun ? " would be added, " : " added, ")
                .append(updated.size()).append(dryRun ? " would be updated, " : " updated, ")
                .append(unchanged.size()).append(" unchanged, ")
                .append(cancelled.size()).append(dryRun ? " would be cancelled" : " cancelled");
        if (!skipped.isEmpty()) {
            sb.append(", ").append(skipped.size()).append(" skipped (older SEQUENCE than the calendar's)");
        }
        if (!rejected.isEmpty()) {
            sb.append(", ").append(rejected.size()).append(" event(s) left out (they cannot be read)");
        }
        sb.append('.');
        titles(sb, "Added", added, maxTitles);
        titles(sb, "Updated", updated, maxTitles);
        titles(sb, "Cancelled", cancelled, maxTitles);
        titles(sb, "Skipped", skipped, maxTitles);
        if (!rejected.isEmpty()) {
            sb.append("\nLeft out:");
            for (String w : rejected.subList(0, Math.min(rejected.size(), maxTitles))) {
                sb.append("\n  ").append(w);
            }
        }
        if (!warnings.isEmpty()) {
            sb.append("\nWarnings:");
            for (String w : warnings.subList(0, Math.min(warnings.size(), maxTitles))) {
                sb.append("\n  ").append(w);
            }
            if (warnings.size() > maxTitles) {
                sb.append("\n  … and ").append(warnings.size() - maxTitles).append(" more");
            }
        }
        return sb.toString();
    }

    private static void titles(StringBuilder sb, String label, List<String> titles, int max) {
        if (titles.isEmpty()) {
            return;
        }
        sb.append('\n').append(label).append(": ");
        sb.append(String.join("; ", titles.subList(0, Math.min(max, titles.size()))));
        if (titles.size() > max) {
            sb.append("; … and ").append(titles.size() - max).append(" more");
        }
    }
}
