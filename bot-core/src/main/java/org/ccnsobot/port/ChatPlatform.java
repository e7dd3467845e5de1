package org.ccnsobot.port;

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

    /** Sends a message; the future completes with the platform's reference or fails with a {@link PlatformException}. */
    CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message);

    @Override
    void close();
}
