package org.ccnsobot.port;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: a plain-text fallback that is always complete on its own, plus blocks that rich
 * platforms render natively. {@code idempotencyKey}, when set, names the ledger row the message delivers, so an
 * adapter can pass it to the platform (Discord's nonce, Slack metadata) and a resend after a crash lands once.
 */
public record OutgoingMessage(String fallbackText, List<Block> blocks, Mentions mentions, String idempotencyKey) {

    public OutgoingMessage {
        Objects.requireNonNull(fallbackText, "fallbackText");
        blocks = List.copyOf(blocks);
        mentions = mentions == null ? Mentions.NONE : mentions;
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of(new Block.Paragraph(text)), Mentions.NONE, null);
    }

    public static OutgoingMessage of(String fallbackText, List<Block> blocks) {
        return new OutgoingMessage(fallbackText, blocks, Mentions.NONE, null);
    }

    public OutgoingMessage withIdempotencyKey(String key) {
        return new OutgoingMessage(fallbackText, blocks, mentions, key);
    }

    public OutgoingMessage withMentions(Mentions newMentions) {
        return new OutgoingMessage(fallbackText, blocks, newMentions, idempotencyKey);
    }
}
