package org.ccnsobot.port;

/** What a platform can do beyond plain text; core degrades gracefully when one is missing. */
public enum Capability {
    /** Direct messages to a single user. */
    DM,
    /** Replies in threads. */
    THREADS,
    /** Structured layouts (embeds, Block Kit) beyond plain text. */
    RICH_LAYOUT,
    /** Replies only the asking user can see. */
    EPHEMERAL,
    /** Time tokens the client renders in each reader's own zone. */
    LOCAL_TIME_TOKENS,
    /** Editing a message after it was sent. */
    EDIT
}
