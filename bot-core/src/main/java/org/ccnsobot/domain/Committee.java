package org.ccnsobot.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A ccNSO committee or working group, known by its acronym, its full name and any aliases. {@code name} and
 * {@code description} are English; {@code names} and {@code descriptions} hold the calendar file's translations.
 */
public record Committee(String acronym, String name, String description, String link, List<String> aliases,
                        Translations names, Translations descriptions) {

    public Committee(String acronym, String name, String description, String link, List<String> aliases) {
        this(acronym, name, description, link, aliases, Translations.NONE, Translations.NONE);
    }

    public Committee {
        Objects.requireNonNull(acronym, "acronym");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        names = names == null ? Translations.NONE : names;
        descriptions = descriptions == null || description == null ? Translations.NONE : descriptions;
    }

    /** The name in the reader's language, else English. */
    public String name(Locale locale) {
        return names.in(locale, name);
    }

    /** The description in the reader's language, else English (null when there is none). */
    public String description(Locale locale) {
        return description == null ? null : descriptions.in(locale, description);
    }
}
