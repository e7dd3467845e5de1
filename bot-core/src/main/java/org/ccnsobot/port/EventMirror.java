package org.ccnsobot.port;

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

    /** Removes the platform event mirrored for {@code eventId}, if there is one. */
    CompletableFuture<Void> remove(String eventId);
}
