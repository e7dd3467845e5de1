// Over 500 lines on purpose: one strict loader, so every section's keys meet the same rules (unknown or repeated key, type, range) with the same one-line reasons; the sections' records stay plain.
package org.ccnsobot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;

/**
 * Reads {@code ccnso-bot.yaml}. Core keys are read here; every other top-level key must be the id of a platform
 * provider found on the class path, which validates its own section. {@code ${NAME}} values are replaced from the
 * environment, and a key that holds a secret (its name contains token, secret or password) must be written that
 * way: a literal secret in the file is refused.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YamlProblems.strictMapper();
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password).*");
    private static final Duration MAX_OFFSET = Duration.ofDays(30);
    static final Set<String> CORE_KEYS = Set.of("database", "calendar", "timezone", "staff", "reminders", "updates",
            "feeds", "digest", "logging", "sources", "admin", "language");

    private final Map<String, PlatformProvider> providers;
    private final Function<String, String> environment;

    /**
     * Loads and initialises the YAML parser and Jackson's tree ahead of the first {@link #load}, by reading a
     * one-line document: for a start that has a moment to spare (the app's main thread, while logging starts on
     * another). Logs nothing and cannot fail in a way {@link #load} would not report again.
     */
    public static void preload() {
        try {
            YAML.readTree("preload: true\n");
        } catch (java.io.IOException | RuntimeException e) {
            // load reads the real file and reports what is wrong with it
        }
    }

    public ConfigLoader(List<PlatformProvider> providers, Function<String, String> environment) {
        Map<String, PlatformProvider> byId = new LinkedHashMap<>();
        for (PlatformProvider p : providers) {
            byId.put(p.id(), p);
        }
        this.providers = byId;
        this.environment = environment;
    }

    /** Reads and validates a config file. */
    public BotConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return parse(text, file);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates config text; {@code source} is only recorded. */
    public BotConfig parse(String text, Path source) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String problem = YamlProblems.describe(e);
            if (problem != null) {
                throw new ConfigException(problem);
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException("not valid YAML" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException("the top level must be a mapping of keys");
        }
        BotConfig d = BotConfig.defaults();
        Path database = d.database();
        Path calendar = d.calendar();
        ZoneId zone = d.timezone();
        Map<String, StaffRule> staff = d.staff();
        RemindersConfig reminders = d.reminders();
        Map<String, JsonNode> platforms = new LinkedHashMap<>();
        UpdatesConfig updates = UpdatesConfig.defaults();
        FeedsConfig feeds = null;
        DigestConfig digest = null;
        LoggingConfig logging = null;
        List<SourceConfig> sources = List.of();
        AdminConfig admin = null;
        org.ccnsobot.i18n.Language language = org.ccnsobot.i18n.Language.EN;

        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "database" -> database = Path.of(text(key, value));
                case "calendar" -> calendar = Path.of(text(key, value));
                case "timezone" -> zone = zone(key, text(key, value));
                case "staff" -> staff = staff(value);
                case "reminders" -> reminders = reminders(value);
                case "updates" -> updates = updates(value);
                case "feeds" -> feeds = feeds(value);
                case "digest" -> digest = digest(value, zone);
                case "logging" -> logging = LoggingConfig.parse(value);
                case "sources" -> sources = SourcesSection.read(value);
                case "admin" -> admin = admin(value);
                case "language" -> language = language(key, text(key, value));
                default -> {
                    PlatformProvider provider = providers.get(key);
                    if (provider == null) {
                        Set<String> known = new TreeSet<>(CORE_KEYS);
                        known.addAll(providers.keySet());
                        throw new ConfigException("unknown key '" + key + "' (known keys: " + String.join(", ", known) + ")");
                    }
                    if (!value.isObject()) {
                        throw new ConfigException(key + ": must be a mapping of settings");
                    }
                    JsonNode resolved = resolveEnvironment(key, value.deepCopy());
                    ChannelLanguages.check(key, resolved);
                    try {
                        provider.validate(SettingsTree.of(key, ChannelLanguages.plain(resolved)));
                    } catch (PlatformConfigException ex) {
                        throw new ConfigException(ex.getMessage(), ex);
                    }
                    platforms.put(key, resolved);
                }
            }
        }
        if (digest != null && root.get("digest").get("zone") == null) {
            digest = new DigestConfig(digest.weekday(), digest.time(), zone);  // the bot's zone, read after it
        }
        return new BotConfig(database, calendar, zone, staff, reminders, platforms, source, updates, feeds, digest,
                logging, sources, admin, language);
    }

    /**
     * Builds the platform {@code provider} names from its section of {@code config}, reporting a problem in the
     * section as a {@link ConfigException} worded as check-config words it.
     */
    public static ChatPlatform create(PlatformProvider provider, BotConfig config, PlatformContext context)
            throws ConfigException {
        try {
            return provider.create(config.platform(provider.id()), context);
        } catch (PlatformConfigException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** The secret values of {@code config}'s platform sections (as read from the environment), for log masking. */
    public static List<String> secretValues(BotConfig config) {
        List<String> out = new ArrayList<>();
        config.platforms().values().forEach(node -> collectSecrets(node, out));
        return out;
    }

    private static void collectSecrets(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(e -> {
            if (SECRET_KEY.matcher(e.getKey()).matches() && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                out.add(e.getValue().asText());
            } else if (e.getValue().isContainerNode()) {
                collectSecrets(e.getValue(), out);
            }
        });
    }

    private JsonNode resolveEnvironment(String path, JsonNode node) throws ConfigException {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = obj.get(name);
                String childPath = path + "." + name;
                if (SECRET_KEY.matcher(name).matches() && !child.isNull()
                        && !(child.isTextual() && ENV_REF.matcher(child.asText().trim()).matches())) {
                    throw new ConfigException(childPath + ": secrets come from the environment, never from the file;"
                            + " write it as ${ENV_VARIABLE}");
                }
                obj.set(name, resolveEnvironment(childPath, child));
            }
            return obj;
        }
        if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, resolveEnvironment(path + "[" + i + "]", arr.get(i)));
            }
            return arr;
        }
        if (node.isTextual()) {
            Matcher m = ENV_REF.matcher(node.asText());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                if (value == null || value.isEmpty()) {
                    throw new ConfigException(path + ": environment variable " + m.group(1) + " is not set");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return TextNode.valueOf(sb.toString());
        }
        return node;
    }

    private static String text(String key, JsonNode value) throws ConfigException {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigException(key + ": must be a non-empty text value, not " + describe(value));
        }
        return value.asText();
    }

    /** One of the languages members may choose, by its code; anything else is refused with the list. */
    static org.ccnsobot.i18n.Language language(String key, String text) throws ConfigException {
        String code = text.strip();
        return org.ccnsobot.i18n.Language.choice(code).filter(l -> l.code().equals(code))
                .orElseThrow(() -> new ConfigException(key + ": '" + code + "' is not a language the bot has (known: "
                        + String.join(", ", org.ccnsobot.i18n.Language.choices().stream()
                        .map(org.ccnsobot.i18n.Language::code).toList()) + ")"));
    }

    private static ZoneId zone(String key, String text) throws ConfigException {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new ConfigException(key + ": '" + text + "' is not an IANA time zone (like Europe/Brussels or UTC)");
        }
    }

    private static Map<String, StaffRule> staff(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("staff: must map a platform id to {users: [...], roles: [...]}, not " + describe(node));
        }
        Map<String, StaffRule> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "staff." + e.getKey();
            if (!e.getValue().isObject()) {
                throw new ConfigException(path + ": must be a mapping with users and/or roles, not " + describe(e.getValue()));
            }
            List<String> users = List.of();
            List<String> roles = List.of();
            Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields();
            while (f.hasNext()) {
                Map.Entry<String, JsonNode> g = f.next();
                switch (g.getKey()) {
                    case "users" -> users = stringList(path + ".users", g.getValue());
                    case "roles" -> roles = stringList(path + ".roles", g.getValue());
                    default -> throw new ConfigException("unknown key '" + path + "." + g.getKey() + "' (known: users, roles)");
                }
            }
            out.put(e.getKey(), new StaffRule(users, roles));
        }
        return out;
    }

    private static RemindersConfig reminders(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("reminders: must be a mapping, not " + describe(node));
        }
        RemindersConfig d = RemindersConfig.defaults();
        List<Duration> offsets = d.offsets();
        Map<String, List<Duration>> byKind = new LinkedHashMap<>();
        int maxAttempts = d.maxAttempts();
        String morning = d.dateOnlyMorning();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "reminders." + e.getKey();
            switch (e.getKey()) {
                case "offsets" -> offsets = offsets(path, e.getValue());
                case "byKind" -> {
                    if (!e.getValue().isObject()) {
                        throw new ConfigException(path + ": must map an event kind to a list of offsets");
                    }
                    Iterator<Map.Entry<String, JsonNode>> k = e.getValue().fields();
                    while (k.hasNext()) {
                        Map.Entry<String, JsonNode> kind = k.next();
                        byKind.put(kind.getKey(), offsets(path + "." + kind.getKey(), kind.getValue()));
                    }
                }
                case "maxAttempts" -> {
                    if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()
                            || e.getValue().asInt() < 1 || e.getValue().asInt() > 100) {
                        throw new ConfigException(path + ": must be a whole number from 1 to 100, not " + describe(e.getValue()));
                    }
                    maxAttempts = e.getValue().asInt();
                }
                case "dateOnlyMorning" -> {
                    morning = text(path, e.getValue());
                    try {
                        LocalTime.parse(morning);
                    } catch (DateTimeParseException ex) {
                        throw new ConfigException(path + ": '" + morning + "' is not a time of day like 08:00");
                    }
                }
                default -> throw new ConfigException("unknown key '" + path
                        + "' (known: offsets, byKind, maxAttempts, dateOnlyMorning)");
            }
        }
        return new RemindersConfig(offsets, byKind, maxAttempts, morning);
    }

    /** {@code digest: {weekday: MONDAY, time: "09:00", zone: UTC}}; the zone defaults to the bot's timezone. */
    private static DigestConfig digest(JsonNode node, ZoneId defaultZone) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("digest: must be a mapping like {weekday: MONDAY, time: \"09:00\", zone: UTC},"
                    + " not " + describe(node));
        }
        java.time.DayOfWeek weekday = null;
        LocalTime time = null;
        ZoneId zone = defaultZone;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "digest." + e.getKey();
            switch (e.getKey()) {
                case "weekday" -> {
                    String w = text(path, e.getValue()).strip().toUpperCase(java.util.Locale.ROOT);
                    try {
                        weekday = java.time.DayOfWeek.valueOf(w);
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(path + ": '" + e.getValue().asText()
                                + "' is not a weekday (MONDAY to SUNDAY)");
                    }
                }
                case "time" -> {
                    String t = text(path, e.getValue());
                    try {
                        time = LocalTime.parse(t.strip());
                    } catch (DateTimeParseException ex) {
                        throw new ConfigException(path + ": '" + t + "' is not a time of day like 09:00");
                    }
                }
                case "zone" -> zone = zone(path, text(path, e.getValue()));
                default -> throw new ConfigException("unknown key '" + path + "' (known: weekday, time, zone)");
            }
        }
        if (weekday == null) {
            throw new ConfigException("digest.weekday: is missing (like MONDAY)");
        }
        if (time == null) {
            throw new ConfigException("digest.time: is missing (like \"09:00\")");
        }
        return new DigestConfig(weekday, time, zone);
    }

    private static UpdatesConfig updates(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("updates: must be a mapping, not " + describe(node));
        }
        Duration staleAfter = UpdatesConfig.defaults().staleAfter();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "updates." + e.getKey();
            if (!e.getKey().equals("staleAfter")) {
                throw new ConfigException("unknown key '" + path + "' (known: staleAfter)");
            }
            try {
                staleAfter = Durations.parse(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString(), 'd');
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(path + ": " + ex.getMessage());
            }
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw new ConfigException(path + ": must be positive, like 90d");
            }
        }
        return new UpdatesConfig(staleAfter);
    }

    private static FeedsConfig feeds(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("feeds: must be a mapping with port (and bind, publicUrl), not " + describe(node));
        }
        String bind = "127.0.0.1";
        Integer port = null;
        String publicUrl = null;
        Duration refresh = FeedsConfig.DEFAULT_REFRESH;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "feeds." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "port" -> {
                    if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 65535) {
                        throw new ConfigException(path + ": must be a port number from 1 to 65535, not " + describe(v));
                    }
                    port = v.asInt();
                }
                case "bind" -> bind = text(path, v);
                case "publicUrl" -> {
                    publicUrl = text(path, v);
                    if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
                        throw new ConfigException(path + ": must be an http(s) address, not '" + publicUrl + "'");
                    }
                }
                case "refresh" -> {
                    try {
                        refresh = Durations.parse(v.isTextual() ? v.asText() : v.toString(), 'm');
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(path + ": " + ex.getMessage());
                    }
                    if (refresh.compareTo(Duration.ofMinutes(1)) < 0 || refresh.compareTo(Duration.ofDays(7)) > 0) {
                        throw new ConfigException(path + ": must be from 1m to 7d, like 1h, not '" + v.asText() + "'");
                    }
                }
                default -> throw new ConfigException("unknown key '" + path
                        + "' (known: port, bind, publicUrl, refresh)");
            }
        }
        if (port == null) {
            throw new ConfigException("feeds.port: is required (the port the feed server listens on)");
        }
        return new FeedsConfig(bind, port, publicUrl, refresh);
    }

    /** {@code admin: {port: 9464, bind: 127.0.0.1}}: the /healthz and /metrics listener; port 0 takes a free one. */
    private static AdminConfig admin(JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException("admin: must be a mapping like {port: 9464}, not " + describe(node));
        }
        String bind = AdminConfig.DEFAULT_BIND;
        Integer port = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "admin." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "port" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 65535) {
                        throw new ConfigException(path + ": must be a port number from 1 to 65535 (or 0 for any free"
                                + " port), not " + describe(v));
                    }
                    port = v.asInt();
                }
                case "bind" -> bind = text(path, v).strip();
                default -> throw new ConfigException("unknown key '" + path + "' (known: port, bind)");
            }
        }
        if (port == null) {
            throw new ConfigException("admin.port: is required (the port /healthz and /metrics listen on, like 9464)");
        }
        return new AdminConfig(bind, port);
    }

    private static List<Duration> offsets(String path, JsonNode node) throws ConfigException {
        if (!node.isArray()) {
            throw new ConfigException(path + ": must be a list of durations like [24h, 1h], not " + describe(node));
        }
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = node.get(i);
            Duration d;
            try {
                d = Durations.parse(item.isTextual() ? item.asText() : item.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(itemPath + ": " + e.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(itemPath + ": a reminder offset must be positive, not " + item.asText());
            }
            if (d.compareTo(MAX_OFFSET) > 0) {
                throw new ConfigException(itemPath + ": a reminder offset must be at most 30 days, not " + item.asText());
            }
            out.add(d);
        }
        return out;
    }

    private static List<String> stringList(String path, JsonNode node) throws ConfigException {
        if (!node.isArray()) {
            throw new ConfigException(path + ": must be a list, not " + describe(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!(item.isTextual() || item.isIntegralNumber())) {
                throw new ConfigException(path + "[" + i + "]: must be a text id, not " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "empty";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the value " + node.asText();
        }
        return "'" + node.asText() + "'";
    }
}
