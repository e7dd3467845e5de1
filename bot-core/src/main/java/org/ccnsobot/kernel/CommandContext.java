package org.ccnsobot.kernel;

import java.time.Instant;
import java.time.ZoneId;
import org.ccnsobot.port.Invocation;

/**
 * Who runs a command, where, when, and in which zones: {@code zone} is the asker's, for reading what they typed
 * ("tomorrow", "at 10:00"); {@code shown} is the one the answer writes times in (the asker's own when the answer is
 * personal, UTC when the channel reads it); {@code locale} is the language the answer is written in.
 */
public record CommandContext(Invocation invocation, Instant now, ZoneId zone, boolean staff, ZoneId shown,
                             java.util.Locale locale) {

    public CommandContext {
        shown = shown == null ? zone : shown;
        locale = locale == null ? java.util.Locale.ENGLISH : locale;
    }

    /** In English. */
    public CommandContext(Invocation invocation, Instant now, ZoneId zone, boolean staff, ZoneId shown) {
        this(invocation, now, zone, staff, shown, null);
    }

    /** The text of bundle {@code key} in this answer's language. */
    public String text(String key, Object... args) {
        return org.ccnsobot.i18n.Messages.t(locale, key, args);
    }

    public String platform() {
        return invocation.actor().platform();
    }

    public String userId() {
        return invocation.actor().userId();
    }
}
