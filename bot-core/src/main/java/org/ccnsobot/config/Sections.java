package org.ccnsobot.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;

/**
 * Binds a platform's config section to the adapter's own settings record, strictly: unknown keys and wrong types
 * are refused with the key's full path ({@code discord.guildId}).
 */
public final class Sections {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private Sections() {
    }

    public static <T> T bind(String sectionId, JsonNode section, Class<T> type) throws ConfigException {
        try {
            return STRICT.treeToValue(section, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " (known: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            throw new ConfigException("unknown key '" + path(sectionId, e) + "'" + known);
        } catch (InvalidFormatException e) {
            throw new ConfigException(path(sectionId, e) + ": '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new ConfigException(path(sectionId, e) + ": wrong type, expected "
                    + (e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName()));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(path(sectionId, e) + ": " + cause.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(sectionId + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(sectionId + ": " + e.getMessage());
        }
    }

    private static String path(String sectionId, JsonMappingException e) {
        StringBuilder sb = new StringBuilder(sectionId);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
