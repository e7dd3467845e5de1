package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.OutgoingMessage;
import org.junit.jupiter.api.Test;

class HelpTextTest {
    private static final List<CommandInfo> COMMANDS = List.of(
            new CommandInfo("when", List.of("find"), "When is an event",
                    List.of(new OptionInfo("query", OptionKind.TEXT, "what to look for", true, true, false, List.of())),
                    List.of("when council"), false),
            new CommandInfo("next", List.of(), "The next events",
                    List.of(new OptionInfo("count", OptionKind.INTEGER, "how many", false, false, false, List.of())),
                    List.of(), false),
            new CommandInfo("import", List.of(), "Import a calendar", List.of(), List.of(), true));

    private final HelpText slack = new HelpText("/ccnso ", "Type /ccnso help <command> for details.");

    @Test
    void usageFollowsThePlatformsPrefix() {
        assertThat(slack.usage(COMMANDS.get(0))).isEqualTo("/ccnso when <query...>");
        assertThat(new HelpText("/", null).usage(COMMANDS.get(1))).isEqualTo("/next [count]");
    }

    @Test
    void theOverviewListsMembersCommandsThenStaffOnes() {
        OutgoingMessage m = slack.overview(COMMANDS);
        assertThat(m.fallbackText()).isEqualTo("ccNSO bot commands:\n/ccnso when <query...> - When is an event\n"
                + "/ccnso next [count] - The next events\n/ccnso import - Import a calendar");
        assertThat(m.blocks()).contains(new Block.Paragraph("Staff only:\n/ccnso import - Import a calendar"),
                new Block.Footnote("Type /ccnso help <command> for details."));
    }

    @Test
    void detailsAreFoundByNameOrAlias() {
        assertThat(slack.details(COMMANDS, "FIND")).get().extracting(OutgoingMessage::fallbackText)
                .isEqualTo("/ccnso when <query...> - When is an event");
        assertThat(slack.details(COMMANDS, "when").orElseThrow().blocks())
                .contains(new Block.Paragraph("Examples:\n/ccnso when council"), new Block.Footnote("Also: find"));
        assertThat(slack.details(COMMANDS, "nope")).isEmpty();
    }
}
