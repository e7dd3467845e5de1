package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import gnu.trove.map.hash.TLongObjectHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.Invocation;
import org.junit.jupiter.api.Test;

/** JDA objects (mocked at the edge) to port records. */
class MappingTest {
    static final Instant AT = Instant.parse("2024-03-04T12:00:00Z");
    static final CommandInfo WEEK = DiscordCore.defaultCommands().stream()
            .filter(c -> c.name().equals("week")).findFirst().orElseThrow();
    static final CommandInfo WHEN = DiscordCore.defaultCommands().stream()
            .filter(c -> c.name().equals("when")).findFirst().orElseThrow();

    @Test
    void memberRolesBecomeActorRoleIds() {
        User user = user("400000000000000001", "alice");
        Member member = mock(Member.class);
        Role staff = role("500000000000000001");
        Role everyoneElse = role("500000000000000002");
        when(member.getRoles()).thenReturn(List.of(staff, everyoneElse));
        when(member.getEffectiveName()).thenReturn("Alice (.be)");

        Actor actor = Mapping.actor(user, member);

        assertThat(actor.platform()).isEqualTo("discord");
        assertThat(actor.userId()).isEqualTo("400000000000000001");
        assertThat(actor.displayName()).isEqualTo("Alice (.be)");
        assertThat(actor.roles()).containsExactlyInAnyOrder("500000000000000001", "500000000000000002");
    }

    @Test
    void outsideAGuildAnActorHasNoRoles() {
        Actor actor = Mapping.actor(user("400000000000000001", "alice"), null);
        assertThat(actor.roles()).isEmpty();
        assertThat(actor.displayName()).isEqualTo("alice");
    }

    @Test
    void aSlashCommandBecomesATypedInvocationWithStringValues() {
        SlashCommandInteraction event = mock(SlashCommandInteraction.class);
        User user = user("400000000000000001", "alice");
        Member member = mock(Member.class);
        Role role = role("500000000000000002");
        when(member.getRoles()).thenReturn(List.of(role));
        when(member.getEffectiveName()).thenReturn("alice");
        MessageChannel channel = mock(MessageChannel.class);
        when(channel.getId()).thenReturn("300000000000000003");
        when(channel.getType()).thenReturn(ChannelType.TEXT);
        when(event.getName()).thenReturn("week");
        when(event.getUser()).thenReturn(user);
        when(event.getMember()).thenReturn(member);
        when(event.getMessageChannel()).thenReturn(channel);
        OptionMapping weeks = option("weeks", OptionType.INTEGER, 2L);
        OptionMapping kind = option("kind", OptionType.STRING, "social");
        List<OptionMapping> options = List.of(weeks, kind);
        when(event.getOptions()).thenReturn(options);

        Invocation invocation = Mapping.invocation(event, AT);

        assertThat(invocation.isTyped()).isTrue();
        assertThat(invocation.command()).isEqualTo("week");
        assertThat(invocation.options()).isEqualTo(Map.of("weeks", "2", "kind", "social"));
        assertThat(invocation.rawText()).isEqualTo("/week");
        assertThat(invocation.actor().roles()).containsExactly("500000000000000002");
        assertThat(invocation.place().channelId()).isEqualTo("300000000000000003");
        assertThat(invocation.place().direct()).isFalse();
        assertThat(invocation.receivedAt()).isEqualTo(AT);
        assertThat(Mapping.problem(WEEK, options)).isEmpty();
    }

    @Test
    void aDmChannelIsADirectPlace() {
        MessageChannel channel = mock(MessageChannel.class);
        when(channel.getId()).thenReturn("600000000000000001");
        when(channel.getType()).thenReturn(ChannelType.PRIVATE);
        assertThat(Mapping.place(channel).direct()).isTrue();
    }

    @Test
    void optionsOfTheWrongTypeOrOutsideTheChoicesOrMissingAreRefusedWithAReason() {
        assertThat(Mapping.problem(WEEK, List.of(option("weeks", OptionType.STRING, "many"))))
                .contains("`weeks` must be a whole number.");
        assertThat(Mapping.problem(WEEK, List.of(option("kind", OptionType.STRING, "gala"))))
                .contains("`kind` must be one of: session, social.");
        assertThat(Mapping.problem(WEEK, List.of(option("colour", OptionType.STRING, "blue"))))
                .hasValueSatisfying(r -> assertThat(r).contains("no option `colour`"));
        assertThat(Mapping.problem(WEEK, List.of(option("weeks", OptionType.INTEGER, 1L << 60))))
                .hasValueSatisfying(r -> assertThat(r).startsWith("`weeks` is out of range"));
        assertThat(Mapping.problem(WHEN, List.of())).contains("/when needs `query`.");
        assertThat(Mapping.problem(WHEN, List.of(option("query", OptionType.STRING, "council")))).isEmpty();
    }

    /** Real option values, parsed from the JSON Discord sends; only the JDA entities around them are mocked. */
    private static OptionMapping option(String name, OptionType type, Object value) {
        DataObject json = DataObject.empty().put("name", name).put("type", type.getKey()).put("value", value);
        return new OptionMapping(json, new TLongObjectHashMap<>(), null, null);
    }

    private static User user(String id, String name) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(id);
        when(user.getEffectiveName()).thenReturn(name);
        return user;
    }

    private static Role role(String id) {
        Role role = mock(Role.class);
        when(role.getId()).thenReturn(id);
        return role;
    }
}
