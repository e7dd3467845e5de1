package org.ccnsobot.port;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A platform-neutral message: a plain-text fallback that is always complete on its own, plus blocks that rich
 * platforms render natively. {@code idempotencyKey}, when set, names the ledger row the message delivers, so an
 * adapter can pass it to the platform (Discord's nonce, Slack metadata) and a resend after a crash lands once.
 * {@code locale} is the language core wrote it in (null: not said, English), so the words an adapter adds of its
 * own (button labels, a card's field names) match the text around them.
 */
public record OutgoingMessage(String fallbackText, List<Block> blocks, Mentions mentions, String idempotencyKey,
                              Locale locale) {

    public OutgoingMessage {
        Objects.requireNonNull(fallbackText, "fallbackText");
        blocks = List.copyOf(blocks);
        mentions = mentions == null ? Mentions.NONE : mentions;
    }

    /** A message whose language is not said. */
    public OutgoingMessage(String fallbackText, List<Block> blocks, Mentions mentions, String idempotencyKey) {
        this(fallbackText, blocks, mentions, idempotencyKey, null);
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of(new Block.Paragraph(text)), Mentions.NONE, null);
    }

    public static OutgoingMessage of(String fallbackText, List<Block> blocks) {
        return new OutgoingMessage(fallbackText, blocks, Mentions.NONE, null);
    }

    public OutgoingMessage withIdempotencyKey(String key) {
        return new OutgoingMessage(fallbackText, blocks, mentions, key, locale);
    }

    public OutgoingMessage withMentions(Mentions newMentions) {
        return new OutgoingMessage(fallbackText, blocks, newMentions, idempotencyKey, locale);
    }

    /** The same message, said to be in {@code language}. */
    public OutgoingMessage withLocale(Locale language) {
        return new OutgoingMessage(fallbackText, blocks, mentions, idempotencyKey, language);
    }

    /** The language it is in, or {@code otherwise} when core did not say. */
    public Locale localeOr(Locale otherwise) {
        return locale == null ? otherwise : locale;
    }
}
