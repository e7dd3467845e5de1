package org.ccnsobot.port;

import java.util.Objects;

/** A secret value read from the environment. Its {@code toString} never shows the value, so logging it is safe. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
