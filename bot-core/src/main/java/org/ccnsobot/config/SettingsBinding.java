package org.ccnsobot.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformSettings;

/**
 * Binds a platform's settings view to the adapter's own settings record with Jackson, strictly: unknown keys and
 * wrong types are refused with the key's full path ({@code discord.key}). It lives in core because the port is
 * JDK-only, so both adapters bind the same way without each keeping a copy.
 */
public final class SettingsBinding implements PlatformSettings.Binder {
    /** The one binder core hands adapters with their section. */
    public static final SettingsBinding STRICT = new SettingsBinding();

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private SettingsBinding() {
    }

    @Override
    public <T> T bind(PlatformSettings section, Class<T> type) throws PlatformConfigException {
        String sectionId = section.id();
        try {
            return MAPPER.treeToValue(MAPPER.valueToTree(section.values()), type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " (known: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            throw new PlatformConfigException("unknown key '" + path(sectionId, e) + "'" + known);
        } catch (InvalidFormatException e) {
            throw new PlatformConfigException(path(sectionId, e) + ": '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new PlatformConfigException(path(sectionId, e) + ": wrong type, expected "
                    + (e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName()));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PlatformConfigException(path(sectionId, e) + ": " + cause.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PlatformConfigException(sectionId + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new PlatformConfigException(sectionId + ": " + e.getMessage());
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
