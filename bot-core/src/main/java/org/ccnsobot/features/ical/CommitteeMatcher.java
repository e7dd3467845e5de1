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
    private final List<Map.Entry<Pattern, String>> titleTerms = new ArrayList<>();
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
                    titleTerms.add(Map.entry(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t)
                            + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), c.acronym()));
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
            for (Map.Entry<Pattern, String> e : titleTerms) {
                if (e.getKey().matcher(t).find()) {
                    out.add(e.getValue());
                }
            }
        }
        return List.copyOf(out);
    }
}
