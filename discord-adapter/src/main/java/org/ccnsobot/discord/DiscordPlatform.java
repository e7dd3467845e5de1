package org.ccnsobot.discord;

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

/** The chat port on Discord through JDA. */
final class DiscordPlatform implements ChatPlatform {
    private final DiscordSettings settings;
    private final PlatformContext context;

    DiscordPlatform(DiscordSettings settings, PlatformContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public String id() {
        return "discord";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DM, Capability.THREADS, Capability.RICH_LAYOUT, Capability.EPHEMERAL,
                Capability.LOCAL_TIME_TOKENS, Capability.EDIT);
    }

    @Override
    public void start(InboundHandler handler) throws PlatformException {
        throw new PlatformException("the Discord adapter cannot connect yet (guild " + settings.guildId()
                + "); see issue 4", false);
    }

    @Override
    public CompletableFuture<SentRef> send(Destination destination, OutgoingMessage message) {
        return CompletableFuture.failedFuture(new PlatformException("the Discord adapter is not connected", false));
    }

    @Override
    public void close() {
        // nothing to release until the adapter connects
    }

    PlatformContext context() {
        return context;
    }
}
