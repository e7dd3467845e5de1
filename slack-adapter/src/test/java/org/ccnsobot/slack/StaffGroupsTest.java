package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ccnsobot.port.PlatformException;
import org.junit.jupiter.api.Test;

class StaffGroupsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final List<String> lookups = new ArrayList<>();

    private StaffGroups groups(Map<String, Set<String>> members) {
        return new StaffGroups(List.of("S0STAFF", "S0CHAIRS"), id -> {
            lookups.add(id);
            Set<String> users = members.get(id);
            if (users == null) {
                throw new PlatformException("usergroups.users.list failed: no_such_subteam", false);
            }
            return users;
        }, Duration.ofMinutes(5), ticker);
    }

    @Test
    void reportsTheConfiguredGroupsAUserIsInAndCachesTheLookups() {
        StaffGroups g = groups(Map.of("S0STAFF", Set.of("U1", "U2"), "S0CHAIRS", Set.of("U2")));
        assertThat(g.groupsOf("U1")).containsExactly("S0STAFF");
        assertThat(g.groupsOf("U2")).containsExactly("S0STAFF", "S0CHAIRS");
        assertThat(g.groupsOf("U3")).isEmpty();
        assertThat(lookups).containsExactly("S0STAFF", "S0CHAIRS");

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        g.groupsOf("U1");
        assertThat(lookups).hasSize(4);
    }

    @Test
    void verifyNamesTheGroupAndTheSettingThatCannotBeRead() {
        StaffGroups g = groups(Map.of("S0STAFF", Set.of("U1")));
        assertThatThrownBy(g::verify).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.staffGroups").hasMessageContaining("S0CHAIRS")
                .hasMessageContaining("no_such_subteam").hasMessageContaining("usergroups:read");
    }

    @Test
    void aGroupThatFailsLaterGrantsNothing() {
        StaffGroups g = groups(Map.of("S0STAFF", Set.of("U1")));
        assertThat(g.groupsOf("U1")).containsExactly("S0STAFF");
    }
}
