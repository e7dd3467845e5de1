package org.ccnsobot.port;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Optional capability of a {@link ChatPlatform} that can show the calendar in the platform's own event list
 * (Discord's guild scheduled events). Core checks {@code platform instanceof EventMirror} and calls it when an
 * upcoming event is added, edited, moved or cancelled; platforms without such a list simply do not implement it.
 * Both calls are idempotent: upserting an unchanged card or removing an unknown event is harmless.
 */
public interface EventMirror {

    /**
     * Creates the platform event for {@code card.eventId()} or updates the one already mirrored. A card whose status
     * is {@code cancelled} is removed instead. Completes with the platform's id for the event, or null when it was
     * removed. Fails with a {@link PlatformException}; an event that has already started is not mirrored (not
     * transient).
     */
    CompletableFuture<String> upsert(Block.EventCard card);

    /**
     * As {@link #upsert(Block.EventCard)}, with the words the platform adds of its own (a "Committees:" line, "Time
     * to be announced") in {@code locale}'s language: the language of the channel the platform's list is read beside
     * (its announcement channel). Platforms that add no words of their own need not implement it.
     */
    default CompletableFuture<String> upsert(Block.EventCard card, java.util.Locale locale) {
        return upsert(card);
    }

    /** Removes the platform event mirrored for {@code eventId}, if there is one. */
    CompletableFuture<Void> remove(String eventId);

    /**
     * How many events the platform's list can hold for the bot (Discord: 100 per server, less those staff made by
     * hand). Core mirrors the soonest that many, as a window that rolls on as events end. Read after
     * {@link #mirrored()} has completed, so a platform may count what is already listed.
     */
    default int capacity() {
        return Integer.MAX_VALUE;
    }

    /**
     * The calendar ids of the events the platform lists as mirrored now (after a restart, those an earlier run
     * put there), so core can take down those that left the window while it was not running.
     */
    default CompletableFuture<Set<String>> mirrored() {
        return CompletableFuture.completedFuture(Set.of());
    }

}
