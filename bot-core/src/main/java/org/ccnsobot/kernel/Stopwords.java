package org.ccnsobot.kernel;

import java.util.Set;

/** Words that carry the question's shape rather than what is asked about. */
public final class Stopwords {
    private static final Set<String> WORDS = Set.of(
            "a", "an", "the", "is", "are", "was", "were", "be", "will", "when", "whens", "what", "whats", "which",
            "where", "wheres", "who", "how", "on", "at", "in", "of", "for", "to", "and", "or", "with", "about", "does",
            "do", "did", "there", "theres", "any", "anything", "i", "me", "my", "we", "our", "you", "can", "could",
            "please", "tell", "show", "give", "list", "find", "start", "starts", "starting", "begin", "begins", "held",
            "happening", "happen", "going", "scheduled", "planned", "time", "times"
    );

    private Stopwords() {
    }

    public static boolean isStopword(String word) {
        return WORDS.contains(word);
    }
}
