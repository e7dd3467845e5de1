package org.ccnsobot.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML read strictly (a key given twice in one mapping is an error, not "the last one wins"), and its errors
 * worded on one line with their line and column, instead of the parser's multi-line dump.
 */
public final class YamlProblems {
    private static final String DUPLICATE = "Duplicate field '";

    private YamlProblems() {
    }

    /** A YAML mapper that refuses a key given twice. */
    public static ObjectMapper strictMapper() {
        return new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * {@code e} on one line when it is a YAML syntax error ({@code not valid YAML at line 2, column 11: mapping values
     * are not allowed here}) or a key given twice ({@code line 4: the key 'staff.console.users' is given twice; give
     * each key once}), else null.
     */
    public static String describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException pe && pe.getOriginalMessage() != null
                    && pe.getOriginalMessage().startsWith(DUPLICATE)) {
                return duplicate(pe);
            }
            if (t instanceof MarkedYAMLException my) {
                return syntax(my);
            }
        }
        return null;
    }

    private static String duplicate(JsonParseException pe) {
        String key = pe.getOriginalMessage().substring(DUPLICATE.length()).replaceFirst("'$", "");
        JsonParser p = pe.getProcessor();
        if (p != null && p.getParsingContext() != null) {
            String path = path(p.getParsingContext().pathAsPointer());
            if (!path.isEmpty() && path.endsWith(key)) {
                key = path;
            }
        }
        String line = pe.getLocation() == null ? "" : "line " + pe.getLocation().getLineNr() + ": ";
        return line + "the key '" + key + "' is given twice; give each key once";
    }

    /** {@code /events/0/title} as {@code events[0].title}. */
    private static String path(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return sb.toString();
    }

    private static String syntax(MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        String problem = e.getProblem() == null ? "cannot be read" : tidy(e.getProblem());
        boolean tab = e.getProblem() != null && e.getProblem().contains("(TAB)");
        if (tab) {
            problem = "found a tab; YAML is indented with spaces, not tabs";
        }
        StringBuilder sb = new StringBuilder("not valid YAML");
        if (at != null) {
            sb.append(" at line ").append(at.getLine() + 1).append(", column ").append(at.getColumn() + 1);
        }
        sb.append(": ").append(problem);
        if (e.getContext() != null && !tab) {
            sb.append(" (").append(tidy(e.getContext()));
            Mark from = e.getContextMark();
            if (from != null && at != null && from.getLine() != at.getLine()) {
                sb.append(" that starts at line ").append(from.getLine() + 1).append(", column ").append(from.getColumn() + 1);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String tidy(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
