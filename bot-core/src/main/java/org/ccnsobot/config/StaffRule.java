package org.ccnsobot.config;

import java.util.List;

/** Who is staff on one platform: listed user ids, or holders of listed role / user-group ids. */
public record StaffRule(List<String> users, List<String> roles) {
    public StaffRule {
        users = users == null ? List.of() : List.copyOf(users);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
