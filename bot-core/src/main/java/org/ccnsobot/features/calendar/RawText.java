package org.ccnsobot.features.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccnsobot.domain.Translations;
import org.ccnsobot.i18n.Language;

/**
 * A calendar file's text that may carry translations: a plain string ({@code name: GRC}) is English; a map
 * ({@code name: {en: …, fr: …, es: …}}) gives it in several languages and must hold English, which every reader
 * without a translation falls back to. Read strictly, like the rest of the calendar: a key that is not one of the
 * bot's languages, a value that is not a text, or a map without {@code en} is refused with its line and key.
 */
@JsonDeserialize(using = RawText.Reader.class)
record RawText(String en, Map<String, String> others) {

    static String english(RawText t) {
        return t == null ? null : t.en();
    }

    static Translations translations(RawText t) {
        return t == null ? Translations.NONE : Translations.of(t.others());
    }

    private static final String KNOWN = Arrays.stream(Language.values()).map(Language::code)
            .collect(Collectors.joining(", "));

    static final class Reader extends JsonDeserializer<RawText> {
        @Override
        public RawText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new RawText(p.getText(), Map.of());
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw JsonMappingException.from(p, "must be a text, or a map of language to text ({en: …, fr: …})");
            }
            String en = null;
            Map<String, String> others = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (Arrays.stream(Language.values()).noneMatch(l -> l.code().equals(key))) {
                    throw JsonMappingException.from(p, "'" + key + "' is not a language the bot has (known: "
                            + KNOWN + ")");
                }
                if (value != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                    throw JsonMappingException.from(p, "'" + key + "' needs a text");
                }
                if (key.equals("en")) {
                    en = p.getText().strip();
                } else {
                    others.put(key, p.getText().strip());
                }
            }
            if (en == null) {
                throw JsonMappingException.from(p, "a map of translations needs its English text (en: …)");
            }
            return new RawText(en, Map.copyOf(others));
        }
    }
}
