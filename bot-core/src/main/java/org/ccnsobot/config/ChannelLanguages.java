package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.i18n.Language;

/**
 * The language of each platform channel's posts. A channel entry of a platform section may be written plainly
 * ({@code announcementChannel: "123"}) or with the language its posts are in:
 * {@code announcementChannel: {id: "123", language: fr}}. Core reads the language and hands the adapter the plain
 * form, so adapters know nothing of it; a channel without one posts in the config's {@code language:}.
 */
final class ChannelLanguages {
    private ChannelLanguages() {
    }

    /** Whether {@code key} names one of the channels core posts to ({@code announcementChannel}, ...). */
    private static boolean channelKey(String key) {
        return key.endsWith("Channel");
    }

    /** Checks every channel entry written with a language; a mistake is one line naming the entry. */
    static void check(String platform, JsonNode section) throws ConfigException {
        Iterator<Map.Entry<String, JsonNode>> it = section.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!channelKey(e.getKey()) || !e.getValue().isObject()) {
                continue;
            }
            String where = platform + "." + e.getKey();
            Iterator<String> names = e.getValue().fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!n.equals("id") && !n.equals("language")) {
                    throw new ConfigException(where + ": unknown key '" + n + "' (known keys: id, language)");
                }
            }
            JsonNode id = e.getValue().get("id");
            if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
                throw new ConfigException(where + ": needs id, the channel's id (" + where + ": {id: ..., language: fr})");
            }
            JsonNode language = e.getValue().get("language");
            if (language != null) {
                if (!language.isTextual()) {
                    throw new ConfigException(where + ".language: must be a language code (en, fr or es), not "
                            + ConfigLoader.describe(language));
                }
                ConfigLoader.language(where + ".language", language.asText());
            }
        }
    }

    /** The section as its adapter reads it: every channel entry as its plain id. */
    static JsonNode plain(JsonNode section) {
        if (section == null || !section.isObject()) {
            return section;
        }
        ObjectNode out = null;
        Iterator<Map.Entry<String, JsonNode>> it = section.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (channelKey(e.getKey()) && e.getValue().isObject() && e.getValue().has("id")) {
                if (out == null) {
                    out = section.deepCopy();
                }
                out.set(e.getKey(), e.getValue().get("id"));
            }
        }
        return out == null ? section : out;
    }

    /** Channel id to language, for the entries that name one (checked by {@link #check} when the config was read). */
    static Map<String, Language> of(JsonNode section) {
        Map<String, Language> out = new LinkedHashMap<>();
        if (section == null || !section.isObject()) {
            return out;
        }
        section.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (channelKey(e.getKey()) && v.isObject() && v.has("id") && v.has("language")) {
                Optional<Language> l = Language.choice(v.get("language").asText().strip());
                l.ifPresent(language -> out.putIfAbsent(v.get("id").asText(), language));
            }
        });
        return out;
    }
}
