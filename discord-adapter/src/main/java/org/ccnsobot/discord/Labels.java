package org.ccnsobot.discord;

import java.util.Locale;
import java.util.Optional;
import org.ccnsobot.port.InboundHandler;

/**
 * The words the adapter adds of its own (button labels, a card's field names, its own refusals) in one language:
 * core's bundle entry where core has it ({@link InboundHandler#wording}), else the English written here. The
 * English patterns use {@code {0}}-style arguments and no apostrophes, so filling them needs no formatter.
 */
final class Labels {
    static final Labels ENGLISH = new Labels(null, Locale.ENGLISH);

    private final InboundHandler core;
    private final Locale locale;

    private Labels(InboundHandler core, Locale locale) {
        this.core = core;
        this.locale = locale;
    }

    /** Labels in {@code locale} (English when null) with core's words; English alone before core is known. */
    static Labels of(InboundHandler core, Locale locale) {
        return core == null ? ENGLISH : new Labels(core, locale == null ? Locale.ENGLISH : locale);
    }

    Locale locale() {
        return locale;
    }

    String text(String key, String english, Object... args) {
        if (core != null) {
            Optional<String> said = core.wording(key, english, locale, args);
            if (said.isPresent()) {
                return said.get();
            }
        }
        String out = english;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }
}
