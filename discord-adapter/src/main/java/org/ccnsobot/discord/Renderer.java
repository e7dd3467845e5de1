package org.ccnsobot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.support.Paging;
import org.ccnsobot.port.support.VenueTime;
import org.ccnsobot.port.support.Truncation;

/**
 * Turns a neutral message into Discord messages. Times become {@code <t:EPOCH:F>} tokens so each member reads
 * their own local time, plus the venue's local time spelled out. Discord's size limits are met by splitting at
 * entry boundaries (a line, a field, an embed), never inside an entry unless that one entry is itself too long.
 */
final class Renderer {
    static final int CONTENT_MAX = 2000;
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int FIELDS_MAX = 25;
    static final int EMBEDS_MAX = 10;
    static final int TOTAL_MAX = 6000;
    static final int FOOTER_MAX = 2048;

    private static final int COLOUR = 0x1F6FB2;
    private static final int COLOUR_CANCELLED = 0x8A8A8A;
    private Renderer() {
    }

    /** In English: the words the adapter adds are English whatever the message's language. */
    static List<Page> render(OutgoingMessage message) {
        return render(message, Labels.ENGLISH);
    }

    /** With the adapter's own words (field names, buttons, the venue line) from {@code labels}. */
    static List<Page> render(OutgoingMessage message, Labels labels) {
        // Plain paragraphs read better as a normal message than as a boxed embed (and stay one line when short).
        // Buttons (Block.Actions) become components, not text: they do not make a message rich.
        List<Block> shown = message.blocks().stream()
                .filter(b -> !(b instanceof Block.Actions) && !(b instanceof Block.OpenForm)).toList();
        boolean plain = shown.stream().allMatch(b -> b instanceof Block.Paragraph
                || b instanceof Block.TimedParagraph);
        List<Page> pages;
        if (plain) {
            String text = shown.isEmpty() ? Escaper.text(message.fallbackText())
                    : shown.stream().map(Renderer::paragraph).collect(Collectors.joining("\n\n"));
            pages = textPages(text);
        } else {
            pages = embedPages(embeds(message.blocks(), labels));
            if (pages.isEmpty()) {
                // Blocks that render to nothing (an empty field list): the fallback is complete on its own.
                pages = textPages(Escaper.text(message.fallbackText()));
            }
        }
        return withButtons(withPings(pages, message.mentions()), Buttons.rows(message, labels));
    }

    private static List<Page> withButtons(List<Page> pages, List<net.dv8tion.jda.api.components.actionrow.ActionRow> rows) {
        if (rows.isEmpty() || pages.isEmpty()) {
            return pages;
        }
        List<Page> out = new ArrayList<>(pages);
        out.set(out.size() - 1, out.get(out.size() - 1).withRows(rows));
        return out;
    }

    // Embeds never ping, so the pings a staff command asked for go into the first page's content.
    private static List<Page> withPings(List<Page> pages, Mentions mentions) {
        if (!mentions.pingsAnyone()) {
            return pages;
        }
        List<String> tokens = new ArrayList<>();
        if (mentions.everyone()) {
            tokens.add("@everyone");
        }
        mentions.roleIds().stream().sorted().forEach(id -> tokens.add("<@&" + id + ">"));
        mentions.userIds().stream().sorted().forEach(id -> tokens.add("<@" + id + ">"));
        String prefix = String.join(" ", tokens);
        List<Page> out = new ArrayList<>(pages);
        Page first = out.get(0);
        String content = first.content().isEmpty() ? prefix : prefix + "\n" + first.content();
        if (content.length() > CONTENT_MAX) {
            out.add(0, new Page(prefix, List.of(), mentions));
        } else {
            out.set(0, new Page(content, first.embeds(), mentions));
        }
        return out;
    }

    /** Text in messages of at most 2000 characters, split at line breaks. */
    static List<Page> textPages(String text) {
        return Paging.lines(text, CONTENT_MAX).stream().map(p -> new Page(p, List.of(), Mentions.NONE)).toList();
    }

    /** Embeds in messages of at most ten embeds and 6000 characters, never splitting one. */
    static List<Page> embedPages(List<MessageEmbed> embeds) {
        return Paging.pages(embeds, MessageEmbed::getLength, TOTAL_MAX, EMBEDS_MAX, 0).stream()
                .map(p -> new Page("", p, Mentions.NONE)).toList();
    }

