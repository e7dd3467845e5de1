package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.junit.jupiter.api.Test;

class RendererTest {

    @Test
    void aTimedEventShowsLocalTimeTokensAndTheVenueClock() {
        Block.EventCard card = DiscordCore.council();
        List<String> lines = Renderer.whenLines(card);
        long start = card.start().getEpochSecond();
        assertThat(lines.get(0)).isEqualTo("🕒 <t:" + start + ":F> (<t:" + start + ":R>) until <t:"
                + card.end().getEpochSecond() + ":t>");
        assertThat(lines.get(1)).isEqualTo("Venue time: 10:30 AST, San Juan (until 12:00)");
    }

    @Test
    void theVenueClockFollowsTheVenueZoneNotTheServers() {
        Block.EventCard brussels = new Block.EventCard("e", "Council", Instant.parse("2024-07-01T08:00:00Z"), null,
                LocalDate.of(2024, 7, 1), ZoneId.of("Europe/Brussels"), "Brussels", null, null, List.of(), null, null,
                List.of());
        assertThat(Renderer.whenLines(brussels).get(1)).isEqualTo("Venue time: 10:00 CEST, Brussels");
    }

    @Test
    void aDateOnlyEventShowsTheDateWithoutATime() {
        List<String> lines = Renderer.whenLines(DiscordCore.techDay());
        assertThat(lines).containsExactly("📅 Monday 4 March 2024, San Juan (time to be announced)");
    }

