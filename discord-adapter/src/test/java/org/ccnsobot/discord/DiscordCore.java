package org.ccnsobot.discord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.InboundHandler.Choice;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.RecordingHandler;

/**
 * What the Discord tests' fake core ({@link RecordingHandler}) declares and answers: a few commands as data, answers
 * with real blocks, and a staff rule on role ids (the way core's {@code staff.discord.roles} judges).
 */
final class DiscordCore {
    static final ZoneId SAN_JUAN = ZoneId.of("America/Puerto_Rico");
    /** ICANN79 Council meeting: 2024-03-06 10:30 in San Juan (AST, UTC-4) = 14:30 UTC. */
    static final Instant COUNCIL_START = Instant.parse("2024-03-06T14:30:00Z");
    static final Instant COUNCIL_END = Instant.parse("2024-03-06T16:00:00Z");

    private DiscordCore() {
    }

    /** A recording core with {@link #defaultCommands()}, these answers and two committee completions. */
    static RecordingHandler handler() {
        RecordingHandler h = new RecordingHandler(defaultCommands(), DiscordCore::answer).completer((command, option, prefix, limit) ->
                List.of(new Choice("Technical Working Group (TechWG)", "techwg"),
                        new Choice("TLD-OPS Standing Committee", "tld-ops")));
        h.staff = a -> a.roles().contains(FakeDiscord.STAFF_ROLE);
        return h;
    }

    static List<CommandInfo> defaultCommands() {
        List<CommandInfo> list = new ArrayList<>();
        list.add(new CommandInfo("next", List.of(), "The next meeting", List.of(), List.of("/next"), false));
        list.add(new CommandInfo("when", List.of("find"), "When is something?", List.of(
                new OptionInfo("query", OptionKind.TEXT, "what to look for", true, true, false, List.of())),
                List.of("/when council"), false));
        list.add(new CommandInfo("committee", List.of(), "A committee's status", List.of(
                new OptionInfo("name", OptionKind.COMMITTEE, "", true, false, true, List.of())), List.of(), false));
        list.add(new CommandInfo("week", List.of(), "This week's events", List.of(
                new OptionInfo("weeks", OptionKind.INTEGER, "how many weeks", false, false, false, List.of()),
                new OptionInfo("kind", OptionKind.TEXT, "event kind", false, false, false, List.of("session", "social"))),
                List.of(), false));
        list.add(new CommandInfo("history", List.of(), "What you followed", List.of(), List.of(), false));
        list.add(new CommandInfo("timezone", List.of(), "Set your time zone", List.of(
                new OptionInfo("zone", OptionKind.ZONE, "", true, false, false, List.of())), List.of(), false));
        list.add(new CommandInfo("announce", List.of(), "Post an announcement", List.of(
                new OptionInfo("text", OptionKind.TEXT, "the announcement", true, true, false, List.of())),
                List.of(), true));
        return list;
    }

    static Block.EventCard council() {
        return new Block.EventCard("evt-council-79", "ccNSO Council Meeting", COUNCIL_START, COUNCIL_END,
                LocalDate.of(2024, 3, 6), SAN_JUAN, "San Juan", "Salon 3", "open", List.of("Council"), "scheduled",
                "Council meeting @everyone is welcome <@&" + FakeDiscord.STAFF_ROLE + ">",
                List.of(new Block.Link("Agenda", "https://ccnso.icann.org/en/meetings/council")));
    }

    static Block.EventCard techDay() {
        return new Block.EventCard("evt-techday-79", "Tech Day", null, null, LocalDate.of(2024, 3, 4), SAN_JUAN,
                "San Juan", null, "open", List.of("TLD-OPS"), "scheduled", null, List.of());
    }

    private static Reply answer(Invocation invocation) {
        String command = invocation.isTyped() ? invocation.command() : "when";
        return switch (command) {
            case "next", "when" -> Reply.publicly(OutgoingMessage.of("ccNSO Council Meeting, 6 March 2024 10:30 AST",
                    List.of(new Block.Heading("Next up"), council())));
            case "week" -> Reply.publicly(OutgoingMessage.of("Tech Day and more", week(
                    Integer.parseInt(invocation.options().getOrDefault("weeks", "1")))));
            // a long answer that is personal although its command is not: it needs ephemeral follow-ups
            case "history" -> Reply.personally(OutgoingMessage.of("Your history", week(25)));
            case "timezone" -> Reply.personally(OutgoingMessage.text("Your time zone is now " + invocation.options().get("zone")));
            case "announce" -> invocation.actor().roles().contains(FakeDiscord.STAFF_ROLE)
                    ? Reply.publicly(OutgoingMessage.text("Announcement scheduled."))
                    : Reply.personally(OutgoingMessage.text("Only ccNSO staff can use /announce."));
            default -> Reply.personally(OutgoingMessage.text("I do not know that."));
        };
    }

    /** {@code n} date-only sessions: a long list that must be paged. */
    static List<Block> week(int n) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(new Block.EventCard("evt-" + i, "Session " + i, null, null, LocalDate.of(2024, 3, 2).plusDays(i % 6),
                    SAN_JUAN, "San Juan", null, "open", List.of("TLD-OPS"), "scheduled", null, List.of()));
        }
        return blocks;
    }
}
