package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import org.ccnsobot.testing.RecordingHandler;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.port.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start-up against the fake: what stops the bot, what is only reported, and that the token never reaches a log. */
class DiscordStartupTest {
    FakeDiscord fake;
    DiscordPlatform platform;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeDiscord();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (platform != null) {
            platform.close();
        }
        fake.close();
    }

    private DiscordPlatform start(ObjectNode section, RecordingHandler handler) throws Exception {
        platform = (DiscordPlatform) new DiscordProvider().create(TestSections.of(section), new PlatformContext(Clock.systemUTC()));
        platform.start(handler);
        return platform;
    }

    @Test
    void aBadTokenStopsStartUpNamingTheSettingWithoutShowingTheToken() {
        String wrong = "wrong.token-that-must-not-be-logged";
        ObjectNode section = fake.section().put("token", wrong);

        assertThatThrownBy(() -> start(section, DiscordCore.handler()))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("discord.token")
                .hasMessageContaining("401")
                .hasMessageNotContaining(wrong)
                .matches(e -> !((PlatformException) e).isTransient(), "not transient");
        assertThat(fake.requests("WS", "op:2")).as("never reached the gateway").isEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(wrong));
    }

    @Test
    void aGuildTheBotIsNotInStopsStartUpNamingTheSetting() {
        ObjectNode section = fake.section().put("guildId", "100000000000000099");

        assertThatThrownBy(() -> start(section, DiscordCore.handler()))
                .isInstanceOf(PlatformException.class)
                .hasMessageStartingWith("discord.guildId:")
                .hasMessageContaining("100000000000000099");
    }

    @Test
    void aMissingChannelStopsStartUpNamingTheSetting() {
        ObjectNode section = fake.section().put("announcementChannel", "300000000000000099");

        assertThatThrownBy(() -> start(section, DiscordCore.handler()))
                .isInstanceOf(PlatformException.class)
                .hasMessageStartingWith("discord.announcementChannel:")
                .hasMessageContaining("300000000000000099");
    }

    @Test
    void aMissingStaffChannelStopsStartUpNamingTheSetting() {
        ObjectNode section = fake.section().put("staffChannel", "300000000000000098");

        assertThatThrownBy(() -> start(section, DiscordCore.handler()))
                .isInstanceOf(PlatformException.class)
                .hasMessageStartingWith("discord.staffChannel:");
    }

    @Test
    void aMissingPermissionIsReportedAtStartWithoutStoppingTheBot() throws Exception {
        ObjectNode section = fake.section().put("announcementChannel", FakeDiscord.NO_EMBEDS);

        start(section, DiscordCore.handler());

        assertThat(platform.diagnostics()).singleElement().asString()
                .startsWith("discord.announcementChannel:")
                .contains("Embed Links", "#no-embeds");
        assertThat(logs.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                && e.getFormattedMessage().contains("Embed Links"));
    }

    @Test
    void theTokenNeverAppearsInTheLogsOfANormalStart() throws Exception {
        start(fake.section(), DiscordCore.handler());
        platform.close();
        platform = null;

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(FakeDiscord.TOKEN));
    }

    @Test
    void commandsAreReRegisteredAtEachStartSoAChangedListReplacesTheOld() throws Exception {
        RecordingHandler handler = DiscordCore.handler();
        start(fake.section(), handler);
        platform.close();

        handler.commands = handler.commands.stream().filter(c -> !c.name().equals("week")).toList();
        start(fake.section(), handler);

        List<FakeDiscord.Request> puts = fake.await("PUT", "/applications/.*/commands", 2);
        assertThat(puts.get(0).body().findValuesAsText("name")).contains("week");
        JsonNode second = puts.get(1).body();
        assertThat(second.findValuesAsText("name")).doesNotContain("week").contains("next", "when");
        assertThat(fake.registeredCommands().findValuesAsText("name")).doesNotContain("week");
    }

    @Test
    void anInteractionForACommandDroppedSinceIsAnsweredNotDropped() throws Exception {
        RecordingHandler handler = DiscordCore.handler();
        handler.commands = handler.commands.stream().filter(c -> !c.name().equals("week")).toList();
        start(fake.section(), handler);

        // a member's client still shows the old /week
        String token = fake.slash("week", null, FakeDiscord.MEMBER, List.of());

        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(callback.path("data").path("content").asText()).contains("/week");
        assertThat(handler.invocations).isEmpty();
    }

    @Test
    void anInvalidCommandNameFromCoreIsLeftOutRatherThanFailingStartUp() throws Exception {
        RecordingHandler handler = DiscordCore.handler();
        handler.commands = new java.util.ArrayList<>(handler.commands);
        handler.commands.add(new CommandInfo("two words", List.of(), "bad", List.of(), List.of(), false));
        start(fake.section(), handler);

        assertThat(fake.registeredCommands().findValuesAsText("name")).doesNotContain("two words").contains("next");
    }
}
