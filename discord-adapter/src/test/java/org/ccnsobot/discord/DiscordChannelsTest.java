package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.junit.jupiter.api.Test;

/** Core learns where to post from the platform: Discord answers from its typed settings. */
class DiscordChannelsTest {

    @Test
    void theAnnouncementAndStaffChannelsComeFromTheSettings() throws Exception {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("token", "secret-token-value");
        s.put("guildId", "100000000000000001");
        s.put("announcementChannel", "300000000000000001");
        ChatPlatform p = new DiscordProvider().create(s, new PlatformContext(Clock.systemUTC()));
        assertThat(p.channel(ChannelRole.ANNOUNCEMENTS)).contains("300000000000000001");
        assertThat(p.channel(ChannelRole.STAFF)).isEmpty();
        assertThat(p.channel(ChannelRole.SCHEDULE)).isEmpty();
        s.put("staffChannel", "300000000000000002");
        assertThat(new DiscordProvider().create(s, new PlatformContext(Clock.systemUTC())).channel(ChannelRole.STAFF))
                .contains("300000000000000002");
    }
}
