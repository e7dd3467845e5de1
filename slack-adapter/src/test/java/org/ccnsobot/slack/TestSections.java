package org.ccnsobot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.ccnsobot.port.PlatformSettings;

/** A config section written as JSON in a test, handed to the provider as core hands it: the port's JDK-only view. */
final class TestSections {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSections() {
    }

    @SuppressWarnings("unchecked")
    static PlatformSettings of(JsonNode section) {
        return new PlatformSettings("slack", JSON.convertValue(section, Map.class),
                org.ccnsobot.config.SettingsBinding.STRICT);
    }
}
