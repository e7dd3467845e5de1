package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.port.PlatformSettings;

/** Turns a platform's (already environment-resolved) YAML section into the port's JDK-only settings view. */
final class SettingsTree {

    private SettingsTree() {
    }

    static PlatformSettings of(String id, JsonNode section) {
        if (section == null || section.isNull() || section.isMissingNode()) {
            return new PlatformSettings(id, Map.of(), SettingsBinding.STRICT);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) value(section);
        return new PlatformSettings(id, values, SettingsBinding.STRICT);
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.forEach(item -> out.add(value(item)));
            return out;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