    @Test
    void plainTextStaysContentAndIsDefused() {
        List<Page> pages = Renderer.render(OutgoingMessage.text("hi @everyone and @here and <@&123456789012345678>"));
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.embeds()).isEmpty();
            assertThat(p.content()).isEqualTo("hi @\u200Beveryone and @\u200Bhere and <@\u200B&123456789012345678>");
            assertThat(p.mentions()).isEqualTo(Mentions.NONE);
        });
    }

    @Test
    void longTextIsSplitAtLineBoundariesWithinTheContentLimit() {
        String text = IntStream.range(0, 300).mapToObj(i -> "line " + i + " of the committee update").collect(Collectors.joining("\n"));
        List<Page> pages = Renderer.render(OutgoingMessage.text(text));
        assertThat(pages).hasSizeGreaterThan(1).allMatch(p -> p.content().length() <= 2000);
        assertThat(pages.stream().map(Page::content).collect(Collectors.joining("\n"))).isEqualTo(text);
    }

    @Test
    void manyEventsArePagedWithinEmbedLimitsWithoutSplittingAnEvent() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading("ICANN79 schedule"));
        blocks.addAll(DiscordCore.week(47));
        List<Page> pages = Renderer.render(OutgoingMessage.of("schedule", blocks));

        assertThat(pages).allSatisfy(p -> {
            assertThat(p.embeds()).hasSizeLessThanOrEqualTo(10);
            assertThat(p.embeds().stream().mapToInt(MessageEmbed::getLength).sum()).isLessThanOrEqualTo(6000);
        });
        List<MessageEmbed> all = pages.stream().flatMap(p -> p.embeds().stream()).toList();
        assertThat(all).hasSize(48);
        assertThat(all.subList(1, 48)).allSatisfy(e -> assertThat(e.getTitle()).startsWith("Session "));
    }

    @Test
    void aHugeParagraphContinuesInAnotherEmbedAtALineBoundary() {
        String para = IntStream.range(0, 400).mapToObj(i -> "entry " + i + ": a committee update line")
                .collect(Collectors.joining("\n"));
        List<Block> blocks = List.of(new Block.Heading("Updates"), new Block.Paragraph(para),
                new Block.Fields(IntStream.range(0, 30).mapToObj(i -> new Block.Field("f" + i, "v" + i)).toList()));
        List<MessageEmbed> embeds = Renderer.render(OutgoingMessage.of("updates", blocks)).stream()
                .flatMap(p -> p.embeds().stream()).toList();

        assertThat(embeds).allSatisfy(e -> {
            assertThat(e.getDescription() == null ? 0 : e.getDescription().length()).isLessThanOrEqualTo(4096);
            assertThat(e.getFields()).hasSizeLessThanOrEqualTo(25);
            assertThat(e.getLength()).isLessThanOrEqualTo(6000);
        });
        String joined = embeds.stream().map(MessageEmbed::getDescription).filter(d -> d != null)
                .collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(para);
        assertThat(embeds.stream().mapToInt(e -> e.getFields().size()).sum()).isEqualTo(30);
    }

    @Test
    void longTitlesAndFieldValuesAreCutToDiscordsLimits() {
        String title = "T".repeat(400);
        List<Block.Link> links = IntStream.range(0, 60)
                .mapToObj(i -> new Block.Link("Document " + i, "https://ccnso.icann.org/doc/" + i)).toList();
        Block.EventCard card = new Block.EventCard("e", title, Instant.parse("2024-03-06T14:30:00Z"), null,
                LocalDate.of(2024, 3, 6), DiscordCore.SAN_JUAN, "San Juan", null, null, List.of(), null, null, links);
        MessageEmbed embed = Renderer.render(OutgoingMessage.of("x", List.of(card))).get(0).embeds().get(0);

        assertThat(embed.getTitle()).hasSize(256).endsWith("…");
        MessageEmbed.Field linksField = embed.getFields().get(0);
        assertThat(linksField.getValue()).hasSizeLessThanOrEqualTo(1024).contains("…and ").contains("more");
        assertThat(linksField.getValue().lines().filter(l -> l.startsWith("[")).allMatch(l -> l.endsWith(")"))).isTrue();
    }

    @Test
    void askedForPingsGoIntoTheFirstPagesContentOnly() {
        OutgoingMessage m = OutgoingMessage.of("x", DiscordCore.week(15))
                .withMentions(new Mentions(false, Set.of("500000000000000001"), Set.of()));
        List<Page> pages = Renderer.render(m);
        assertThat(pages.get(0).content()).isEqualTo("<@&500000000000000001>");
        assertThat(pages.get(0).mentions().roleIds()).containsExactly("500000000000000001");
        assertThat(pages.get(1).mentions()).isEqualTo(Mentions.NONE);
        assertThat(pages.get(1).content()).isEmpty();
    }

    @Test
    void blocksThatRenderToNothingFallBackToTheText() {
        List<Page> pages = Renderer.render(OutgoingMessage.of("No updates this week.", List.of(new Block.Fields(List.of()))));
        assertThat(pages).singleElement().extracting(Page::content).isEqualTo("No updates this week.");
    }

    @Test
    void aCancelledEventIsMarked() {
        Block.EventCard c = DiscordCore.council();
        Block.EventCard cancelled = new Block.EventCard(c.eventId(), c.title(), c.start(), c.end(), c.date(), c.venueZone(),
                c.place(), c.room(), c.access(), c.committees(), "cancelled", c.description(), c.links());
        MessageEmbed e = Renderer.render(OutgoingMessage.of("x", List.of(cancelled))).get(0).embeds().get(0);
        assertThat(e.getTitle()).isEqualTo("~~ccNSO Council Meeting~~ (cancelled)");
    }

    /** A change summary as core words it: its lines' instants marked, the UTC text written in full. */
    static OutgoingMessage summary() {
        Instant now = Instant.parse("2024-03-02T17:00:00Z");
        Instant end = Instant.parse("2024-03-02T18:00:00Z");
        Instant was = Instant.parse("2024-03-02T13:00:00Z");
        String moved = "• Moved: GRC Workshop is now Sat 2 Mar 2024 17:00 UTC to 18:00 UTC (was Sat 2 Mar 2024"
                + " 13:00 UTC) [grc]";
        String added = "• Added: Tech Day — Mon 4 Mar 2024 15:00 UTC [tech]";
        return OutgoingMessage.of("Schedule changes (2):\n" + moved + "\n" + added, List.of(
                new Block.Heading("Schedule changes (2)"),
                new Block.TimedParagraph(moved, List.of(new Block.TimeMark(now, "Sat 2 Mar 2024 17:00 UTC", false),
                        new Block.TimeMark(end, "18:00 UTC", true),
                        new Block.TimeMark(was, "Sat 2 Mar 2024 13:00 UTC", false))),
                new Block.TimedParagraph(added, List.of(new Block.TimeMark(Instant.parse("2024-03-04T15:00:00Z"),
                        "Mon 4 Mar 2024 15:00 UTC", false)))));
    }

    @Test
    void aChangeSummaryShowsEachLinesTimesAsTokens() {
        List<Page> pages = Renderer.render(summary());
        String description = pages.get(0).embeds().get(0).getDescription();
        assertThat(description).isEqualTo("• Moved: GRC Workshop is now <t:1709398800:F> to <t:1709402400:t> (was"
                + " <t:1709384400:F>) [grc]\n\n• Added: Tech Day — <t:1709564400:F> [tech]");
        assertThat(description).doesNotContain("UTC");
    }

    @Test
    void controlAndBidiCharactersAlreadyStoredAreNeutralisedInEveryPart() {
        String title = "GRC \u001B[31mWorkshop\u202Eevil";
        Block.EventCard card = new Block.EventCard("e", title, Instant.parse("2024-03-02T13:00:00Z"), null,
                LocalDate.of(2024, 3, 2), ZoneId.of("UTC"), null, null, null, List.of(), null, title, List.of());
        List<Page> pages = Renderer.render(OutgoingMessage.of(title, List.of(new Block.Heading(title),
                new Block.Paragraph(title), card)));
        String all = pages.stream().flatMap(p -> p.embeds().stream()).map(e -> e.getTitle() + "\n"
                + e.getDescription()).collect(Collectors.joining("\n")) + pages.get(0).content();
        assertThat(all).contains("GRC \uFFFD[31mWorkshop\uFFFDevil").doesNotContain("\u001B").doesNotContain("\u202E");
        assertThat(Renderer.render(OutgoingMessage.text(title)).get(0).content())
                .isEqualTo("GRC \uFFFD[31mWorkshop\uFFFDevil");
    }
}
