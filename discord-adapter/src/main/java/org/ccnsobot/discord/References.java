package org.ccnsobot.discord;

/**
 * The reference a keyed message carries so it can be found again after Discord's nonce window has passed: a last
 * line of small grey text ({@code -# ref 0123456789}, Discord's subtext), ten hex digits of the page's nonce. A page
 * whose content would then exceed Discord's 2000 characters goes without it (its nonce still covers a quick resend).
 */
final class References {
    static final int HISTORY = 100;
    private static final String PREFIX = "-# ref ";

    private References() {
    }

    /** The reference of page {@code page} of the message delivering {@code key}. */
    static String of(String key, int page) {
        return Nonces.of(key, page).substring(0, 10);
    }

    static Page stamp(Page page, String key, int index) {
        String line = PREFIX + of(key, index);
        String content = page.content() == null || page.content().isEmpty() ? line : page.content() + "\n" + line;
        if (content.length() > Renderer.CONTENT_MAX) {
            return page;
        }
        return new Page(content, page.embeds(), page.mentions(), page.rows());
    }

    static boolean carries(String content, String ref) {
        return content != null && content.endsWith(PREFIX + ref);
    }
}
