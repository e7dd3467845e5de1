package org.ccnsobot.i18n;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is wrong with a set of bundles, compared with English: a key missing or extra in a complete language, an
 * argument a translation leaves out or invents, a pattern that does not parse. Prepared languages (not
 * {@link Language#offered offered}) may lack keys, since they fall back to English, but nothing else.
 * The build's bundle test runs this, so a broken translation fails the build rather than a member's request.
 */
public final class BundleCheck {
    private BundleCheck() {
    }

    /** One line per problem, "fr: key 'x' is missing"; empty when the bundles are complete and sound. */
    public static List<String> problems(Map<Language, Map<String, String>> bundles) {
        List<String> out = new ArrayList<>();
        Map<String, String> en = bundles.getOrDefault(Language.EN, Map.of());
        if (en.isEmpty()) {
            out.add("en: the English bundle is empty");
        }
        for (Map.Entry<Language, Map<String, String>> b : bundles.entrySet()) {
            Language lang = b.getKey();
            Map<String, String> tr = b.getValue();
            if (lang != Language.EN && lang.offered()) {
                for (String k : en.keySet()) {
                    if (!tr.containsKey(k)) {
                        out.add(lang.code() + ": key '" + k + "' is missing");
                    }
                }
            }
            for (Map.Entry<String, String> e : tr.entrySet()) {
                String k = e.getKey();
                if (!en.containsKey(k)) {
                    out.add(lang.code() + ": key '" + k + "' is not in English (extra)");
                    continue;
                }
                Set<String> args;
                try {
                    args = new TreeSet<>(new MessageFormat(e.getValue(), lang.locale()).getArgumentNames());
                } catch (IllegalArgumentException bad) {
                    out.add(lang.code() + ": key '" + k + "' does not parse: " + bad.getMessage());
                    continue;
                }
                if (lang == Language.EN) {
                    continue;
                }
                Set<String> want;
                try {
                    want = new TreeSet<>(new MessageFormat(en.get(k), Language.EN.locale()).getArgumentNames());
                } catch (IllegalArgumentException bad) {
                    continue;  // reported with English's own entry
                }
                for (String a : want) {
                    if (!args.contains(a)) {
                        out.add(lang.code() + ": key '" + k + "' does not use argument {" + a + "}");
                    }
                }
                for (String a : args) {
                    if (!want.contains(a)) {
                        out.add(lang.code() + ": key '" + k + "' uses argument {" + a + "} that English does not have");
                    }
                }
            }
        }
        return out;
    }
}
