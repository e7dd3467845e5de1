package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.GsonBuilder;
import com.slack.api.util.json.GsonFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.junit.jupiter.api.Test;

class SlackRendererTest {
    private final SlackRenderer renderer = new SlackRenderer(null);

    /** Block Kit JSON as Slack reads it; Gson's HTML escaping (\u003c) would hide a stray '<' from the asserts. */
    private static String json(Object blocks) {
        GsonBuilder b = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .disableHtmlEscaping();
        GsonFactory.registerTypeAdapters(b, false);
        return b.create().toJson(blocks);
    }

    @Test
    void eventCardShowsReaderLocalTimeVenueTimeRoomAccessCommitteesAndButtons() {
        Block.EventCard card = SlackCore.councilCard();
        List<SlackRenderer.SlackMessage> pages = renderer.render(OutgoingMessage.of("Council", List.of(card)));
        assertThat(pages).hasSize(1);
        String json = json(pages.get(0).blocks());
        assertThat(json).contains("<!date^1709562600^{date_short_pretty} {time}|Mon 4 Mar 2024 14:30 UTC>")
                .contains("<!date^1709566200^{time}|15:30 UTC>")
                .contains("Venue time: 10:30–11:30 AST, San Juan")
                .contains("*Room*\\nSalon 3").contains("*Access*\\nOpen").contains("*Committees*\\nCouncil");
        ActionsBlock actions = (ActionsBlock) pages.get(0).blocks().stream()
                .filter(b -> b instanceof ActionsBlock).findFirst().orElseThrow();
        ButtonElement subscribe = (ButtonElement) actions.getElements().get(0);
        assertThat(subscribe.getActionId()).isEqualTo("subscribe_event");
        assertThat(subscribe.getValue()).isEqualTo("icann79-council");
        assertThat(actions.getElements()).extracting(e -> ((ButtonElement) e).getUrl())
                .contains("https://ccnso.icann.org/agenda");
    }

    @Test
    void calendarButtonUsesTheConfiguredUrlOrAnIcsLink() {
        SlackRenderer withTemplate = new SlackRenderer("https://cal.example.org/{eventId}.ics");
        String json = json(withTemplate.render(
                OutgoingMessage.of("x", List.of(SlackCore.techDayCard()))).get(0).blocks());
        assertThat(json).contains("https://cal.example.org/icann79-techday.ics").contains("Add to calendar");

        Block.EventCard withIcs = new Block.EventCard("e1", "Tech Day", null, null, LocalDate.of(2024, 3, 4),
                ZoneId.of("UTC"), null, null, null, List.of(), "scheduled", null,
                List.of(new Block.Link("iCal", "https://ccnso.icann.org/e1.ics")));
        assertThat(json(renderer.render(OutgoingMessage.of("x", List.of(withIcs)))
                .get(0).blocks())).contains("calendar_event").contains("https://ccnso.icann.org/e1.ics");
    }

    @Test
    void dateOnlyEventsSayTheTimeIsNotAnnouncedAndCancelledOnesSaySo() {
        Block.EventCard cancelled = new Block.EventCard("e2", "Members Meeting", Instant.parse("2024-03-05T13:00:00Z"),
                null, LocalDate.of(2024, 3, 5), ZoneId.of("America/Puerto_Rico"), null, null, "closed", List.of(),
                "cancelled", null, List.of());
        String json = json(renderer.render(OutgoingMessage.of("x",
                List.of(SlackCore.techDayCard(), cancelled))).get(0).blocks());
        assertThat(json).contains("Mon 4 Mar 2024 (time not yet announced)")
                .contains("*Members Meeting*  _cancelled_").contains("09:00 AST (venue time)").contains("Closed");
    }

    @Test
    void userTextIsEscapedEverywhereAndOnlyExplicitMentionsPing() {
        String hostile = "<!channel> <@U1> <!subteam^S1|@all> <https://evil.example|click> & @everyone";
        OutgoingMessage m = new OutgoingMessage(hostile, List.of(new Block.Heading(hostile),
                new Block.Paragraph(hostile), new Block.Fields(List.of(new Block.Field(hostile, hostile))),
                new Block.Footnote(hostile), new Block.Links(List.of(new Block.Link(hostile, "javascript:alert(1)"),
                new Block.Link("ok|<!here>", "https://ok.example/a|b")))), Mentions.NONE, null);
        SlackRenderer.SlackMessage page = renderer.render(m).get(0);
        String json = json(page.blocks()) + page.text();
        assertThat(json).doesNotContain("<!channel>", "<@U1>", "<!subteam", "<https://evil", "<!here>",
                "javascript:", "@everyone");
        assertThat(page.text()).startsWith("&lt;!channel&gt; &lt;@U1&gt;").contains("&amp;");
        assertThat(json).contains("<https://ok.example/a%7Cb|ok¦&lt;!here&gt;>");

        OutgoingMessage pinging = OutgoingMessage.text("Council now")
                .withMentions(new Mentions(false, Set.of("S0COUNCIL", "bad>id"), Set.of("U0CHAIR")));
        SlackRenderer.SlackMessage pinged = renderer.render(pinging).get(0);
        assertThat(pinged.text()).isEqualTo("<!subteam^S0COUNCIL> <@U0CHAIR> Council now");
        assertThat(json(pinged.blocks())).doesNotContain("bad>id");
    }

