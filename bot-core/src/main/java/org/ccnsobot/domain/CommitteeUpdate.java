package org.ccnsobot.domain;

import java.time.Instant;
import java.util.Objects;

/** A committee's status update as staff posted it (or as the newsletter printed it). */
public record CommitteeUpdate(long id, String committee, Instant postedAt, String author, String text) {
    public CommitteeUpdate {
        Objects.requireNonNull(committee, "committee");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(text, "text");
    }
}
