package org.ccnsobot.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform's config section as the JDK sees it: a tree of {@link Map} (keys in file order), {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and null. Values written {@code ${NAME}} in the file have already
 * been replaced from the environment by core. Adapters bind this tree into their own typed settings; core never
 * reads an adapter's keys. {@link #bind} turns the tree into the adapter's own settings type, strictly, through the
 * binder core supplies (core has the JSON library; the port stays JDK-only).
 */
public record PlatformSettings(String id, Map<String, Object> values, Binder binder) {

    /** Binds a section into an adapter's settings type: unknown keys and wrong types refused with the key's path. */
    public interface Binder {
        <T> T bind(PlatformSettings section, Class<T> type) throws PlatformConfigException;
    }

    public PlatformSettings {
        Objects.requireNonNull(id, "id");
        values = freeze(values == null ? Map.of() : values);
        Objects.requireNonNull(binder, "binder");
    }

    /** The section as the adapter's own settings record ({@code DiscordSettings}, {@code SlackSettings}, ...). */
    public <T> T bind(Class<T> type) throws PlatformConfigException {
        return binder.bind(this, type);
    }

    /** The top-level value of {@code key}, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The top-level text value of {@code key}; empty when absent or not text. */
    public Optional<String> text(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freeze(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(Objects.requireNonNull(k, "key"), freezeValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeValue(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return freeze((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(item -> out.add(freezeValue(item)));
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("a settings value must be a map, list, text, number or boolean, not "
                + v.getClass().getName());
    }

    /** Never the values: they hold secrets. */
    @Override
    public String toString() {
        return "PlatformSettings[" + id + ", keys=" + values.keySet() + "]";
    }
}
