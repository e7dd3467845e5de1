package org.ccnsobot.kernel;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.ccnsobot.domain.Committee;

/** A command's validated option values, by option name, already converted to their types. */
public record Args(Map<String, Object> values) {

    public Args {
        values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public String requireText(String name) {
        return text(name).orElseThrow(() -> new IllegalStateException("option " + name + " was validated as required"));
    }

    public Optional<ZoneId> zone(String name) {
        return Optional.ofNullable((ZoneId) values.get(name));
    }

    public Optional<LocalDate> date(String name) {
        return Optional.ofNullable((LocalDate) values.get(name));
    }

    public Optional<Duration> duration(String name) {
        return Optional.ofNullable((Duration) values.get(name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<Committee> committee(String name) {
        return Optional.ofNullable((Committee) values.get(name));
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }
}
