package org.ccnsobot.kernel;

import java.time.Instant;
import java.util.Optional;

/**
 * What a staff member typed into a form that was refused, kept so "Fix it" can open the form again with it, even
 * after a restart (a platform cannot keep a submitted form open, and a button's id is too short to carry an
 * announcement's text). Kept for {@link #KEEP}; only its author can open it.
 */
public interface FormDrafts {
    java.time.Duration KEEP = java.time.Duration.ofDays(7);

    /** Keeps {@code filled} for {@code command}'s form; returns the draft's id. */
    String save(String platform, String userId, String command, FormSpec.Filled filled, Instant now);

    /** The author's draft {@code id} of {@code command}'s form, unless it is older than {@link #KEEP}. */
    Optional<FormSpec.Filled> load(String platform, String userId, String command, String id, Instant now);
}
