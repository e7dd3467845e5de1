package org.ccnsobot.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.port.ChatPlatform;

/**
 * A running platform as the reminders see it: where announcements go and where staff are alerted. Either channel
 * may be null (no channel reminders; alerts only logged).
 */
public record Outlet(ChatPlatform platform, String announcementChannel, String staffChannel) {

    public Outlet {
        Objects.requireNonNull(platform, "platform");
        announcementChannel = blankToNull(announcementChannel);
        staffChannel = blankToNull(staffChannel);
    }

    public String id() {
        return platform.id();
    }

    /**
     * The outlets of the running platforms, their channels read from each platform's config section
     * ({@code announcementChannel}, {@code staffChannel}); a platform without a section gets none.
     */
    public static List<Outlet> fromConfig(BotConfig config, Collection<? extends ChatPlatform> running) {
        List<Outlet> out = new ArrayList<>();
        for (ChatPlatform p : running) {
            JsonNode section = config.platforms().get(p.id());
            out.add(new Outlet(p, text(section, "announcementChannel"), text(section, "staffChannel")));
        }
        return out;
    }

    private static String text(JsonNode section, String key) {
        if (section == null) {
            return null;
        }
        JsonNode v = section.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
