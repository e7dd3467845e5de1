package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Clock;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.ChatPlatform;
import org.ccnsobot.port.PlatformContext;
import org.junit.jupiter.api.Test;

/** Core learns where to post from the platform: Slack answers from its typed settings. */
class SlackChannelsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theAnnouncementAndStaffChannelsComeFromTheSettings() throws Exception {
        ChatPlatform p = new SlackProvider().create(YAML.readTree("botToken: b\nappToken: a\nannouncementChannel: C1\n"
                + "staffChannel: C2\n"), new PlatformContext(Clock.systemUTC()));
        assertThat(p.channel(ChannelRole.ANNOUNCEMENTS)).contains("C1");
        assertThat(p.channel(ChannelRole.STAFF)).contains("C2");
        assertThat(p.channel(ChannelRole.SCHEDULE)).isEmpty();
        ChatPlatform none = new SlackProvider().create(YAML.readTree("botToken: b\nappToken: a\nannouncementChannel: C1\n"),
                new PlatformContext(Clock.systemUTC()));
        assertThat(none.channel(ChannelRole.STAFF)).isEmpty();
    }
}
