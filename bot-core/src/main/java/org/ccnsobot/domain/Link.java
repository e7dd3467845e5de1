package org.ccnsobot.domain;

import java.util.Objects;

/** A labelled link (a workspace page, a registration form, a recording). */
public record Link(String label, String url) {
    public Link {
        Objects.requireNonNull(url, "url");
        label = label == null || label.isBlank() ? url : label;
    }
}
