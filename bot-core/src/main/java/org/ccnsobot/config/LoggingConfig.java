package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code logging: {level: INFO, format: text}}: the level of the bot's own log lines (third-party libraries log
 * WARN and above) and how each line is written, {@code text} or {@code json} (one JSON object a line). The
 * {@code CCNSO_LOG_LEVEL} environment variable, when set, overrides {@code level}.
 */
public record LoggingConfig(String level, Format format) {
    /** The levels, most severe first. */
    public static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    /** How a log line is written. */
    public enum Format { TEXT, JSON }

    public LoggingConfig {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown log level " + level);
        }
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig("INFO", Format.TEXT);
    }

    /** The level {@code text} names (any case), or null when it names none. */
    public static String level(String text) {
        String l = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return LEVELS.contains(l) ? l : null;
    }

    /** This config with {@code CCNSO_LOG_LEVEL} applied when it is set to a level; an unknown value is refused. */
    public LoggingConfig withEnvironment(java.util.function.Function<String, String> environment) throws ConfigException {
        String env = environment.apply("CCNSO_LOG_LEVEL");
        if (env == null || env.isBlank()) {
            return this;
        }
        String l = level(env);
        if (l == null) {
            throw new ConfigException("CCNSO_LOG_LEVEL: '" + env + "' is not a log level (" + String.join(", ", LEVELS) + ")");
        }
        return new LoggingConfig(l, format);
    }

    static LoggingConfig parse(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("logging: must be a mapping like {level: INFO, format: text}, not "
                    + ConfigLoader.describe(node));
        }
        String level = defaults().level();
        Format format = defaults().format();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "logging." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "level" -> {
                    level = v.isTextual() ? level(v.asText()) : null;
                    if (level == null) {
                        throw new ConfigException(path + ": must be one of " + String.join(", ", LEVELS) + ", not "
                                + ConfigLoader.describe(v));
                    }
                }
                case "format" -> {
                    String f = v.isTextual() ? v.asText().strip().toLowerCase(Locale.ROOT) : "";
                    if (f.equals("text")) {
                        format = Format.TEXT;
                    } else if (f.equals("json")) {
                        format = Format.JSON;
                    } else {
                        throw new ConfigException(path + ": must be text or json, not " + ConfigLoader.describe(v));
                    }
                }
                default -> throw new ConfigException("unknown key '" + path + "' (known: level, format)");
            }
        }
        return new LoggingConfig(level, format);
    }
}
