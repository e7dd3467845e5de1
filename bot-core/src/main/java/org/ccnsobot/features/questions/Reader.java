package org.ccnsobot.features.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.domain.Committee;
import org.ccnsobot.domain.Meeting;
import org.ccnsobot.features.calendar.CalendarService;
import org.ccnsobot.kernel.Stopwords;
import org.ccnsobot.kernel.Text;

/** The {@link Understanding} of the questions feature: reads the text in passes, each taking the words it uses. */
final class Reader implements Understanding {
    /** Longer questions are read up to here: nobody asks about a calendar in more words. */
    static final int MAX_CHARS = 300;
    private static final int MAX_WORDS = 40;
    private static final Set<String> NEXT = Set.of("next", "upcoming", "coming", "soon", "soonest", "nxt", "forthcoming");
    /** Words that shape a question but say nothing about what is asked. */
    private static final Set<String> SHAPE = Set.copyOf(List.of("meet", "meets", "met", "gather", "gathers", "happen", "happens",
            "get", "together", "up", "take", "takes", "place", "have", "has", "having", "know", "want", "like", "would",
            "need", "us", "hi", "hello", "hey", "bot", "thanks", "thank", "pls", "plz", "kindly", "dear", "s", "date",
            "dates", "days", "this", "that", "these", "those", "from", "between", "until", "till", "by", "it",
            "its", "again", "also", "ever", "yet", "still", "should", "shall", "would", "may", "might", "must", "am",
            "being", "been", "same", "then", "than", "some", "something", "see", "look", "looking", "check", "into",
            "during", "after", "before", "while", "over", "else", "other", "others", "more", "so", "far", "just",
            "exactly", "precisely", "available", "programmed", "agenda", "calendar", "schedule", "program",
            "programme", "anyone", "lot", "lots", "many", "much", "hold", "holding", "holds", "organised",
            "organized", "expected", "due", "happened", "last", "first", "scheduled", "set", "when", "whens"));
    /** Words that name a kind of thing only loosely: kept while they narrow the search, dropped when they do not. */
    private static final Set<String> GENERIC = Set.of("meeting", "meetings", "session", "sessions", "event", "events",
            "call", "calls", "activity", "activities", "thing", "things", "mtg", "meetng", "meting", "ccnso", "icann",
            "cctld", "cctlds", "members", "member");
    /** Generic words too loose to narrow anything: "sessions on sunday" means every session. */
    private static final Set<String> WEAK = Set.of("session", "sessions", "event", "events", "activity", "activities",
            "thing", "things", "ccnso", "icann");
    /** Kinds of event: a question may name one the calendar lacks and still mean the rest of its words. */
    private static final Set<String> KINDS = Set.of("webinar", "webinars", "workshop", "workshops", "seminar",
            "seminars", "briefing", "briefings", "conference", "talk", "talks", "panel", "presentation", "retreat",
            "call", "calls", "session", "sessions", "meeting", "meetings", "gathering");
    private static final List<List<String>> SUFFIXES = List.of(List.of("standing", "committee"),
            List.of("working", "group"), List.of("committee"), List.of("committees"), List.of("wg"), List.of("group"));
    private static final Set<String> COMMITTEE_SUFFIXES = Set.of("committee", "standing committee", "working group",
            "wg", "group");

    private final CalendarService calendar;

