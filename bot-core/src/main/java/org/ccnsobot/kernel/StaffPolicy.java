package org.ccnsobot.kernel;

import java.util.Map;
import org.ccnsobot.config.StaffRule;
import org.ccnsobot.port.Actor;

/** Decides who is staff, from config: adapters only report ids and roles, they never decide. */
public final class StaffPolicy {
    private final Map<String, StaffRule> rules;

    public StaffPolicy(Map<String, StaffRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public boolean isStaff(Actor actor) {
        StaffRule rule = rules.get(actor.platform());
        if (rule == null) {
            return false;
        }
        if (rule.users().contains(actor.userId())) {
            return true;
        }
        for (String role : actor.roles()) {
            if (rule.roles().contains(role)) {
                return true;
            }
        }
        return false;
    }
}
