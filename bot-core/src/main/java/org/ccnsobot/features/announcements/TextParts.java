package org.ccnsobot.features.announcements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits staff text for a platform: into messages of at most {@code maxMessage} characters, each made of paragraph
 * blocks of at most {@code maxBlock}, breaking only between paragraphs (a blank line). Text is never cut inside a
 * paragraph, let alone a word: a paragraph too long for one block is refused, naming the limit.
 */
final class TextParts {

    /** A text that cannot be split to fit; the message names the limit and the platform. */
    static final class TooLong extends Exception {
        private static final long serialVersionUID = 1L;

        TooLong(String message) {
            super(message);
        }
    }

    /** One message: its paragraphs grouped into blocks that each fit. */
    record Part(List<String> blocks) {
        Part {
            blocks = List.copyOf(blocks);
        }

        String text() {
            return String.join("\n\n", blocks);
        }
    }

    private TextParts() {
    }

    /** The paragraphs of a text: separated by blank lines, each stripped, empty ones left out. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String s = p.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The parts of {@code text} for a platform. {@code reserve} characters of the first message are kept free for
     * the pings the adapter puts in front.
     */
    static List<Part> split(String text, String platform, int maxMessage, int maxBlock, int reserve) throws TooLong {
        int block = Math.min(maxBlock, maxMessage);
        List<String> paragraphs = paragraphs(text);
        for (String p : paragraphs) {
            if (p.length() > block) {
                throw new TooLong("a paragraph of " + p.length() + " characters is over " + platform + "'s limit of "
                        + block + " characters" + (block == maxMessage ? " per message" : " per block")
                        + "; shorten it or break it into paragraphs (a blank line, or \\n\\n, between them)");
            }
        }
        if (!paragraphs.isEmpty() && reserve > 0 && paragraphs.get(0).length() + reserve + 1 > maxMessage) {
            throw new TooLong("the first paragraph (" + paragraphs.get(0).length() + " characters) and the pings in"
                    + " front of it are over " + platform + "'s limit of " + maxMessage + " characters per message;"
                    + " shorten it or break it into paragraphs");
        }
        List<Part> parts = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int used = reserve;
        for (String p : paragraphs) {
            int joinMessage = used == reserve && blocks.isEmpty() && current.isEmpty() ? 0 : 2;
            if (used + joinMessage + p.length() > maxMessage && (!blocks.isEmpty() || !current.isEmpty())) {
                if (!current.isEmpty()) {
                    blocks.add(current.toString());
                }
                parts.add(new Part(blocks));
                blocks = new ArrayList<>();
                current.setLength(0);
                used = 0;
                joinMessage = 0;
            }
            if (!current.isEmpty() && current.length() + 2 + p.length() > block) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(p);
            used += joinMessage + p.length();
        }
        if (!current.isEmpty()) {
            blocks.add(current.toString());
        }
        if (!blocks.isEmpty()) {
            parts.add(new Part(blocks));
        }
        return parts;
    }
}
