package org.ccnsobot.features.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccnsobot.domain.Link;

import org.ccnsobot.store.StoreException;
/** The small JSON columns (links, aliases). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectReader LINKS =
            MAPPER.readerFor(new TypeReference<List<Map<String, String>>>() { });
    private static final com.fasterxml.jackson.databind.ObjectReader STRINGS =
            MAPPER.readerFor(new TypeReference<List<String>>() { });

    private Json() {
    }

    static String links(List<Link> links) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Link l : links) {
            out.add(Map.of("label", l.label(), "url", l.url()));
        }
        return write(out);
    }

    static List<Link> links(String json) {
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        try {
            List<Map<String, String>> raw = LINKS.readValue(json);
            List<Link> out = new ArrayList<>(raw.size());
            for (Map<String, String> m : raw) {
                out.add(new Link(m.get("label"), m.get("url")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt links column: " + e.getOriginalMessage(), e);
        }
    }

    static String strings(List<String> values) {
        return write(values);
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        try {
            return STRINGS.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt list column: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectReader TEXTS =
            MAPPER.readerFor(new TypeReference<java.util.TreeMap<String, String>>() { });

    /** Translations as a JSON object of language to text, or null when there are none. */
    static String translations(org.ccnsobot.domain.Translations t) {
        return t == null || t.hasNone() ? null : write(t.byLanguage());
    }

    static org.ccnsobot.domain.Translations translations(String json) {
        if (json == null || json.isBlank()) {
            return org.ccnsobot.domain.Translations.NONE;
        }
        try {
            return org.ccnsobot.domain.Translations.of(TEXTS.readValue(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("corrupt translations column: " + e.getMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value, e);
        }
    }
}
