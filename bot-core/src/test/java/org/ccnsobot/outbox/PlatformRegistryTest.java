package org.ccnsobot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Destination;
import org.ccnsobot.testing.RecordingPlatform;
import org.junit.jupiter.api.Test;

/** Channels come from each platform's own answer; the schedule role falls back to announcements. */
class PlatformRegistryTest {
    private final RecordingPlatform disc = new RecordingPlatform("disc", Clock.systemUTC())
            .withChannel(ChannelRole.ANNOUNCEMENTS, "news").withChannel(ChannelRole.STAFF, "staff")
            .withChannel(ChannelRole.SCHEDULE, "changes");
    private final RecordingPlatform slk = new RecordingPlatform("slk", Clock.systemUTC())
            .withChannel(ChannelRole.ANNOUNCEMENTS, "C-NEWS").withChannel(ChannelRole.STAFF, "  ");

    @Test
    void channelsAreReadThroughThePortWithTheScheduleFallback() {
        PlatformRegistry r = PlatformRegistry.of(List.of(disc, slk));
        assertThat(r.ids()).containsExactly("disc", "slk");
        assertThat(r.channel("disc", ChannelRole.SCHEDULE)).contains(new Destination.Channel("disc", "changes"));
        assertThat(r.channel("slk", ChannelRole.SCHEDULE)).contains(new Destination.Channel("slk", "C-NEWS"));
        assertThat(r.channel("slk", ChannelRole.STAFF)).isEmpty();
        assertThat(r.channel("nope", ChannelRole.ANNOUNCEMENTS)).isEmpty();
        assertThat(r.channels(ChannelRole.ANNOUNCEMENTS)).containsExactly(new Destination.Channel("disc", "news"),
                new Destination.Channel("slk", "C-NEWS"));
        assertThat(r.channels(ChannelRole.STAFF)).containsExactly(new Destination.Channel("disc", "staff"));
    }

    @Test
    void twoPlatformsWithOneIdAreRefused() {
        assertThatThrownBy(() -> PlatformRegistry.of(List.of(disc, new RecordingPlatform("disc", Clock.systemUTC()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disc");
    }
}
