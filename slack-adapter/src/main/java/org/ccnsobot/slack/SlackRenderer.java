package org.ccnsobot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Mentions;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.support.Paging;
import org.ccnsobot.port.support.Pings;
import org.ccnsobot.port.support.Truncation;
import org.ccnsobot.port.support.VenueTime;

/**
 * Turns the neutral {@link OutgoingMessage} into Block Kit. Everything that came from core is treated as text typed
 * by a person and escaped, so only the pings that {@link Mentions} asks for can reach Slack; and every Slack limit
 * is enforced here, because Slack refuses the whole message ({@code invalid_blocks}) when one block is too long.
 */
final class SlackRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_HOME_BLOCKS = 100;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2000;
    static final int MAX_MESSAGE_TEXT = 40000;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_URL = 3000;
    static final int MAX_ACTIONS = 25;

    static final String SUBSCRIBE_ACTION = "subscribe_event";
    static final String CALENDAR_ACTION = "calendar_event";
    /** A core button ({@link Block.Action}) that runs a command: action id {@code run_<n>}, value {@link ButtonValue}. */
    static final String RUN_ACTION = "run_";
    /** A core button, or an App Home shortcut, that opens a form: action id {@code form_<…>}. */
    static final String FORM_ACTION = "form_";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * What a core button carries in its value: the command (or the form's command) and its options. All a click
     * needs travels in the button, so it works on a message posted before a restart.
     */
    record ButtonValue(String c, java.util.Map<String, String> o) {
        String encode() {
            try {
                return JSON.writeValueAsString(this);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static java.util.Optional<ButtonValue> decode(String value) {
            try {
                ButtonValue v = value == null ? null : JSON.readValue(value, ButtonValue.class);
                return v == null || v.c() == null ? java.util.Optional.empty()
                        : java.util.Optional.of(new ButtonValue(v.c(), v.o() == null ? java.util.Map.of() : v.o()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return java.util.Optional.empty();
            }
        }
    }

    private static final DateTimeFormatter UTC_FALLBACK =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,}");

    /** One Slack message: the notification text and its blocks. */
    record SlackMessage(String text, List<LayoutBlock> blocks) {
        SlackMessage {
            blocks = List.copyOf(blocks);
        }
    }

    private final String calendarUrlTemplate;
    private final SlackTexts texts;

    SlackRenderer(String calendarUrlTemplate) {
        this(calendarUrlTemplate, SlackTexts.ENGLISH);
    }

    SlackRenderer(String calendarUrlTemplate, SlackTexts texts) {
        this.calendarUrlTemplate = calendarUrlTemplate;
        this.texts = texts;
    }

    /** Renders a message as one or more Slack messages, split between entries so no card is cut in two. */
    List<SlackMessage> render(OutgoingMessage message) {
        return render(message, null);
    }

    /** As {@link #render(OutgoingMessage)}, with the adapter's own labels (card buttons) in {@code reader}'s language. */
    List<SlackMessage> render(OutgoingMessage message, Locale reader) {
        String pings = pings(message.mentions());
        List<List<LayoutBlock>> entries = new ArrayList<>();
        if (!pings.isEmpty()) {
            entries.add(List.of(section(pings)));
        }
        entries.addAll(entries(message.blocks(), reader));
        List<List<LayoutBlock>> pages = paginate(entries, MAX_BLOCKS);
        String fallback = truncate((pings.isEmpty() ? "" : pings + " ") + escape(message.fallbackText()),
                MAX_MESSAGE_TEXT);
        List<SlackMessage> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String text = i == 0 ? fallback : escape(texts.format(reader, "slack.continued",
                    "(continued, part {0} of {1})", i + 1, pages.size()));
            out.add(new SlackMessage(text, pages.get(i)));
        }
        if (out.isEmpty()) {
            out.add(new SlackMessage(fallback, List.of(section(fallback))));
        }
        return out;
    }

    /** The blocks of a message without paging, for views that hold more than a message (App Home). */
    List<LayoutBlock> blocks(List<Block> blocks) {
        return blocks(blocks, null);
    }

    List<LayoutBlock> blocks(List<Block> blocks, Locale reader) {
        List<LayoutBlock> out = new ArrayList<>();
        entries(blocks, reader).forEach(out::addAll);
        return out;
    }

    private List<List<LayoutBlock>> entries(List<Block> blocks, Locale reader) {
        List<List<LayoutBlock>> entries = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                entries.add(List.of(HeaderBlock.builder()
                        .text(PlainTextObject.builder().text(truncate(escape(h.text()), MAX_HEADER_TEXT))
                                .emoji(true).build()).build()));
            } else if (b instanceof Block.Paragraph p) {
                entries.add(paragraph(escape(p.text())));
            } else if (b instanceof Block.TimedParagraph t) {
                entries.add(paragraph(timed(t)));
            } else if (b instanceof Block.Fields f) {
                entries.add(fields(f.fields()));
            } else if (b instanceof Block.Links l) {
                if (!l.links().isEmpty()) {
                    entries.add(paragraph(linkLines(l.links())));
                }
            } else if (b instanceof Block.Footnote n) {
                entries.add(List.of(context(truncate(escape(n.text()), MAX_SECTION_TEXT))));
            } else if (b instanceof Block.EventCard c) {
                entries.add(eventCard(c, reader));
            } else if (b instanceof Block.Actions a) {
                actions(a).ifPresent(block -> entries.add(List.of(block)));
            }
            // Block.OpenForm is an answer to a form request, opened as a modal by SlackModals, never rendered
        }
        return entries;
    }

    /** Core's buttons (the announcement preview's Confirm, Edit, Cancel; Fix it); core checks who may on every click. */
    private static java.util.Optional<LayoutBlock> actions(Block.Actions a) {
        List<BlockElement> buttons = new ArrayList<>();
        for (Block.Action action : a.actions()) {
            String value = new ButtonValue(action.command(), action.options()).encode();
            if (value.length() > MAX_BUTTON_VALUE || buttons.size() >= MAX_ACTIONS) {
                continue;
            }
            ButtonElement.ButtonElementBuilder b = ButtonElement.builder()
                    .actionId((action.opensForm() ? FORM_ACTION : RUN_ACTION) + buttons.size())
                    .value(value).text(plain(truncate(action.label(), MAX_BUTTON_TEXT)));
            if (action.primary()) {
                b.style("primary");
            }
            buttons.add(b.build());
        }
        return buttons.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(ActionsBlock.builder().elements(buttons).build());
    }

    private List<LayoutBlock> eventCard(Block.EventCard c, Locale reader) {
        List<LayoutBlock> out = new ArrayList<>();
        StringBuilder head = new StringBuilder("*").append(escape(c.title())).append('*');
        if (c.status() != null && !c.status().equalsIgnoreCase("scheduled")) {
            head.append("  _").append(escape(status(c.status(), reader))).append('_');
        }
        head.append('\n').append(when(c, reader));
        String venue = venueTime(c, reader);
        if (venue != null) {
            head.append('\n').append(escape(texts.t(reader, "slack.card.venueTime", "Venue time:"))).append(' ')
                    .append(escape(venue));
        }
        out.add(section(truncate(head.toString(), MAX_SECTION_TEXT)));

        List<Block.Field> facts = new ArrayList<>();
        if (c.room() != null && !c.room().isBlank()) {
            facts.add(new Block.Field(texts.t(reader, "slack.card.room", "Room"), c.room()));
        }
        if (c.access() != null && !c.access().isBlank()) {
            facts.add(new Block.Field(texts.t(reader, "slack.card.access", "Access"), capitalise(access(c.access(),
                    reader))));
        }
        if (!c.committees().isEmpty()) {
            facts.add(new Block.Field(texts.t(reader, "slack.card.committees", "Committees"),
                    String.join(", ", c.committees())));
        }
        if (!facts.isEmpty()) {
            out.addAll(fields(facts));
        }
        if (c.description() != null && !c.description().isBlank()) {
            out.add(section(truncate(escape(c.description()), MAX_SECTION_TEXT)));
        }
        List<BlockElement> buttons = new ArrayList<>();
        if (c.eventId().length() <= MAX_BUTTON_VALUE) {
            buttons.add(ButtonElement.builder().actionId(SUBSCRIBE_ACTION).value(c.eventId())
                    .text(plain(texts.t(reader, "slack.card.subscribe", "Subscribe"))).build());
        }
        String ics = calendarUrl(c);
        if (ics != null) {
            // a link button still sends a block_actions payload; the adapter only acks it
            buttons.add(ButtonElement.builder().actionId(CALENDAR_ACTION).url(ics).value(c.eventId())
                    .text(plain(texts.t(reader, "slack.card.calendar", "Add to calendar"))).build());
        }
        for (Block.Link link : c.links()) {
            String url = safeUrl(link.url());
            if (url != null && buttons.size() < MAX_ACTIONS && !url.equals(ics)) {
                buttons.add(ButtonElement.builder().actionId("link_" + buttons.size()).url(url)
                        .text(plain(link.label())).build());
            }
        }
        out.add(ActionsBlock.builder().elements(buttons).build());
        out.add(DividerBlock.builder().build());
        return out;
    }

    /** The reader's local time through Slack's date token, with a UTC fallback for clients that cannot. */
    private String when(Block.EventCard c, Locale reader) {
        if (c.multiDay()) {
            return ":date: " + org.ccnsobot.port.support.VenueTime.days(c.date(), c.lastDay(), reader) + " "
                    + escape(texts.t(reader, "slack.card.allDay", "(all day)"));
        }
        if (c.dateOnly()) {
            return ":date: " + day(reader).format(c.date()) + " " + escape(texts.t(reader, "slack.card.noTime",
                    "(time not yet announced)"));
        }
        DateTimeFormatter fallback = utcFallback(reader);
        String start = dateToken(c.start(), "{date_short_pretty} {time}", fallback.format(c.start()));
        if (c.end() == null) {
            return ":date: " + start;
        }
        boolean sameDay = c.start().atZone(ZoneOffset.UTC).toLocalDate()
                .equals(c.end().atZone(ZoneOffset.UTC).toLocalDate());
        String end = sameDay ? dateToken(c.end(), "{time}", UTC_TIME.format(c.end()))
                : dateToken(c.end(), "{date_short_pretty} {time}", fallback.format(c.end()));
        return ":date: " + start + " – " + end;
    }

    /** A paragraph escaped, its marked instants as date tokens in the reader's time, the written text as fallback. */
    static String timed(Block.TimedParagraph t) {
        StringBuilder sb = new StringBuilder();
        for (Block.TimedParagraph.Piece piece : t.pieces()) {
            sb.append(piece.mark() == null ? escape(piece.text()) : dateToken(piece.mark().at(),
                    piece.mark().timeOnly() ? "{time}" : "{date_short_pretty} {time}", piece.text()));
        }
        return sb.toString();
    }

    static String dateToken(Instant at, String format, String fallback) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + escape(fallback) + ">";
    }

    /** "10:30–12:00 AST, San Juan": what the clocks in the meeting room say (the port's {@link VenueTime}). */
    static String venueTime(Block.EventCard c) {
        return SlackRenderer.venueTime(c, null, SlackTexts.ENGLISH);
    }

    private String venueTime(Block.EventCard c, Locale reader) {
        return venueTime(c, reader, texts);
    }

    private static String venueTime(Block.EventCard c, Locale reader, SlackTexts texts) {
        return VenueTime.of(c).map(t -> c.place() == null || c.place().isBlank()
                ? texts.format(reader, "slack.card.venueClock", "{0} (venue time)", t) : t).orElse(null);
    }

    /** A card's access in the reader's words: core's own for open and closed, any other value as given. */
    private String access(String access, Locale reader) {
        String a = access.toLowerCase(Locale.ROOT);
        return a.equals("open") || a.equals("closed") ? texts.t(reader, "access." + a, a) : access;
    }

    /** A card's state (moved, cancelled) in the reader's words, core's own; any other value as given. */
    private String status(String status, Locale reader) {
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("moved") || s.equals("cancelled") ? texts.t(reader, "status." + s, s) : s;
    }

    /** A bare date ("Thu 15 Feb 2024", "jeu. 15 févr. 2024") in the reader's language; English without one. */
    private static DateTimeFormatter day(Locale reader) {
        return english(reader) ? DAY : DateTimeFormatter.ofPattern("EEE d MMM yyyy", language(reader));
    }

    /** The text a client that cannot show Slack's date token shows instead, in the reader's language. */
    private static DateTimeFormatter utcFallback(Locale reader) {
        return english(reader) ? UTC_FALLBACK : DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'",
                language(reader)).withZone(ZoneOffset.UTC);
    }

    private static boolean english(Locale reader) {
        return reader == null || reader.getLanguage().isEmpty() || reader.getLanguage().equals("en");
    }

    /** The language alone ("es" for es-419), so the JDK's patterns do not vary by country. */
    private static Locale language(Locale reader) {
        return Locale.forLanguageTag(reader.getLanguage());
    }

    /**
     * The Add to calendar address: the workspace's own template when set (the admin chose it), else the event's
     * feed on the bot's feed server that core put on the card, else an .ics link among the event's links.
     */
    private String calendarUrl(Block.EventCard c) {
        if (calendarUrlTemplate != null && !calendarUrlTemplate.isBlank()) {
            String templated = safeUrl(calendarUrlTemplate.replace("{eventId}",
                    java.net.URLEncoder.encode(c.eventId(), java.nio.charset.StandardCharsets.UTF_8)));
            if (templated != null) {
                return templated;
            }
        }
        String feed = safeUrl(c.calendarUrl());
        if (feed != null) {
            return feed;
        }
        for (Block.Link link : c.links()) {
            String url = safeUrl(link.url());
            if (url != null && url.toLowerCase(Locale.ROOT).contains(".ics")) {
                return url;
            }
        }
        return null;
    }

    private static List<LayoutBlock> fields(List<Block.Field> fields) {
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
            List<TextObject> chunk = new ArrayList<>();
            for (Block.Field f : fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS))) {
                chunk.add(mrkdwn(truncate("*" + escape(f.name()) + "*\n" + escape(f.value()), MAX_FIELD_TEXT)));
            }
            out.add(SectionBlock.builder().fields(chunk).build());
        }
        return out;
    }

    private static String linkLines(List<Block.Link> links) {
        StringBuilder sb = new StringBuilder();
        for (Block.Link l : links) {
            String url = safeUrl(l.url());
            sb.append(sb.isEmpty() ? "" : "\n").append("• ");
            sb.append(url == null ? escape(l.label()) : "<" + url + "|" + escape(l.label()).replace("|", "¦") + ">");
        }
        return sb.toString();
    }

    /** Long text goes into several sections, cut at line ends where possible, so nothing is lost. */
    private static List<LayoutBlock> paragraph(String text) {
        List<LayoutBlock> out = new ArrayList<>();
        String rest = text.isEmpty() ? " " : text;
        while (rest.length() > MAX_SECTION_TEXT) {
            int cut = rest.lastIndexOf('\n', MAX_SECTION_TEXT);
            if (cut < MAX_SECTION_TEXT / 2) {
                cut = MAX_SECTION_TEXT;
                // never split an entity such as &amp; in half
                int amp = rest.lastIndexOf('&', cut - 1);
                if (amp > cut - 6) {
                    cut = amp;
                }
            }
            out.add(section(rest.substring(0, cut)));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(section(rest));
        }
        return out;
    }

    /** Entries (a card's blocks) into pages of at most {@code max} blocks; only a giant paragraph is cut. */
    static List<List<LayoutBlock>> paginate(List<List<LayoutBlock>> entries, int max) {
        List<List<LayoutBlock>> pieces = new ArrayList<>();
        for (List<LayoutBlock> entry : entries) {
            if (entry.size() > max) {
                pieces.addAll(Paging.chunks(entry, max));
            } else {
                pieces.add(entry);
            }
        }
        List<List<LayoutBlock>> pages = new ArrayList<>();
        for (List<List<LayoutBlock>> page : Paging.pages(pieces, List::size, max, Integer.MAX_VALUE, 0)) {
            List<LayoutBlock> blocks = new ArrayList<>();
            page.forEach(blocks::addAll);
            pages.add(blocks);
        }
        return pages;
    }

    /** The pings the message explicitly asked for, from ids only, never from free text. */
    static String pings(Mentions mentions) {
        List<String> parts = new ArrayList<>();
        if (mentions.everyone()) {
            parts.add("<!channel>");
        }
        mentions.roleIds().stream().filter(id -> SLACK_ID.matcher(id).matches()).sorted()
                .forEach(id -> parts.add("<!subteam^" + id + ">"));
        mentions.userIds().stream().filter(id -> SLACK_ID.matcher(id).matches()).sorted()
                .forEach(id -> parts.add("<@" + id + ">"));
        return String.join(" ", parts);
    }

    /**
     * Escapes the three characters Slack gives meaning to, so typed text cannot become a ping or a link, and breaks
     * bare {@code @channel}-style words so no client setting can turn them into broadcasts.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return defuse(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    /** A bare @here should not even look like one, nor a stored control character act: the port's ways. */
    private static String defuse(String text) {
        return Pings.defuse(org.ccnsobot.port.support.Controls.neutralise(text));
    }

    /** Only http(s) URLs, with the characters that would end Slack's link syntax encoded. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || u.length() > MAX_URL) {
            return null;
        }
        return u.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20");
    }

    /** The port's {@link Truncation}, cutting before an entity ({@code &amp;}) rather than through it. */
    static String truncate(String text, int max) {
        return Truncation.cut(text, max, cut -> {
            int amp = text.lastIndexOf('&', cut - 1);
            return amp >= 0 && amp > cut - 5 && text.indexOf(';', amp) >= cut ? amp : cut;
        });
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static SectionBlock section(String mrkdwnText) {
        return SectionBlock.builder().text(mrkdwn(mrkdwnText)).build();
    }

    static ContextBlock context(String mrkdwnText) {
        List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder().text(mrkdwnText).verbatim(true).build());
        return ContextBlock.builder().elements(elements).build();
    }

    /** verbatim: Slack must not auto-link names or words in text that came from people. */
    static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }

    static PlainTextObject plain(String text) {
        // plain_text renders no markup, but Slack still reads the three entities there: escape it all the same
        return PlainTextObject.builder().text(truncate(escape(text), MAX_BUTTON_TEXT)).emoji(true).build();
    }
}
