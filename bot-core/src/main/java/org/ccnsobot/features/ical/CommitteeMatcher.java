package org.ccnsobot.features.ical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ccnsobot.config.SourceConfig;
import org.ccnsobot.domain.Committee;

/**
 * Which committees an imported session belongs to. A category that is a committee's acronym, name or alias gives it;
 * a source's rules (a pattern in the title or a category) give theirs; without rules, a committee's name or a
 * distinctive acronym or alias (several words, or two capitals like GRC, TechWG) in the title gives it. A lone
 * ordinary word ("Council", "Triage") in a title does not: every constituency has a council.
 */
final class CommitteeMatcher {
    private final Map<String, String> byTerm = new HashMap<>();
    private final List<TitleTerm> titleTerms = new ArrayList<>();

    /**
     * A term looked for in titles: its pattern (whole words, any case), its committee, and the term lowercased char
     * by char when it is plain ASCII, so most titles are ruled out by a substring test before any regex runs (the
     * regex was half of a no-change re-import of 5,000 events).
     */
    private record TitleTerm(Pattern pattern, String acronym, String asciiLower) {
    }
    private final List<SourceConfig.CommitteeRule> rules;
    private final Map<String, String> acronyms = new HashMap<>();

    CommitteeMatcher(List<Committee> committees, List<SourceConfig.CommitteeRule> rules) {
        this.rules = rules;
        for (Committee c : committees) {
            acronyms.put(c.acronym().toLowerCase(Locale.ROOT), c.acronym());
            List<String> terms = new ArrayList<>(List.of(c.acronym(), c.name()));
            terms.addAll(c.aliases());
            for (String t : terms) {
                byTerm.putIfAbsent(t.toLowerCase(Locale.ROOT), c.acronym());
                if (distinctive(t)) {
                    titleTerms.add(new TitleTerm(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t)
                            + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), c.acronym(),
                            t.chars().allMatch(ch -> ch < 0x80) ? lower(t) : null));
                }
            }
        }
    }

    private static final Pattern CLOSED = Pattern.compile("(?<![\\p{L}])closed(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    /** Whether the title or a category says the session is closed ("CLOSED", "Closed session", "[closed]"). */
    static boolean closed(String title, List<String> categories) {
        return title != null && CLOSED.matcher(title).find() || categories.stream().anyMatch(c -> CLOSED.matcher(c)
                .find());
    }

    private static boolean distinctive(String term) {
        if (term.strip().contains(" ")) {
            return true;
        }
        return term.chars().filter(Character::isUpperCase).count() >= 2;
    }

    /**
     * Lowercased char by char, as the patterns' case-insensitive match compares (String#toLowerCase can change the
     * length, and so miss a term the pattern finds).
     */
    private static String lower(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            // through upper case, as the case-insensitive match does: the long s and the Kelvin sign fold too
            out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(out);
    }

    /** The committees' acronyms, sorted; rules naming an unknown committee give nothing. */
    List<String> match(String title, List<String> categories) {
        TreeSet<String> out = new TreeSet<>();
        for (String c : categories) {
            String a = byTerm.get(c.strip().toLowerCase(Locale.ROOT));
            if (a != null) {
                out.add(a);
            }
        }
        String t = title == null ? "" : title;
        if (!rules.isEmpty()) {
            for (SourceConfig.CommitteeRule r : rules) {
                boolean hit = r.match().matcher(t).find()
                        || categories.stream().anyMatch(c -> r.match().matcher(c).find());
                if (hit) {
                    for (String a : r.acronyms()) {
                        String known = acronyms.get(a.toLowerCase(Locale.ROOT));
                        if (known != null) {
                            out.add(known);
                        }
                    }
                }
            }
        } else {
            String lowered = lower(t);
            for (TitleTerm e : titleTerms) {
                if ((e.asciiLower() == null || lowered.contains(e.asciiLower())) && e.pattern().matcher(t).find()) {
                    out.add(e.acronym());
                }
            }
        }
        return List.copyOf(out);
    }
}
