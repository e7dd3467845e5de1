package org.ccnsobot.slack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.RecordingHandler;

/**
 * What the Slack tests' fake core ({@link RecordingHandler}) declares and answers: a few commands with real blocks,
 * including the staff rule core applies (user-group {@value #STAFF_GROUP} is staff).
 */
final class SlackCore {
    static final String STAFF_GROUP = "S0STAFF";
    static final Instant COUNCIL_START = Instant.parse("2024-03-04T14:30:00Z");
    static final Instant COUNCIL_END = Instant.parse("2024-03-04T15:30:00Z");
    static final ZoneId SAN_JUAN = ZoneId.of("America/Puerto_Rico");

    private SlackCore() {
    }

    /**
     * A recording core with these commands and answers; "slow ..." waits at its gate (closed until the test opens
     * it), to show the ack does not wait for core.
     */
    static RecordingHandler handler() {
        RecordingHandler h = new RecordingHandler(commands(), SlackCore::answer)
                .gateWhen(i -> word(i).equals("slow"));
        h.gate = new CountDownLatch(1);
        h.staff = a -> a.roles().contains(STAFF_GROUP);
        return h;
    }

    static Block.EventCard councilCard() {
        return new Block.EventCard("icann79-council", "ccNSO Council Meeting", COUNCIL_START, COUNCIL_END,
                LocalDate.of(2024, 3, 4), SAN_JUAN, "San Juan", "Salon 3", "open", List.of("Council"), "scheduled",
                "Agenda & papers on the wiki.", List.of(new Block.Link("Agenda", "https://ccnso.icann.org/agenda")));
    }

    static Block.EventCard techDayCard() {
        return new Block.EventCard("icann79-techday", "Tech Day", null, null, LocalDate.of(2024, 3, 4), SAN_JUAN,
                "San Juan", null, "open", List.of("TLD-OPS"), "scheduled", null, List.of());
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("slow", "next", "when", "subscribe",
            "subscriptions", "announce");

    private static String word(Invocation invocation) {
        String text = invocation.rawText().strip();
        String word = invocation.isTyped() ? invocation.command()
                : text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase();
        if (!invocation.isTyped() && !word.isEmpty() && !KNOWN.contains(word)) {
            word = "when";  // like core: plain words that are no command are a question about the calendar
        }
        return word;
    }

    /** After the gate, for "slow ...". */
    private static Reply answer(Invocation invocation) {
        String text = invocation.rawText().strip();
        String word = word(invocation);
        if (word.equals("slow")) {
            return Reply.publicly(OutgoingMessage.text("Finally."));
        }
        return switch (word) {
            case "next" -> Reply.publicly(OutgoingMessage.of("Next: ccNSO Council Meeting, Tech Day",
                    List.of(new Block.Heading("Next events"), councilCard(), techDayCard())));
            case "when" -> text.toLowerCase().contains("council")
                    ? Reply.publicly(OutgoingMessage.of("ccNSO Council Meeting, 4 Mar 2024 14:30 UTC",
                    List.of(councilCard())))
                    : Reply.publicly(OutgoingMessage.of("Tech Day, 4 Mar 2024", List.of(techDayCard())));
            case "subscribe" -> Reply.personally(OutgoingMessage.text("Subscribed to "
                    + (invocation.isTyped() ? invocation.options().get("topic") : text.substring(10)) + "."));
            case "subscriptions" -> Reply.personally(OutgoingMessage.of("You follow: Council",
                    List.of(new Block.Paragraph("You follow: Council"))));
            // a submitted add form: core refuses its date, naming the field (Reply.refusedField)
            case "event-add" -> new Reply(OutgoingMessage.text("'" + invocation.options().get("date")
                    + "' is not a date"), true, java.util.Optional.of("date"));
            case "announce" -> invocation.actor().roles().contains(STAFF_GROUP)
                    ? Reply.publicly(OutgoingMessage.text("Announcement scheduled."))
                    : Reply.personally(OutgoingMessage.text("Only staff can use announce."));
            default -> Reply.personally(OutgoingMessage.text("Unknown command '" + word + "'. Did you mean: next?"));
        };
    }

    static List<CommandInfo> commands() {
        return List.of(
                new CommandInfo("next", List.of("upcoming"), "The next events", List.of(), List.of("next"), false),
                new CommandInfo("when", List.of("find"), "When is an event", List.of(new OptionInfo("query",
                        OptionKind.TEXT, "What to look for", true, true, false, List.of())),
                        List.of("when council"), false),
                new CommandInfo("announce", List.of(), "Post an announcement", List.of(new OptionInfo("text",
                        OptionKind.TEXT, "The announcement", true, true, false, List.of())),
                        List.of("announce Council starts at 14:30"), true));
    }
}
