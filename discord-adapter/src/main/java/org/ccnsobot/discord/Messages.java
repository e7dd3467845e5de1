package org.ccnsobot.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.ccnsobot.port.Mentions;

/**
 * Builds JDA message data from a {@link Page}, always with an explicit allowed_mentions. JDA's default lets a
 * message ping everyone it names and {@code MessageRequest.setDefaultMentions} would change that for the whole
 * JVM, so each message states exactly what it may ping: nothing, unless the port's {@link Mentions} asks.
 */
final class Messages {

    private Messages() {
    }

    static MessageCreateData create(Page page) {
        MessageCreateBuilder b = new MessageCreateBuilder().setContent(page.content()).setEmbeds(page.embeds());
        b.setAllowedMentions(parse(page.mentions()));
        b.mentionRoles(page.mentions().roleIds());
        b.mentionUsers(page.mentions().userIds());
        b.mentionRepliedUser(false);
        if (!page.rows().isEmpty()) {
            b.setComponents(page.rows());
        }
        return b.build();
    }

    /** For editing a deferred interaction reply ({@code @original}): edits carry allowed_mentions only when set. */
    static MessageEditData edit(Page page) {
        MessageEditBuilder b = new MessageEditBuilder().setContent(page.content()).setEmbeds(page.embeds());
        b.setAllowedMentions(parse(page.mentions()));
        b.mentionRoles(page.mentions().roleIds());
        b.mentionUsers(page.mentions().userIds());
        b.mentionRepliedUser(false);
        // always set: an edit that turns a page replaces the old Previous / Next, or clears them
        b.setComponents(page.rows());
        return b.build();
    }

    // Only @everyone goes through "parse"; roles and users are whitelisted by id so nothing else can slip in.
    private static Set<MentionType> parse(Mentions mentions) {
        return mentions.everyone() ? EnumSet.of(MentionType.EVERYONE, MentionType.HERE) : EnumSet.noneOf(MentionType.class);
    }
}
