package org.ccnsobot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.ccnsobot.port.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the configured user groups a member belongs to. Core turns those group ids into staff rights; the
 * adapter only reports membership. Membership is cached because every command would otherwise cost one
 * usergroups.users.list call per configured group.
 */
final class StaffGroups {
    private static final Logger LOG = LoggerFactory.getLogger(StaffGroups.class);

    /** Reads one group's members from Slack. */
    @FunctionalInterface
    interface Members {
        Set<String> of(String groupId) throws PlatformException;
    }

    private final List<String> groupIds;
    private final LoadingCache<String, Set<String>> members;

    StaffGroups(List<String> groupIds, Members source, Duration ttl, Ticker ticker) {
        this.groupIds = List.copyOf(groupIds);
        this.members = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(ttl)
                .maximumSize(1_000)
                .build(id -> {
                    try {
                        return Set.copyOf(source.of(id));
                    } catch (PlatformException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /** Reads every configured group once, so a group the bot cannot see stops the start instead of a command. */
    void verify() throws PlatformException {
        for (String id : groupIds) {
            try {
                members.get(id);
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new PlatformException("slack.staffGroups: user group " + id + " cannot be read ("
                        + cause.getMessage() + "); check the id and that the app has the usergroups:read scope",
                        false, cause);
            }
        }
    }

    /** The configured groups the user is in. A group that cannot be read now grants nothing: fail closed. */
    Set<String> groupsOf(String userId) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : groupIds) {
            try {
                if (members.get(id).contains(userId)) {
                    out.add(id);
                }
            } catch (CompletionException e) {
                LOG.warn("slack.staffGroups: user group {} cannot be read now ({}); treating {} as not in it", id,
                        e.getCause() == null ? e : e.getCause().getMessage(), userId);
            }
        }
        return out;
    }

    /** Forgets what was read, e.g. after Slack says a group changed. */
    void invalidate() {
        members.invalidateAll();
    }
}
