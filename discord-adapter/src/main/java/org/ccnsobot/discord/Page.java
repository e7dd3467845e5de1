package org.ccnsobot.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.ccnsobot.port.Mentions;

/**
 * One Discord message's worth of a rendered {@code OutgoingMessage}: content within 2000 characters and up to ten
 * embeds within 6000 characters in all. {@code mentions} is what this page may ping; only the first page of a
 * message carries the pings asked for.
 */
record Page(String content, List<MessageEmbed> embeds, Mentions mentions) {

    Page {
        embeds = List.copyOf(embeds);
        mentions = mentions == null ? Mentions.NONE : mentions;
    }
}
