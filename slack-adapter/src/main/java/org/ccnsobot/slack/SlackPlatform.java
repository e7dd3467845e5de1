package org.ccnsobot.slack;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.ccnsobot.port.Capability;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.ccnsobot.port.SentRef;

/** The chat port on Slack through Bolt for Java. */
final class SlackPlatform implements ChatPlatform {
    private final SlackSettings settings;
    private final PlatformContext context;

    SlackPlatform(SlackSettings settings, PlatformContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DM, Capability.THREADS, Capability.RICH_LAYOUT, Capability.EPHEMERAL,
                Capability.LOCAL_TIME_TOKENS, Capability.EDIT);
    }

    @Override
    public void start(InboundHandler handler) throws PlatformException {
        throw new PlatformException("the Slack adapter cannot connect yet (mode " + settings.mode()
                + "); see issue 5", false);
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        return CompletableFuture.failedFuture(new PlatformException("the Slack adapter is not connected", false));
    }

    @Override
    public void close() {
        // nothing to release until the adapter connects
    }

    PlatformContext context() {
        return context;
    }
}