    static List<MessageEmbed> embeds(List<Block> blocks, Labels labels) {
        EmbedStack stack = new EmbedStack();
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                stack.start(Escaper.text(h.text()), COLOUR);
            } else if (block instanceof Block.Paragraph || block instanceof Block.TimedParagraph) {
                stack.ensureOpen();
                for (String line : paragraph(block).split("\n", -1)) {
                    stack.line(line);
                }
                stack.line("");
            } else if (block instanceof Block.Fields f) {
                stack.ensureOpen();
                for (Block.Field field : f.fields()) {
                    stack.field(Escaper.text(field.name()), Escaper.text(field.value()), true);
                }
            } else if (block instanceof Block.Links l) {
                stack.ensureOpen();
                for (Block.Link link : l.links()) {
                    stack.line("• " + link(link));
                }
            } else if (block instanceof Block.Footnote n) {
                stack.ensureOpen();
                stack.footer(Escaper.text(n.text()));
            } else if (block instanceof Block.EventCard c) {
                eventCard(stack, c, labels);
                stack.end();
            }
        }
        return stack.finish();
    }

    /** A paragraph escaped, its marked instants as {@code <t:…>} tokens: each member reads their own time. */
    static String paragraph(Block b) {
        if (b instanceof Block.TimedParagraph t) {
            StringBuilder sb = new StringBuilder();
            for (Block.TimedParagraph.Piece piece : t.pieces()) {
                if (piece.mark() == null) {
                    sb.append(Escaper.text(piece.text()));
                } else {
                    sb.append("<t:").append(piece.mark().at().getEpochSecond())
                            .append(piece.mark().timeOnly() ? ":t>" : ":F>");
                }
            }
            return sb.toString();
        }
        return Escaper.text(((Block.Paragraph) b).text());
    }

    private static void eventCard(EmbedStack stack, Block.EventCard c, Labels labels) {
        boolean cancelled = "cancelled".equalsIgnoreCase(c.status());
        String title = Escaper.text(c.title());
        if (c.status() != null && !"scheduled".equalsIgnoreCase(c.status())) {
            String status = c.status().toLowerCase(Locale.ROOT);
            title = (cancelled ? "~~" + title + "~~" : title) + " ("
                    + (status.equals("cancelled") || status.equals("moved")
                    ? labels.text("discord.card.status." + status, status) : status) + ")";
        }
        stack.start(title, cancelled ? COLOUR_CANCELLED : COLOUR);
        for (String line : whenLines(c, labels)) {
            stack.line(line);
        }
        if (c.description() != null && !c.description().isBlank()) {
            stack.line("");
            for (String line : Escaper.text(c.description().strip()).split("\n", -1)) {
                stack.line(line);
            }
        }
        if (c.room() != null && !c.room().isBlank()) {
            stack.field(labels.text("discord.card.room", "Room"), Escaper.text(c.room()), true);
        }
        if (c.access() != null && !c.access().isBlank()) {
            String access = c.access().toLowerCase(Locale.ROOT);
            stack.field(labels.text("discord.card.access", "Access"),
                    access.equals("open") ? labels.text("discord.card.open", "Open to all")
                    : access.equals("closed") ? labels.text("discord.card.closed", "Closed session")
                    : Escaper.text(c.access()), true);
        }
        if (!c.committees().isEmpty()) {
            stack.field(labels.text("discord.card.committees", "Committees"), Escaper.text(String.join(", ", c.committees())), true);
        }
        if (!c.links().isEmpty()) {
            stack.field(labels.text("discord.card.links", "Links"), joinWithin(c.links().stream().map(Renderer::link)
                    .collect(Collectors.toList()), FIELD_VALUE_MAX, labels), false);
        }
        stack.footer(labels.text("discord.card.footer", "event {0}", c.eventId()));
    }

    /** The member-local time tokens and the venue's own clock, or the bare date when no time is known yet. */
    static List<String> whenLines(Block.EventCard c) {
        return whenLines(c, Labels.ENGLISH);
    }

    static List<String> whenLines(Block.EventCard c, Labels labels) {
        if (c.dateOnly()) {
            String where = c.place() == null || c.place().isBlank() ? "" : ", " + Escaper.text(c.place());
            if (c.multiDay()) {
                return List.of("📅 " + labels.text("discord.card.allDay", "{0} (all day)",
                        VenueTime.days(c.date(), c.lastDay(), labels.locale()) + where));
            }
            return List.of("📅 " + labels.text("discord.card.tba", "{0} (time to be announced)",
                    VenueTime.longDay(c.date(), labels.locale()) + where));
        }
        long start = c.start().getEpochSecond();
        String first = "🕒 <t:" + start + ":F> (<t:" + start + ":R>)";
        if (c.end() != null) {
            first = labels.text("discord.card.until", "{0} until {1}", first, "<t:" + c.end().getEpochSecond() + ":t>");
        }
        // Discord shows the range in each member's own time just above, so the venue line gives the start in full
        String venue = labels.text("discord.card.venue", "Venue time: {0}",
                Escaper.text(VenueTime.of(c.start(), null, c.venueZone(), c.place())));
        if (c.end() != null) {
            venue = labels.text("discord.card.venueUntil", "{0} (until {1})", venue,
                    VenueTime.hoursAndMinutes(c.end(), c.venueZone()));
        }
        return List.of(first, venue);
    }

    private static String link(Block.Link link) {
        String label = Escaper.text(link.label()).replace("[", "(").replace("]", ")");
        return link.url() == null || link.url().isBlank() ? label : "[" + label + "](" + link.url().strip() + ")";
    }

    // Drops whole entries that do not fit and says how many, rather than cutting a link in half.
    private static String joinWithin(List<String> entries, int max, Labels labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            String more = "\n" + labels.text("discord.card.more", "…and {0} more", entries.size() - i);
            String next = (sb.length() == 0 ? "" : "\n") + entries.get(i);
            boolean last = i == entries.size() - 1;
            if (sb.length() + next.length() + (last ? 0 : more.length()) > max) {
                return sb.length() == 0 ? Truncation.cut(entries.get(i), max) : sb + more;
            }
            sb.append(next);
        }
        return sb.toString();
    }

    /**
     * Builds embeds entry by entry. When the next line or field would break a limit, the current embed is closed
     * and a continuation embed (same colour, no title) takes over, so the split always falls between entries.
     */
    private static final class EmbedStack {
        private final List<MessageEmbed> done = new ArrayList<>();
        private String title;
        private int colour = COLOUR;
        private final StringBuilder description = new StringBuilder();
        private final List<MessageEmbed.Field> fields = new ArrayList<>();
        private String footer;
        private boolean open;

        void start(String newTitle, int newColour) {
            close();
            title = Truncation.cut(newTitle == null || newTitle.isBlank() ? "…" : newTitle, TITLE_MAX);
            colour = newColour;
            open = true;
        }

        void ensureOpen() {
            if (!open) {
                title = null;
                open = true;
            }
        }

        void line(String raw) {
            String line = Truncation.cut(raw, DESCRIPTION_MAX);
            int added = (description.length() == 0 ? 0 : 1) + line.length();
            if (description.length() + added > DESCRIPTION_MAX || size() + added > TOTAL_MAX) {
                continuation();
            }
            if (line.isEmpty() && description.length() == 0) {
                return;
            }
            if (description.length() > 0) {
                description.append('\n');
            }
            description.append(line);
        }

        void field(String name, String value, boolean inline) {
            String n = Truncation.cut(name.isBlank() ? "\u200B" : name, FIELD_NAME_MAX);
            String v = Truncation.cut(value.isBlank() ? "\u200B" : value, FIELD_VALUE_MAX);
            if (fields.size() == FIELDS_MAX || size() + n.length() + v.length() > TOTAL_MAX) {
                continuation();
            }
            fields.add(new MessageEmbed.Field(n, v, inline));
        }

        void footer(String text) {
            footer = Truncation.cut(text, FOOTER_MAX);
            if (size() > TOTAL_MAX) {
                footer = null;
            }
        }

        private int size() {
            int n = (title == null ? 0 : title.length()) + description.length() + (footer == null ? 0 : footer.length());
            for (MessageEmbed.Field f : fields) {
                n += f.getName().length() + f.getValue().length();
            }
            return n;
        }

        private void continuation() {
            int keep = colour;
            close();
            colour = keep;
            title = null;
            open = true;
        }

        /** Closes the current embed so that what follows starts a new one. */
        void end() {
            close();
        }

        private void close() {
            if (open) {
                String desc = description.toString().strip();
                if (title != null || !desc.isEmpty() || !fields.isEmpty() || footer != null) {
                    EmbedBuilder b = new EmbedBuilder().setColor(colour);
                    if (title != null) {
                        b.setTitle(title);
                    }
                    if (!desc.isEmpty()) {
                        b.setDescription(desc);
                    }
                    fields.forEach(b::addField);
                    if (footer != null) {
                        b.setFooter(footer);
                    }
                    done.add(b.build());
                }
            }
            description.setLength(0);
            fields.clear();
            footer = null;
            title = null;
            open = false;
        }

        List<MessageEmbed> finish() {
            close();
            return done;
        }
    }
}
