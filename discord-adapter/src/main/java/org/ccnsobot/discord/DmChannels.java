package org.ccnsobot.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * The DM channel of each member the bot has written to, kept so a later DM costs one request instead of two. JDA
 * caches a DM channel only through its user, and the bot caches no users, so without this every DM opens its
 * channel again ({@code POST /users/@me/channels}); JDA sends those one at a time (the route has one bucket per bot),
 * so on a network round trip of 80 ms a fan-out could open no more than about 10 a second. A member's DM channel
 * does not change; one Discord no longer knows (Unknown Channel) is forgotten and opened again, once.
 */
final class DmChannels {
    private static final int KEPT = 10_000;

    private final Map<String, PrivateChannel> byUser = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrivateChannel> eldest) {
            return size() > KEPT;
        }
    };

    /** Runs {@code action} on the user's DM channel, opening it first unless it is known. */
    <T> CompletableFuture<T> with(JDA jda, String userId, Function<MessageChannel, CompletableFuture<T>> action) {
        PrivateChannel known;
        synchronized (byUser) {
            known = byUser.get(userId);
        }
        if (known == null || known.getJDA() != jda) {
            return open(jda, userId).thenCompose(action);
        }
        return action.apply(known).exceptionallyCompose(e -> {
            if (!Failures.is(e, ErrorResponse.UNKNOWN_CHANNEL)) {
                return CompletableFuture.failedFuture(e);
            }
            forget(userId, known);
            return open(jda, userId).thenCompose(action);
        });
    }

    private CompletableFuture<MessageChannel> open(JDA jda, String userId) {
        return jda.openPrivateChannelById(userId).submit().thenApply(channel -> {
            synchronized (byUser) {
                byUser.put(userId, channel);
            }
            return channel;
        });
    }

    private void forget(String userId, PrivateChannel stale) {
        synchronized (byUser) {
            byUser.remove(userId, stale);
        }
    }

    void clear() {
        synchronized (byUser) {
            byUser.clear();
        }
    }
}
