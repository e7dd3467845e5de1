package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

    @Test
    void optionKindsMapToDiscordTypes() {
        assertThat(SlashCommands.type(OptionKind.INTEGER)).isEqualTo(OptionType.INTEGER);
        assertThat(SlashCommands.type(OptionKind.BOOLEAN)).isEqualTo(OptionType.BOOLEAN);
        for (OptionKind k : List.of(OptionKind.TEXT, OptionKind.DATE, OptionKind.ZONE, OptionKind.DURATION,
                OptionKind.COMMITTEE, OptionKind.MEETING, OptionKind.EVENT)) {
            assertThat(SlashCommands.type(k)).as(k.name()).isEqualTo(OptionType.STRING);
        }
    }

    @Test
    void lookupsAutocompleteRequiredOptionsComeFirstAndChoicesWinOverAutocomplete() {
        CommandInfo schedule = new CommandInfo("schedule", List.of(), "A schedule", List.of(
                new OptionInfo("day", OptionKind.DATE, "", false, false, false, List.of()),
                new OptionInfo("meeting", OptionKind.MEETING, "which meeting", true, false, false, List.of()),
                new OptionInfo("event", OptionKind.EVENT, "", false, false, true, List.of("a", "b"))), List.of(), false);

        SlashCommandData data = SlashCommands.command("schedule", schedule);

        List<OptionData> options = data.getOptions();
        assertThat(options).extracting(OptionData::getName).containsExactly("meeting", "day", "event");
        assertThat(options.get(0).isAutoComplete()).isTrue();
        assertThat(options.get(1).isAutoComplete()).isFalse();
        assertThat(options.get(1).getDescription()).isEqualTo("a date like 2024-03-02");
        assertThat(options.get(2).isAutoComplete()).isFalse();
        assertThat(options.get(2).getChoices()).hasSize(2);
    }

    @Test
    void invalidNamesAreLeftOut() {
        CommandInfo ok = new CommandInfo("next", List.of(), "next", List.of(), List.of(), false);
        CommandInfo bad = new CommandInfo("what is", List.of(), "bad", List.of(), List.of(), false);
        assertThat(SlashCommands.usable(List.of(ok, bad))).containsOnlyKeys("next");
    }

    @Test
    void staffCommandsAreHiddenFromMembersByDefaultAndMemberCommandsAreNot() {
        CommandInfo staff = new CommandInfo("announce", List.of(), "Post", List.of(), List.of(), true);
        CommandInfo member = new CommandInfo("next", List.of(), "next", List.of(), List.of(), false);

        assertThat(SlashCommands.command("announce", staff).toData().getString("default_member_permissions")).isEqualTo("0");
        assertThat(SlashCommands.command("next", member).toData().isNull("default_member_permissions")).isTrue();
    }
}
