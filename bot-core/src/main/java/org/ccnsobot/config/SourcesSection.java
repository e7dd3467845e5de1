package org.ccnsobot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code sources:} list; kept apart from {@link ConfigLoader} so that class only gains one line for it. */
final class SourcesSection {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private SourcesSection() {
    }

    static List<SourceConfig> read(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException("sources: must be a list of {name, url, meeting, every, committees, timeout}, not "
                    + ConfigLoader.describe(node));
        }
        List<SourceConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            SourceConfig s = one("sources[" + i + "]", node.get(i));
            if (!names.add(s.name().toLowerCase(Locale.ROOT))) {
                throw new ConfigException("sources[" + i + "].name: '" + s.name() + "' is used by another source");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static SourceConfig one(String path, JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(path + ": must be a mapping with name and url, not " + ConfigLoader.describe(node));
        }
        String name = null;
        URI url = null;
        String meeting = null;
        Duration every = SourceConfig.DEFAULT_EVERY;
        Duration timeout = SourceConfig.DEFAULT_TIMEOUT;
        List<SourceConfig.CommitteeRule> rules = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "name" -> {
                    name = text(p, v).strip();
                    if (!NAME.matcher(name).matches()) {
                        throw new ConfigException(p + ": '" + name + "' must be letters, digits, spaces, '.', '_' or"
                                + " '-', at most 64");
                    }
                }
                case "url" -> url = url(p, text(p, v).strip());
                case "meeting" -> meeting = text(p, v).strip();
                case "every" -> every = every(p, v);
                case "committees" -> rules = rules(p, v);
                case "timeout" -> timeout = timeout(p, v);
                default -> throw new ConfigException("unknown key '" + p
                        + "' (known: name, url, meeting, every, committees, timeout)");
            }
        }
        if (name == null) {
            throw new ConfigException(path + ".name: is required (how staff name the source in sync and sources)");
        }
        if (url == null) {
            throw new ConfigException(path + ".url: is required (an http, https or file address of an .ics)");
        }
        return new SourceConfig(name, url, meeting, every, rules, timeout);
    }

    private static String text(String path, JsonNode v) throws ConfigException {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ConfigException(path + ": must be a non-empty text value, not " + ConfigLoader.describe(v));
        }
        return v.asText();
    }

    private static URI url(String path, String text) throws ConfigException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException(path + ": '" + text + "' is not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        boolean file = scheme.equals("file") && uri.getPath() != null && !uri.getPath().isEmpty();
        if (!web && !file) {
            throw new ConfigException(path + ": '" + text + "' must be an http, https or file address");
        }
        return uri;
    }

    private static Duration timeout(String path, JsonNode v) throws ConfigException {
        Duration d;
        try {
            d = Durations.parse(v.isTextual() ? v.asText() : v.toString(), 's');
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
        if (d.compareTo(SourceConfig.MIN_TIMEOUT) < 0 || d.compareTo(SourceConfig.MAX_TIMEOUT) > 0) {
            throw new ConfigException(path + ": must be from 1s to 5m, not " + v.asText());
        }
        return d;
    }

    private static Duration every(String path, JsonNode v) throws ConfigException {
        Duration d;
        try {
            d = Durations.parse(v.isTextual() ? v.asText() : v.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
        if (d.compareTo(SourceConfig.MIN_EVERY) < 0) {
            throw new ConfigException(path + ": must be at least 1m, not " + v.asText());
        }
        return d;
    }

    private static List<SourceConfig.CommitteeRule> rules(String path, JsonNode v) throws ConfigException {
        if (!v.isObject()) {
            throw new ConfigException(path + ": must map a pattern to a committee acronym (or a list of them), like"
                    + " {\"Tech Day\": TECH}, not " + ConfigLoader.describe(v));
        }
        List<SourceConfig.CommitteeRule> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            Pattern pattern;
            try {
                pattern = Pattern.compile(e.getKey(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException ex) {
                throw new ConfigException(p + ": '" + e.getKey() + "' is not a valid pattern: " + ex.getDescription());
            }
            List<String> acronyms = new ArrayList<>();
            JsonNode value = e.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    acronyms.add(text(p + "[" + i + "]", value.get(i)).strip());
                }
            } else {
                acronyms.add(text(p, value).strip());
            }
            if (acronyms.isEmpty()) {
                throw new ConfigException(p + ": names no committee");
            }
            out.add(new SourceConfig.CommitteeRule(pattern, acronyms));
        }
        return out;
    }
}