    @Test
    void longListsArePagedAtEntryBoundariesWithinFiftyBlocks() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading("The week"));
        for (int i = 0; i < 30; i++) {
            blocks.add(new Block.EventCard("e" + i, "Session " + i, Instant.parse("2024-03-04T14:30:00Z"),
                    Instant.parse("2024-03-04T15:30:00Z"), LocalDate.of(2024, 3, 4), ZoneId.of("America/Puerto_Rico"),
                    "San Juan", "Room " + i, "open", List.of("Council"), "scheduled", "About " + i, List.of()));
        }
        List<SlackRenderer.SlackMessage> pages = renderer.render(OutgoingMessage.of("The week", blocks));
        assertThat(pages.size()).isGreaterThan(1);
        int cards = 0;
        for (SlackRenderer.SlackMessage page : pages) {
            assertThat(page.blocks()).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_BLOCKS);
            // each page ends with a whole card: its last block is the card's divider
            assertThat(page.blocks().get(page.blocks().size() - 1)).isInstanceOf(DividerBlock.class);
            cards += (int) page.blocks().stream().filter(b -> b instanceof ActionsBlock).count();
        }
        assertThat(cards).isEqualTo(30);
        assertThat(pages.get(0).text()).isEqualTo("The week");
        assertThat(pages.get(1).text()).startsWith("(continued, part 2 of ");
    }

    @Test
    void slackLimitsOnHeadersSectionsFieldsAndMessageTextAreKept() {
        String longText = ("A line of the newsletter that goes on. ").repeat(300);
        List<Block.Field> many = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            many.add(new Block.Field("Field " + i, "v".repeat(2500)));
        }
        OutgoingMessage m = OutgoingMessage.of("x".repeat(50_000), List.of(new Block.Heading("H".repeat(400)),
                new Block.Paragraph(longText), new Block.Fields(many)));
        List<SlackRenderer.SlackMessage> pages = renderer.render(m);
        List<LayoutBlock> all = pages.stream().flatMap(p -> p.blocks().stream()).toList();
        assertThat(pages.get(0).text()).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_MESSAGE_TEXT);
        HeaderBlock header = (HeaderBlock) all.get(0);
        assertThat(header.getText().getText()).hasSize(SlackRenderer.MAX_HEADER_TEXT).endsWith("…");
        List<SectionBlock> sections = all.stream().filter(b -> b instanceof SectionBlock).map(b -> (SectionBlock) b)
                .toList();
        StringBuilder paragraph = new StringBuilder();
        for (SectionBlock s : sections) {
            if (s.getText() != null) {
                assertThat(((MarkdownTextObject) s.getText()).getText()).hasSizeLessThanOrEqualTo(3000);
                paragraph.append(((MarkdownTextObject) s.getText()).getText());
            }
            if (s.getFields() != null) {
                assertThat(s.getFields()).hasSizeLessThanOrEqualTo(SlackRenderer.MAX_FIELDS);
                s.getFields().forEach(f -> assertThat(((MarkdownTextObject) f).getText())
                        .hasSizeLessThanOrEqualTo(SlackRenderer.MAX_FIELD_TEXT));
            }
        }
        // the long paragraph is split, not cut: every word survives
        assertThat(paragraph.toString().replace(" ", "")).isEqualTo(longText.replace(" ", ""));
        assertThat(sections.stream().filter(s -> s.getFields() != null).mapToInt(s -> s.getFields().size()).sum())
                .isEqualTo(23);
    }

    @Test
    void truncationNeverCutsAnEntityInHalf() {
        assertThat(SlackRenderer.truncate("abcdef&amp;ghij", 9)).isEqualTo("abcdef…");
        assertThat(SlackRenderer.truncate("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(SlackRenderer.truncate("abcdefghij", 5)).isEqualTo("abcd…");
    }

    @Test
    void venueTimeNamesTheDayWhenItDiffersFromTheEventDate() {
        Block.EventCard lateUtc = new Block.EventCard("e3", "Late", Instant.parse("2024-03-05T02:00:00Z"), null,
                LocalDate.of(2024, 3, 5), ZoneId.of("America/Puerto_Rico"), "San Juan", null, null, List.of(),
                "scheduled", null, List.of());
        assertThat(SlackRenderer.venueTime(lateUtc)).isEqualTo("Mon 4 Mar 2024 22:00 AST, San Juan");
    }

    @Test
    void coreButtonsBecomeButtonsCarryingTheirCommandOrFormAndOptions() {
        // issue 12, point 11: the announcement preview's Confirm / Edit / Cancel, rendered as Block Kit buttons
        OutgoingMessage preview = OutgoingMessage.of("Preview of announcement A3", List.of(
                new Block.Paragraph("Preview of announcement A3"),
                new Block.Actions(List.of(new Block.Action("Confirm", "announce", java.util.Map.of("text", "confirm A3"), true),
                        Block.Action.form("Edit", "announce", java.util.Map.of("draft", "A3")),
                        new Block.Action("Cancel", "announce", java.util.Map.of("text", "cancel A3"), false)))));
        List<LayoutBlock> blocks = renderer.render(preview).get(0).blocks();
        ActionsBlock actions = (ActionsBlock) blocks.get(blocks.size() - 1);
        List<ButtonElement> buttons = actions.getElements().stream().map(e -> (ButtonElement) e).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("run_0", "form_1", "run_2");
        assertThat(buttons).extracting(ButtonElement::getStyle).containsExactly("primary", null, null);
        assertThat(SlackRenderer.ButtonValue.decode(buttons.get(0).getValue())).contains(
                new SlackRenderer.ButtonValue("announce", java.util.Map.of("text", "confirm A3")));
        assertThat(SlackRenderer.ButtonValue.decode(buttons.get(1).getValue())).contains(
                new SlackRenderer.ButtonValue("announce", java.util.Map.of("draft", "A3")));
        assertThat(SlackRenderer.ButtonValue.decode("not json")).isEmpty();
    }

    @Test
    void aChangeSummaryShowsEachLinesTimesAsDateTokensWithTheUtcTextAsFallback() {
        Instant now = Instant.parse("2024-03-02T17:00:00Z");
        String moved = "• Moved: GRC Workshop is now Sat 2 Mar 2024 17:00 UTC to 18:00 UTC (was Sat 2 Mar 2024"
                + " 13:00 UTC) <grc>";
        OutgoingMessage m = OutgoingMessage.of("Schedule changes (1):\n" + moved, List.of(
                new Block.Heading("Schedule changes (1)"),
                new Block.TimedParagraph(moved, List.of(new Block.TimeMark(now, "Sat 2 Mar 2024 17:00 UTC", false),
                        new Block.TimeMark(Instant.parse("2024-03-02T18:00:00Z"), "18:00 UTC", true),
                        new Block.TimeMark(Instant.parse("2024-03-02T13:00:00Z"), "Sat 2 Mar 2024 13:00 UTC",
                                false)))));
        String json = json(renderer.render(m).get(0).blocks());
        assertThat(json).contains("• Moved: GRC Workshop is now <!date^1709398800^{date_short_pretty} {time}|Sat 2"
                + " Mar 2024 17:00 UTC> to <!date^1709402400^{time}|18:00 UTC> (was"
                + " <!date^1709384400^{date_short_pretty} {time}|Sat 2 Mar 2024 13:00 UTC>) &lt;grc&gt;");
    }

    @Test
    void controlAndBidiCharactersAlreadyStoredAreNeutralisedInEveryPart() {
        String title = "GRC \u001B[31mWorkshop\u202Eevil";
        Block.EventCard card = new Block.EventCard("e", title, Instant.parse("2024-03-02T13:00:00Z"), null,
                LocalDate.of(2024, 3, 2), ZoneId.of("UTC"), null, "Room\u001B]0;x\u0007", null, List.of(), null,
                title, List.of());
        List<SlackRenderer.SlackMessage> pages = renderer.render(OutgoingMessage.of(title,
                List.of(new Block.Heading(title), new Block.Paragraph(title), card)));
        String json = json(pages.get(0).blocks()) + pages.get(0).text();
        assertThat(json).contains("GRC \uFFFD[31mWorkshop\uFFFDevil", "Room\uFFFD]0;x\uFFFD")
                .doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\u0007");
    }
}
