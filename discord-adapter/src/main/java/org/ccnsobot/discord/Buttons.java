package org.ccnsobot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.support.Truncation;

/**
 * Subscribe and Unsubscribe buttons under event cards, and Add to calendar when the event's .ics address is known.
 * A button's custom id carries all it needs ({@code sub:<event id>}), so it works after a restart and on a message
 * posted long ago; an id the bot does not know (from an older version) gets an ephemeral explanation. Discord allows five rows, so a message with more
 * than five cards (a week's list) carries none: the cards' ids are in the text for {@code /subscribe}.
 */
final class Buttons {
    static final String SUBSCRIBE = "sub:";
    static final String UNSUBSCRIBE = "unsub:";
    static final int MAX_ROWS = 5;
    private static final int CUSTOM_ID_MAX = 100;
    private static final int LABEL_MAX = 80;

    /** What a click asks of core: the command and its options. */
    record Click(String command, Map<String, String> options) {
    }

    private Buttons() {
    }

    /** The buttons of the message's {@link Block.Actions} (an announcement's Confirm / Edit / Cancel), then its cards'. */
    static List<ActionRow> rows(OutgoingMessage message) {
        return rows(message, Labels.ENGLISH);
    }

    /** As {@link #rows(OutgoingMessage)}, the cards' buttons labelled in {@code labels}' language. */
    static List<ActionRow> rows(OutgoingMessage message, Labels labels) {
        List<ActionRow> rows = new ArrayList<>();
        for (Block b : message.blocks()) {
            if (b instanceof Block.Actions a && rows.size() < MAX_ROWS) {
                List<Button> buttons = new ArrayList<>();
                for (Block.Action action : a.actions()) {
                    Optional<String> id = action.opensForm() ? Modals.openId(action.command(), action.options())
                            : Pager.run(action.command(), action.options());
                    if (id.isPresent() && buttons.size() < 5) {
                        String label = Truncation.cut(action.label(), LABEL_MAX);
                        buttons.add(action.primary() ? Button.primary(id.get(), label) : Button.secondary(id.get(), label));
                    }
                }
                if (!buttons.isEmpty()) {
                    rows.add(ActionRow.of(buttons));
                }
            }
        }
        List<ActionRow> cardRows = cardRows(message, labels);
        if (rows.size() + cardRows.size() <= MAX_ROWS) {
            rows.addAll(cardRows);
        }
        return rows;
    }

    private static List<ActionRow> cardRows(OutgoingMessage message, Labels labels) {
        List<Block.EventCard> cards = message.blocks().stream().filter(b -> b instanceof Block.EventCard)
                .map(b -> (Block.EventCard) b).filter(c -> (UNSUBSCRIBE + c.eventId()).length() <= CUSTOM_ID_MAX).toList();
        if (cards.isEmpty() || cards.size() > MAX_ROWS) {
            return List.of();
        }
        List<ActionRow> rows = new ArrayList<>();
        boolean one = cards.size() == 1;
        for (Block.EventCard c : cards) {
            String subscribe = one ? labels.text("discord.button.subscribe", "Subscribe")
                    : labels.text("discord.button.subscribeTo", "Subscribe: {0}", c.title());
            String unsubscribe = one ? labels.text("discord.button.unsubscribe", "Unsubscribe")
                    : labels.text("discord.button.unsubscribeFrom", "Unsubscribe: {0}", c.title());
            List<Button> buttons = new ArrayList<>(List.of(
                    Button.primary(SUBSCRIBE + c.eventId(), Truncation.cut(subscribe, LABEL_MAX)),
                    Button.secondary(UNSUBSCRIBE + c.eventId(), Truncation.cut(unsubscribe, LABEL_MAX))));
            String add = labels.text("discord.button.calendar", "Add to calendar");
            calendarLink(c).ifPresent(url -> buttons.add(Button.link(url, add)));
            rows.add(ActionRow.of(buttons));
        }
        return rows;
    }

    /**
     * The address of the Add to calendar link button: the event's own feed on the bot's feed server when core knows
     * it, else an .ics link among the event's links; empty (no button) when there is neither. Discord refuses a link
     * button that is not http(s) or longer than 512 characters, so such an address counts as none.
     */
    static Optional<String> calendarLink(Block.EventCard c) {
        if (usable(c.calendarUrl())) {
            return Optional.of(c.calendarUrl().trim());
        }
        for (Block.Link link : c.links()) {
            String url = link.url() == null ? "" : link.url().trim();
            if (usable(url) && url.toLowerCase(java.util.Locale.ROOT).contains(".ics")) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    private static boolean usable(String url) {
        if (url == null) {
            return false;
        }
        String u = url.trim();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && u.length() <= 512
                && u.chars().noneMatch(Character::isWhitespace);
    }

    /** The command a button's custom id stands for, or empty for an id this version does not know. */
    static Optional<Click> click(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        if (customId.startsWith(SUBSCRIBE) && customId.length() > SUBSCRIBE.length()) {
            return Optional.of(new Click("subscribe", Map.of("topic", customId.substring(SUBSCRIBE.length()))));
        }
        if (customId.startsWith(UNSUBSCRIBE) && customId.length() > UNSUBSCRIBE.length()) {
            return Optional.of(new Click("unsubscribe", Map.of("topic", customId.substring(UNSUBSCRIBE.length()))));
        }
        return Optional.empty();
    }
}
