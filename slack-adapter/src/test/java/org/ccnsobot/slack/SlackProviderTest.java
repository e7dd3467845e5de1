package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Clock;
import java.util.ServiceLoader;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformProvider;
import org.ccnsobot.port.PlatformSettings;
import org.junit.jupiter.api.Test;

class SlackProviderTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static PlatformSettings yaml(String text) throws Exception {
        return TestSections.of(YAML.readTree(text));
    }

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(PlatformProvider::id)).contains("slack");
    }

    @Test
    void socketModeIsTheDefaultAndStaffGroupsAreRead() throws Exception {
        SlackSettings s = (yaml("""
                botToken: xoxb-secret-bot
                appToken: xapp-secret-app
                announcementChannel: C0ANNOUNCE
                staffGroups: [S0STAFF, S0SECRETARIAT]
                """)).bind(SlackSettings.class);
        assertThat(s.mode()).isEqualTo("socket");
        assertThat(s.httpMode()).isFalse();
        assertThat(s.apiBaseUrl()).isEqualTo("https://slack.com/api/");
        assertThat(s.staffGroups()).containsExactly("S0STAFF", "S0SECRETARIAT");
        assertThat(s.botToken().reveal()).isEqualTo("xoxb-secret-bot");
        assertThat(s.toString()).doesNotContain("xoxb-secret-bot", "xapp-secret-app");
        PlatformProvider provider = new SlackProvider();
        provider.validate(yaml("botToken: b\nappToken: a\nannouncementChannel: C1\n"));
        assertThat(provider.create(yaml("botToken: b\nappToken: a\nannouncementChannel: C1\n"),
                new PlatformContext(Clock.systemUTC())).id()).isEqualTo("slack");
    }

    @Test
    void httpModeNeedsTheSigningSecretAndTakesAPortAndApiBaseUrl() throws Exception {
        SlackSettings s = (yaml("""
                mode: http
                botToken: xoxb-1
                signingSecret: shh
                port: 3100
                announcementChannel: C0ANNOUNCE
                apiBaseUrl: http://127.0.0.1:9999/api
                """)).bind(SlackSettings.class);
        assertThat(s.port()).isEqualTo(3100);
        assertThat(s.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/api/");
        assertThatThrownBy(() -> new SlackProvider().validate(yaml("mode: http\nbotToken: b\nannouncementChannel: C1\n")))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("slack.signingSecret")
                .hasMessageContaining("${SLACK_SIGNING_SECRET}");
    }

    @Test
    void thePlatformAnswersEachChannelRoleFromItsSettings() throws Exception {
        PlatformContext context = new PlatformContext(Clock.systemUTC());
        var bare = new SlackProvider().create(yaml("botToken: b\nappToken: a\nannouncementChannel: C0NEWS\n"), context);
        assertThat(bare.channel(ChannelRole.ANNOUNCEMENTS)).contains("C0NEWS");
        assertThat(bare.channel(ChannelRole.STAFF)).isEmpty();
        assertThat(bare.channel(ChannelRole.SCHEDULE)).contains("C0NEWS");

        var all = new SlackProvider().create(yaml("""
                botToken: b
                appToken: a
                announcementChannel: C0NEWS
                staffChannel: C0STAFF
                scheduleChannel: C0SCHEDULE
                """), context);
        assertThat(all.channel(ChannelRole.ANNOUNCEMENTS)).contains("C0NEWS");
        assertThat(all.channel(ChannelRole.STAFF)).contains("C0STAFF");
        assertThat(all.channel(ChannelRole.SCHEDULE)).contains("C0SCHEDULE");
    }

    @Test
    void mistakesAreReportedWithTheKey() {
        assertThatThrownBy(() -> new SlackProvider().validate(yaml("botToken: b\nannouncementChannel: C1\n")))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("slack.appToken");
        assertThatThrownBy(() -> new SlackProvider().validate(yaml(
                "botToken: b\nappToken: a\nannouncementChannel: C1\nstaffGroups: [staff]\n")))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("slack.staffGroups[0]");
        assertThatThrownBy(() -> new SlackProvider().validate(yaml(
                "botToken: b\nappToken: a\nannouncementChannel: C1\nmode: webhook\n")))
                .hasMessageContaining("slack.mode");
        assertThatThrownBy(() -> new SlackProvider().validate(yaml(
                "botToken: b\nappToken: a\nannouncementChannel: C1\nstaffgroups: [S0STAFF]\n")))
                .hasMessageContaining("unknown key 'slack.staffgroups'");
    }
}
