package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ServiceLoader;
import java.util.List;
import java.util.Map;
import org.ccnsobot.config.BotConfig;
import org.ccnsobot.config.ConfigException;
import org.ccnsobot.config.ConfigLoader;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.PlatformConfigException;
import org.ccnsobot.port.PlatformProvider;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

    private static ObjectNode section() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("token", "secret-token-value");
        s.put("guildId", "100000000000000001");
        s.put("announcementChannel", "300000000000000001");
        return s;
    }

    @Test
    void theProviderIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(p -> p.get().id())).contains("discord");
    }

    @Test
    void defaultsPointAtDiscordAndTheTokenIsNeverShown() throws Exception {
        DiscordSettings s = TestSections.of(section()).bind(DiscordSettings.class);
        assertThat(s.restBaseUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(s.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
        assertThat(s.staffChannel()).isNull();
        assertThat(s.token().reveal()).isEqualTo("secret-token-value");
        assertThat(s.toString()).doesNotContain("secret-token-value");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        DiscordProvider provider = new DiscordProvider();
        assertThatThrownBy(() -> provider.validate(TestSections.of(section().put("guildId", "ccnso"))))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("discord.guildId");
        assertThatThrownBy(() -> provider.validate(TestSections.of(section().put("staffChannel", "#staff"))))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("discord.staffChannel");
        assertThatThrownBy(() -> provider.validate(TestSections.of(section().put("gatewayUrl", "http://example"))))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("discord.gatewayUrl");
        ObjectNode noToken = section();
        noToken.remove("token");
        assertThatThrownBy(() -> provider.validate(TestSections.of(noToken)))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("discord.token");
        assertThatThrownBy(() -> provider.validate(TestSections.of(section().put("staffRoles", "1"))))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("staffRoles");
    }

    @Test
    void theTokenComesFromTheEnvironmentNeverFromTheFile() throws Exception {
        ConfigLoader loader = new ConfigLoader(List.of(new DiscordProvider()), Map.of("DISCORD_TOKEN", "from-env")::get);
        String yaml = "discord:\n  token: ${DISCORD_TOKEN}\n  guildId: '100000000000000001'\n"
                + "  announcementChannel: '300000000000000001'\n";

        BotConfig config = loader.parse(yaml, null);
        DiscordSettings s = config.platform("discord").bind(DiscordSettings.class);
        assertThat(s.token().reveal()).isEqualTo("from-env");
        assertThatThrownBy(() -> loader.parse(yaml.replace("${DISCORD_TOKEN}", "literal-token"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("discord.token")
                .hasMessageNotContaining("literal-token");
    }

    @Test
    void aRestBaseUrlGetsItsTrailingSlash() throws Exception {
        DiscordSettings s = TestSections.of(section().put("restBaseUrl", "http://127.0.0.1:8080/api/v10"))
                .bind(DiscordSettings.class);
        assertThat(s.restBaseUrl()).isEqualTo("http://127.0.0.1:8080/api/v10/");
    }

    @Test
    void thePlatformAnswersEachChannelRoleFromItsSettings() throws Exception {
        DiscordProvider provider = new DiscordProvider();
        var context = new org.ccnsobot.port.PlatformContext(java.time.Clock.systemUTC());
        var bare = provider.create(TestSections.of(section()), context);
        assertThat(bare.channel(ChannelRole.ANNOUNCEMENTS)).contains("300000000000000001");
        assertThat(bare.channel(ChannelRole.STAFF)).isEmpty();
        // no scheduleChannel: schedule summaries go where the announcements go
        assertThat(bare.channel(ChannelRole.SCHEDULE)).contains("300000000000000001");

        var all = provider.create(TestSections.of(section().put("staffChannel", "300000000000000002")
                .put("scheduleChannel", "300000000000000003")), context);
        assertThat(all.channel(ChannelRole.ANNOUNCEMENTS)).contains("300000000000000001");
        assertThat(all.channel(ChannelRole.STAFF)).contains("300000000000000002");
        assertThat(all.channel(ChannelRole.SCHEDULE)).contains("300000000000000003");
        assertThatThrownBy(() -> provider.validate(TestSections.of(section().put("scheduleChannel", "#schedule"))))
                .isInstanceOf(PlatformConfigException.class).hasMessageContaining("discord.scheduleChannel");
    }

    @Test
    void declaresSendLimitsUnderDiscordsOwn() throws Exception {
        DiscordPlatform p = (DiscordPlatform) new DiscordProvider().create(TestSections.of(section()),
                new org.ccnsobot.port.PlatformContext(java.time.Clock.systemUTC()));
        assertThat(p.sendLimits().perSecond()).isBetween(1.0, 50.0);
        assertThat(p.sendLimits().unlimited()).isFalse();
        // A DM is two requests (open the channel, post) and JDA does not pace Discord's global 50 a second: the most
        // the outbox lets through in any one second (the burst, then a second's refill) must stay well under it.
        double worstSecond = 2 * (p.sendLimits().burst() + p.sendLimits().perSecond());
        assertThat(worstSecond).isLessThanOrEqualTo(40);
        // and fast enough for issue 12's figure: 300 DMs in under 30 s
        assertThat((300 - p.sendLimits().burst()) / p.sendLimits().perSecond()).isLessThan(25);
        assertThat(p.destinationLimits().burst()).isLessThanOrEqualTo(5); // Discord's 5 messages per 5 s per channel
    }
}
