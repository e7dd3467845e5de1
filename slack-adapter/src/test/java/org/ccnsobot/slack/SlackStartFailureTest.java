package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start that cannot succeed fails at once, naming the setting to fix; nothing is left running. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlackStartFailureTest {
    private FakeSlack fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSlack();
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    private SlackPlatform platform(List<String> groups) {
        return new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, groups),
                new PlatformContext(Clock.systemUTC()));
    }

    @Test
    void aRefusedBotTokenNamesSlackBotToken() {
        fake.answer("auth.test", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"invalid_auth\"}"));
        SlackPlatform p = platform(List.of());
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.botToken").hasMessageContaining("invalid_auth")
                .hasMessageNotContaining("xoxb-test-bot")
                .matches(e -> !((PlatformException) e).isTransient());
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    @Test
    void aRefusedAppTokenNamesSlackAppToken() {
        fake.answer("apps.connections.open", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"invalid_auth\"}"));
        SlackPlatform p = platform(List.of());
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.appToken").hasMessageNotContaining("xapp-test-app");
        assertThat(fake.connections()).isZero();
    }

    @Test
    void aUserGroupThatCannotBeReadNamesTheGroupAndTheSetting() {
        fake.answer("usergroups.users.list", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"missing_scope\"}"));
        SlackPlatform p = platform(List.of("S0NOPE"));
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.staffGroups").hasMessageContaining("S0NOPE")
                .hasMessageContaining("missing_scope");
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    @Test
    void aMissingAnnouncementChannelNamesTheSettingAndNothingConnects() {
        fake.answer("conversations.info", c -> FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"channel_not_found\"}"));
        SlackPlatform p = platform(List.of());
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.announcementChannel").hasMessageContaining("C0ANNOUNCE")
                .hasMessageContaining("channel_not_found")
                .matches(e -> !((PlatformException) e).isTransient());
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    @Test
    void aStaffChannelTheBotIsNotInNamesTheSettingAndSaysToInviteIt() {
        fake.answer("conversations.info", c -> FakeSlack.Answer.ok("{\"ok\":true,\"channel\":{\"id\":\""
                + c.form().get("channel") + "\",\"name\":\"staff\",\"is_channel\":true,\"is_member\":"
                + !"C0STAFF".equals(c.form().get("channel")) + "}}"));
        SlackPlatform p = platform(List.of());
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.staffChannel").hasMessageContaining("C0STAFF").hasMessageContaining("/invite");
        assertThat(fake.calls("conversations.info")).extracting(c -> c.form().get("channel"))
                .containsExactly("C0ANNOUNCE", "C0STAFF");
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    private SlackPlatform platformWithScheduleChannel(String scheduleChannel) {
        SlackSettings s = SlackSocketModeEndToEndTest.settings(fake, List.of());
        return new SlackPlatform(new SlackSettings(s.botToken(), s.appToken(), s.signingSecret(), s.mode(), s.port(),
                s.bindAddress(), s.announcementChannel(), s.staffChannel(), s.apiBaseUrl(), s.staffGroups(),
                s.calendarUrl(), scheduleChannel), new PlatformContext(Clock.systemUTC()));
    }

    @Test
    void aMissingScheduleChannelNamesTheSettingAndNothingConnects() {
        fake.answer("conversations.info", c -> "C0SCHED".equals(c.form().get("channel"))
                ? FakeSlack.Answer.ok("{\"ok\":false,\"error\":\"channel_not_found\"}")
                : FakeSlack.Answer.ok("{\"ok\":true,\"channel\":{\"id\":\"" + c.form().get("channel")
                        + "\",\"name\":\"x\",\"is_channel\":true,\"is_member\":true}}"));
        SlackPlatform p = platformWithScheduleChannel("C0SCHED");
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.scheduleChannel").hasMessageContaining("C0SCHED")
                .hasMessageContaining("channel_not_found")
                .matches(e -> !((PlatformException) e).isTransient());
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    @Test
    void aScheduleChannelTheBotIsNotInNamesTheSettingAndSaysToInviteIt() {
        fake.answer("conversations.info", c -> FakeSlack.Answer.ok("{\"ok\":true,\"channel\":{\"id\":\""
                + c.form().get("channel") + "\",\"name\":\"schedule\",\"is_channel\":true,\"is_member\":"
                + !"C0SCHED".equals(c.form().get("channel")) + "}}"));
        SlackPlatform p = platformWithScheduleChannel("C0SCHED");
        assertThatThrownBy(() -> p.start(SlackCore.handler())).isInstanceOf(PlatformException.class)
                .hasMessageContaining("slack.scheduleChannel").hasMessageContaining("C0SCHED")
                .hasMessageContaining("/invite");
        assertThat(fake.calls("conversations.info")).extracting(c -> c.form().get("channel"))
                .containsExactly("C0ANNOUNCE", "C0STAFF", "C0SCHED");
        assertThat(fake.calls("apps.connections.open")).isEmpty();
    }

    @Test
    void sendingBeforeStartFailsCleanly() {
        assertThat(platform(List.of()).send(new org.ccnsobot.port.Destination.Channel("slack", "C1"),
                org.ccnsobot.port.OutgoingMessage.text("x"))).isCompletedExceptionally();
    }
}
