package org.ccnsobot.port;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One chat platform as core sees it. Implementations own every platform rule (acknowledgement deadlines,
 * rate limits, rendering); core never waits on platform timing.
 */
public interface ChatPlatform extends AutoCloseable {

    /** Stable id, equal to the config section that switches the platform on ("discord", "slack", "console"). */
    String id();

    Set<Capability> capabilities();

    /** Connects and starts delivering invocations to the handler. Fails fast with a message naming the setting. */
    void start(InboundHandler handler) throws PlatformException;

    /**
     * Whether the platform is connected now (its gateway, socket or listener is up and not closed). The admin
     * listener's /healthz and the connection-state meter read it; adapters whose link can drop say so here.
     */
    default boolean connected() {
        return true;
    }

    /** Sends a message; the future completes with the platform's reference or fails with a {@link PlatformException}. */
    CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message);

    /**
     * The platform's channel for {@code role}, in its own ids, bound from the adapter's typed settings; empty when
     * the platform has none for that role (core then logs instead of posting, or falls back as the role says).
     */
    default Optional<String> channel(ChannelRole role) {
        return Optional.empty();
    }

    /** How fast core may send here; core's fan-out stays under it. Platforms that say nothing get a gentle default. */
    default SendLimits sendLimits() {
        return SendLimits.CONSERVATIVE;
    }

    /**
     * How fast core may send to one destination (a channel, a user's DMs) here, on top of {@link #sendLimits()}:
     * platforms limit each channel too (Discord about five messages per five seconds, Slack about one a second).
     */
    default SendLimits destinationLimits() {
        return SendLimits.UNLIMITED;
    }

    /**
     * Whether a message sent with {@code idempotencyKey} already landed in {@code destination}, and its reference.
     * The reminder ledger asks this for rows it finds half-sent after a crash, before sending again. Empty means
     * "not found or cannot tell": the ledger then resends with the same key, which a platform that dedupes by key
     * (Discord's nonce) turns into a no-op; Slack reads the recent history here, so its sends never need to look.
     */
    default CompletableFuture<Optional<SentRef>> findDelivered(Destination destination, String idempotencyKey) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * The longest text one message may carry here, in characters. Core splits longer announcements at paragraph
     * boundaries so every part fits, or refuses them naming this limit; it never cuts a word.
     */
    default int maxTextLength() {
        return 4000;
    }

    /**
     * The longest text one paragraph block may carry (Slack's section block takes 3000 characters inside a
     * 40000-character message); core groups paragraphs into blocks that fit.
     */
    default int maxBlockLength() {
        return maxTextLength();
    }

    /** Replaces the text of a message this platform sent. Platforms without {@link Capability#EDIT} cannot. */
    default CompletableFuture<Void> edit(SentRef ref, OutgoingMessage message) {
        return CompletableFuture.failedFuture(new PlatformException(id() + ": this platform cannot edit messages", false));
    }

    /** Deletes a message this platform sent. */
    default CompletableFuture<Void> delete(SentRef ref) {
        return CompletableFuture.failedFuture(new PlatformException(id() + ": this platform cannot edit or delete"
                + " messages", false));
    }

    @Override
    void close();
}