    Reader(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public Question read(String text, ZoneId zone, Instant now) {
        return read(text, zone, now, null);
    }

    /** Reads in the hinted language, or in the one the question is written in when there is no (known) hint. */
    @Override
    public Question read(String text, ZoneId zone, Instant now, Locale hint) {
        return read(text, zone, now, Language.of(hint), null);
    }

    @Override
    public Question readPreferring(String text, ZoneId zone, Instant now, Locale preferred) {
        return read(text, zone, now, null, Language.of(preferred));
    }

    /** {@code forced}: the language to read in; else detected, {@code preferred} deciding when the words do not. */
    private Question read(String text, ZoneId zone, Instant now, Language forced, Language preferred) {
        String raw = text == null ? "" : text;
        if (raw.length() > MAX_CHARS) {
            raw = raw.substring(0, MAX_CHARS);
        }
        Language language = forced;
        List<String> folded = language == Language.EN ? null : Lexicon.fold(Lexicon.dayFirst(raw));
        if (language == null) {
            language = Lexicon.detect(raw, folded, preferred);
        }
        // French and Spanish are put into the English words first: every pass below then reads them alike
        List<String> w = new ArrayList<>(language == Language.EN ? Text.words(raw)
                : Lexicon.of(language).english(raw, folded, this::known));
        if (w.size() > MAX_WORDS) {
            w = new ArrayList<>(w.subList(0, MAX_WORDS));
        }
        boolean[] used = new boolean[w.size()];
        Question.Intent intent = intent(w);
        boolean next = false;
        for (int i = 0; i < w.size(); i++) {
            if (NEXT.contains(w.get(i)) && !(i + 1 < w.size() && (w.get(i + 1).startsWith("week")
                    || w.get(i + 1).equals("month") || TimeWords.weekday(w.get(i + 1)) != null
                    || TimeWords.digits(w.get(i + 1))))) {
                next = true;
                used[i] = true;
            }
        }
        String missing = null;
        Meeting meeting = meeting(w, used);
        if (meeting == null) {
            missing = missingMeeting(w, used);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        TimeWords.Found time = null;
        // "Thursday 15 February": the date decides, the weekday only confirms it.
        for (int round = 0; round < 3; round++) {
            TimeWords.Found f = TimeWords.find(w, used, today, meeting);
            if (f == null) {
                break;
            }
            if (f.problem() != null) {
                return new Question(intent, next, emptyAbout(), null, f.problem());
            }
            if (time == null || time.weekday() && !f.weekday()) {
                time = f;
            }
        }
        Committee committee = null;
        String committeeWord = null;
        int[] span = committee(w, used);
        if (span != null) {
            committee = calendarCommittee(w, span);
            committeeWord = String.join(" ", w.subList(span[0], span[1]));
            int end = span[1];
            // "the ccPDP4 working group", "TLD OPS standing committee": the group's own kind words go with it.
            for (List<String> suffix : SUFFIXES) {
                if (end + suffix.size() <= w.size() && w.subList(end, end + suffix.size()).equals(suffix)
                        && !anyUsed(used, end, end + suffix.size())) {
                    end += suffix.size();
                    break;
                }
            }
            for (int k = span[0]; k < end; k++) {
                used[k] = true;
            }
        }
        String number = null;
        List<String> words = new ArrayList<>();
        List<String> generic = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            if (used[i]) {
                continue;
            }
            String t = w.get(i);
            String n = ordinal(t);
            if (TimeWords.digits(n)) {
                if (number == null && n.length() <= 6) {
                    number = n.replaceFirst("^0+(?=.)", "");
                }
                continue;
            }
            if (Stopwords.isStopword(t) || SHAPE.contains(t) || NEXT.contains(t) || t.length() > 40
                    || misspeltShapeWord(t)) {
                continue;
            }
            if (GENERIC.contains(t)) {
                generic.add(t);
            } else {
                words.add(t);
            }
        }
        Question.About about = new Question.About(committee, committeeWord, meeting, missing, number, words, generic);
        return new Question(intent, next, about, time == null ? null : time.span(), null);
    }

    /** A word of the calendar's, or a committee's name: never a typo of a French or Spanish word. */
    private boolean known(String word) {
        if (calendar.index().has(word)) {
            return true;
        }
        Map<Committee, List<String>> now = committeeNames();
        if (now != committeeWordsFor) {
            Set<String> out = new java.util.HashSet<>();
            now.values().forEach(out::addAll);
            committeeWords = out;
            committeeWordsFor = now;
        }
        return committeeWords.contains(word);
    }

    private volatile Map<Committee, List<String>> committeeWordsFor;
    private volatile Set<String> committeeWords = Set.of();

    static boolean weak(String generic) {
        return WEAK.contains(generic);
    }

    static boolean kind(String word) {
        return KINDS.contains(word);
    }

    /** "wehn", "shedule": a typo of a question word, when the calendar holds no such word itself. */
    private boolean misspeltShapeWord(String t) {
        if (t.length() < 4 || calendar.index().has(t) || GENERIC.contains(t)) {
            return false;
        }
        for (String s : TYPO_PRONE) {
            if (Math.abs(s.length() - t.length()) <= 1 && Text.distance(t, s, 1) <= 1) {
                return !calendar.index().has(s) || Stopwords.isStopword(s);
            }
        }
        return false;
    }

    private static final List<String> TYPO_PRONE = List.of("when", "whens", "what", "whats", "where", "wheres",
            "which", "there", "theres", "schedule", "scheduled", "happening", "please", "about", "anything", "meet",
            "upcoming", "calendar", "agenda", "programme", "program", "tell", "show", "give", "does", "will");

    private static Question.About emptyAbout() {
        return new Question.About(null, null, null, null, null, List.of(), List.of());
    }

    static Question.Intent intent(List<String> w) {
        String first = w.isEmpty() ? "" : w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        if (w.contains("where") || w.contains("wheres") || w.contains("venue") || w.contains("location")) {
            return Question.Intent.WHERE;
        }
        boolean yesNo = Set.of("is", "are", "will", "do", "does", "any", "anything", "has", "have", "can").contains(first)
                && (w.contains("there") || w.contains("any") || w.contains("anything") || first.equals("any")
                || first.equals("anything"))
                || first.equals("any") || w.contains("theres") && !first.startsWith("wh");
        if (yesNo && !first.startsWith("wh")) {
            return Question.Intent.IS_THERE;
        }
        if (first.equals("list") || w.contains("all") || w.contains("every") || first.equals("show") && second.equals("all")) {
            return Question.Intent.LIST;
        }
        if ((first.equals("whats") || first.equals("what")) && (w.contains("on") || w.contains("happening")
                || w.contains("planned") || w.contains("scheduled") || w.contains("programme") || w.contains("agenda"))
                || first.equals("schedule") || first.equals("agenda") || first.equals("programme")) {
            return Question.Intent.WHAT_ON;
        }
        if (w.contains("when") || w.contains("whens") || w.contains("time") || w.contains("date") || w.contains("meet")
                || w.contains("meets") || w.contains("start") || w.contains("starts") || w.contains("begin")
                || w.contains("begins") || w.contains("held") || w.contains("until") && first.equals("how")) {
            return Question.Intent.WHEN;
        }
        return Question.Intent.ABOUT;
    }

    /** A meeting by code ("icann79", "icann 79"), name or city ("san juan"); marks its words. */
    private Meeting meeting(List<String> w, boolean[] used) {
        String[][] joined = windows(w, 4);
        for (Map.Entry<Meeting, List<String>> m : meetingNames().entrySet()) {
            for (String target : m.getValue()) {
                for (int len = Math.min(4, w.size()); len >= 1; len--) {
                    for (int i = 0; i + len <= w.size(); i++) {
                        String s = joined[i][len];
                        if (anyUsed(used, i, i + len) || Math.abs(s.length() - target.length()) > 1) {
                            continue;
                        }
                        if (s.equals(target) || target.length() >= 6 && sameDigits(s, target)
                                && Text.distance(s, target, 1) <= 1) {
                            Arrays.fill(used, i, i + len, true);
                            return m.getKey();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** joined[i][len]: the words i to i + len - 1 run together. */
    private static String[][] windows(List<String> w, int max) {
        String[][] out = new String[w.size()][max + 1];
        for (int i = 0; i < w.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int len = 1; len <= max && i + len <= w.size(); len++) {
                sb.append(w.get(i + len - 1));
                out[i][len] = sb.toString();
            }
        }
        return out;
    }

    private volatile Map<String, Meeting> meetingsFor;
    private volatile Map<Meeting, List<String>> meetingNames = Map.of();

    /** Each meeting's code, name, city and country run together, computed again only when the meetings change. */
    private Map<Meeting, List<String>> meetingNames() {
        Map<String, Meeting> now = calendar.meetingsByCode();
        if (now != meetingsFor) {
            Map<Meeting, List<String>> out = new java.util.LinkedHashMap<>();
            for (Meeting m : now.values()) {
                List<String> names = new ArrayList<>(List.of(Text.squash(m.code()), Text.squash(m.name())));
                if (m.city() != null) {
                    names.add(Text.squash(m.city()));
                }
                if (m.country() != null) {
                    names.add(Text.squash(m.country()));
                }
                out.put(m, names);
            }
            meetingNames = out;
            meetingsFor = now;
        }
        return meetingNames;
    }

    /** "icann81" or "icann 81" when the calendar holds no such meeting: the code, as members write it. */
    private static String missingMeeting(List<String> w, boolean[] used) {
        for (int i = 0; i < w.size(); i++) {
            String t = w.get(i);
            if (used[i]) {
                continue;
            }
            if (t.length() >= 6 && t.length() <= 8 && t.startsWith("icann") && TimeWords.digits(t.substring(5))) {
                used[i] = true;
                return t.toUpperCase(Locale.ROOT);
            }
            if (t.equals("icann") && i + 1 < w.size() && !used[i + 1] && w.get(i + 1).length() <= 3
                    && TimeWords.digits(w.get(i + 1))) {
                used[i] = true;
                used[i + 1] = true;
                return "ICANN" + w.get(i + 1);
            }
        }
        return null;
    }

    private static boolean sameDigits(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && !Character.isDigit(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && !Character.isDigit(b.charAt(j))) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (a.charAt(i++) != b.charAt(j++)) {
                return false;
            }
        }
    }

    /** The words [from, to) that name a committee, longest first; null when none does. */
    private int[] committee(List<String> w, boolean[] used) {
        String[][] joined = windows(w, 7);
        for (int len = Math.min(7, w.size()); len >= 1; len--) {
            for (int i = 0; i + len <= w.size(); i++) {
                boolean letters = len > 1 && w.subList(i, i + len).stream().allMatch(t -> t.length() == 1);
                if (anyUsed(used, i, i + len) || !letters && (Stopwords.isStopword(w.get(i))
                        || Stopwords.isStopword(w.get(i + len - 1)))) {
                    continue;
                }
                if (committeeNamed(joined[i][len]) != null) {
                    return new int[] {i, i + len};
                }
            }
        }
        return null;
    }

    private Committee calendarCommittee(List<String> w, int[] span) {
        return committeeNamed(String.join("", w.subList(span[0], span[1])));
    }

    /** The committee whose name (run together) is closest to {@code q} within the typo tolerance, or null. */
    private Committee committeeNamed(String q) {
        if (q.length() < 2 || TimeWords.digits(q)) {
            return null;
        }
        String plural = possessive(q);
        Committee best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<Committee, List<String>> entry : committeeNames().entrySet()) {
            for (String name : entry.getValue()) {
                for (String form : q.equals(plural) ? new String[] {q} : new String[] {q, plural}) {
                    int tol = Math.min(Text.tolerance(name.length()), Text.tolerance(form.length()));
                    if (Math.abs(form.length() - name.length()) > tol || !sameDigits(form, name)) {
                        continue;
                    }
                    int d = Text.distance(form, name, tol);
                    if (d <= tol && d < bestDistance) {
                        best = entry.getKey();
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }

    private volatile List<Committee> namesFor;
    private volatile Map<Committee, List<String>> names = Map.of();

    /** Each committee's names run together, computed again only when the committees change. */
    private Map<Committee, List<String>> committeeNames() {
        List<Committee> now = calendar.committees();
        if (now != namesFor) {
            Map<Committee, List<String>> out = new java.util.LinkedHashMap<>();
            for (Committee c : now) {
                out.put(c, names(c));
            }
            names = out;
            namesFor = now;
        }
        return names;
    }

    private static String possessive(String q) {
        return q.length() > 3 && q.endsWith("s") ? q.substring(0, q.length() - 1) : q;
    }

    /** A committee's names, run together: acronym, name, aliases, and names of two words or more without "committee". */
    static List<String> names(Committee c) {
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add(c.acronym());
        all.add(c.name());
        all.addAll(c.aliases());
        // the calendar file's French and Spanish names ("Comité d'examen des lignes directrices") find it too
        all.addAll(c.names().byLanguage().values());
        for (String n : all) {
            out.add(Text.squash(n));
            String folded = Text.normalize(n);
            if (folded.startsWith("ccnso ")) {
                folded = folded.substring(6);
                out.add(Text.squash(folded));
            }
            for (String suffix : COMMITTEE_SUFFIXES) {
                if (folded.endsWith(" " + suffix)) {
                    String stem = folded.substring(0, folded.length() - suffix.length() - 1);
                    if (stem.contains(" ")) {
                        out.add(stem.replace(" ", ""));
                    }
                }
            }
        }
        return out;
    }

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int k = from; k < to; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }

    private static String ordinal(String t) {
        if (t.length() > 2 && Character.isDigit(t.charAt(0))
                && (t.endsWith("st") || t.endsWith("nd") || t.endsWith("rd") || t.endsWith("th"))) {
            return t.substring(0, t.length() - 2);
        }
        return t;
    }
}
