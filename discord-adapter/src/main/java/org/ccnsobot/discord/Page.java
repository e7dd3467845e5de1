package org.ccnsobot.discord;

import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.ccnsobot.port.Mentions;

/**
 * One Discord message's worth of a rendered {@code OutgoingMessage}: content within 2000 characters and up to ten
 * embeds within 6000 characters in all. {@code mentions} is what this page may ping; only the first page of a
 * message carries the pings asked for; only the last carries the buttons ({@link Buttons}).
 */
record Page(String content, List<MessageEmbed> embeds, Mentions mentions, List<ActionRow> rows) {

    Page {
        embeds = List.copyOf(embeds);
        mentions = mentions == null ? Mentions.NONE : mentions;
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A page without buttons. */
    Page(String content, List<MessageEmbed> embeds, Mentions mentions) {
        this(content, embeds, mentions, List.of());
    }

    Page withRows(List<ActionRow> value) {
        return new Page(content, embeds, mentions, value);
    }
}
