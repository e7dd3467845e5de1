package org.ccnsobot.slack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.CommandInfo.OptionInfo;
import org.ccnsobot.port.CommandInfo.OptionKind;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;

/**
 * Stands in for core's Bot while it is being written: records every invocation and answers a few commands with
 * real blocks, including the staff rule core will apply (user-group {@value #STAFF_GROUP} is staff).
 */
final class RecordingHandler implements InboundHandler {
    static final String STAFF_GROUP = "S0STAFF";
    static final Instant COUNCIL_START = Instant.parse("2024-03-04T14:30:00Z");
    static final Instant COUNCIL_END = Instant.parse("2024-03-04T15:30:00Z");
    static final ZoneId SAN_JUAN = ZoneId.of("America/Puerto_Rico");

    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    /** "slow ..." waits here until the test opens it, to show the ack does not wait for core. */
    final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();

    /** The next invocation core received, waiting at most ten seconds. */
    Invocation next() throws InterruptedException {
        Invocation i = queue.poll(10, TimeUnit.SECONDS);
        if (i == null) {
            throw new AssertionError("core received no invocation within 10 s");
        }
        return i;
    }

    /** Forgets invocations nobody waited for, so one test's leftovers do not answer the next test's wait. */
    void clear() {
        queue.clear();
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

    @Override
    public Reply handle(Invocation invocation) {
        invocations.add(invocation);
        queue.add(invocation);
        String text = invocation.rawText().strip();
        String word = invocation.isTyped() ? invocation.command()
                : text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase();
        if (!invocation.isTyped() && !word.isEmpty() && !KNOWN.contains(word)) {
            word = "when";  // like core: plain words that are no command are a question about the calendar
        }
        if (word.equals("slow")) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
            case "announce" -> invocation.actor().roles().contains(STAFF_GROUP)
                    ? Reply.publicly(OutgoingMessage.text("Announcement scheduled."))
                    : Reply.personally(OutgoingMessage.text("Only staff can use announce."));
            default -> Reply.personally(OutgoingMessage.text("Unknown command '" + word + "'. Did you mean: next?"));
        };
    }

    @Override
    public List<CommandInfo> commands() {
        return List.of(
                new CommandInfo("next", List.of("upcoming"), "The next events", List.of(), List.of("next"), false),
                new CommandInfo("when", List.of("find"), "When is an event", List.of(new OptionInfo("query",
                        OptionKind.TEXT, "What to look for", true, true, false, List.of())),
                        List.of("when council"), false),
                new CommandInfo("announce", List.of(), "Post an announcement", List.of(new OptionInfo("text",
                        OptionKind.TEXT, "The announcement", true, true, false, List.of())),
                        List.of("announce Council starts at 14:30"), true));
    }

    @Override
    public List<Choice> complete(String command, String option, String prefix, int limit) {
        return List.of();
    }
}
