package org.ccnsobot.slack;

import java.util.Locale;
import org.ccnsobot.port.InboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's own words (form buttons, App Home headings, card buttons) from core's bundles, in the reader's
 * language: core gives the translation of a key only while its English text is the one written here, so a changed
 * English text shows as English rather than as a stale translation. English without a handler (renderer tests) or a
 * language.
 */
final class SlackTexts {
    private static final Logger LOG = LoggerFactory.getLogger(SlackTexts.class);
    static final SlackTexts ENGLISH = new SlackTexts(null);

    private final InboundHandler handler;

    SlackTexts(InboundHandler handler) {
        this.handler = handler;
    }

    /**
     * A pattern with arguments ({@code "(continued, part {0} of {1})"}): core's entry filled in, else the English
     * written here with its {@code {n}} replaced (the English patterns here have no apostrophes to unquote).
     */
    String format(Locale locale, String key, String english, Object... args) {
        if (handler != null && locale != null && !locale.getLanguage().equals("en")) {
            try {
                java.util.Optional<String> said = handler.wording(key, english, locale, args);
                if (said.isPresent()) {
                    return said.get();
                }
            } catch (RuntimeException e) {
                LOG.debug("no wording of {} from core: {}", key, e.toString());
            }
        }
        String out = english;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }

    String t(Locale locale, String key, String english) {
        if (handler == null || locale == null || locale.getLanguage().equals("en")) {
            return english;
        }
        try {
            return handler.translation(key, english, locale).orElse(english);
        } catch (RuntimeException e) {
            LOG.debug("no translation of {} from core: {}", key, e.toString());
            return english;
        }
    }
}
