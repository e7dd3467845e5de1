package org.ccnsobot.domain;

import java.util.List;
import java.util.Objects;

/** A ccNSO committee or working group, known by its acronym, its full name and any aliases. */
public record Committee(String acronym, String name, String description, String link, List<String> aliases) {

    public Committee {
        Objects.requireNonNull(acronym, "acronym");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
