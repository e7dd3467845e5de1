package org.ccnsobot.port;

import java.util.Set;

/**
 * Which pings a message may cause. The default pings nobody; only a staff command that asks for it sets more.
 * Adapters must enforce this with the platform's own mechanism (Discord allowed_mentions, Slack escaping).
 */
public record Mentions(boolean everyone, Set<String> roleIds, Set<String> userIds) {

    public static final Mentions NONE = new Mentions(false, Set.of(), Set.of());

    public Mentions {
        roleIds = Set.copyOf(roleIds);
        userIds = Set.copyOf(userIds);
    }

    public boolean pingsAnyone() {
        return everyone || !roleIds.isEmpty() || !userIds.isEmpty();
    }
}
