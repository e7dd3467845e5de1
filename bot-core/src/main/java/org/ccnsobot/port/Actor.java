package org.ccnsobot.port;

import java.util.Objects;
import java.util.Set;

/**
 * Who asked. {@code roles} holds what the permission policy needs: Discord role ids, Slack user-group ids.
 * Core, not the adapter, decides from config whether the actor is staff.
 */
public record Actor(String platform, String userId, String displayName, Set<String> roles) {

    public Actor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        displayName = displayName == null ? userId : displayName;
        roles = Set.copyOf(roles);
    }
}
