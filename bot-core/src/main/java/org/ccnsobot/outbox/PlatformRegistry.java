package org.ccnsobot.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.Destination;

/**
 * The platforms running in this process and the channels each declares through {@link ChatPlatform#channel}.
 * {@link ChannelRole#SCHEDULE} falls back to {@link ChannelRole#ANNOUNCEMENTS} where a platform sets none.
 */
public final class PlatformRegistry {
    private final Map<String, ChatPlatform> platforms = new LinkedHashMap<>();

    private PlatformRegistry(Collection<? extends ChatPlatform> running) {
        for (ChatPlatform p : running) {
            if (platforms.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("two running platforms have the id " + p.id());
            }
        }
    }

    public static PlatformRegistry of(Collection<? extends ChatPlatform> running) {
        return new PlatformRegistry(running);
    }

    public Optional<ChatPlatform> platform(String id) {
        return Optional.ofNullable(platforms.get(id));
    }

    public List<ChatPlatform> all() {
        return List.copyOf(platforms.values());
    }

    public Set<String> ids() {
        return java.util.Collections.unmodifiableSet(platforms.keySet());
    }

    /** The platform's channel for the role (blank counts as none), with the schedule role's fallback. */
    public Optional<Destination.Channel> channel(String platformId, ChannelRole role) {
        ChatPlatform p = platforms.get(platformId);
        if (p == null) {
            return Optional.empty();
        }
        Optional<String> id = declared(p, role);
        if (id.isEmpty() && role == ChannelRole.SCHEDULE) {
            id = declared(p, ChannelRole.ANNOUNCEMENTS);
        }
        return id.map(c -> new Destination.Channel(platformId, c));
    }

    /** Every running platform's channel for the role, in platform order. */
    public List<Destination.Channel> channels(ChannelRole role) {
        List<Destination.Channel> out = new ArrayList<>();
        for (String id : platforms.keySet()) {
            channel(id, role).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<String> declared(ChatPlatform p, ChannelRole role) {
        Optional<String> c = p.channel(role);
        return c == null ? Optional.empty() : c.map(String::strip).filter(s -> !s.isEmpty());
    }
}
