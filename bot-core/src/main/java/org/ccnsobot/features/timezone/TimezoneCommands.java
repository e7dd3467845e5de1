package org.ccnsobot.features.timezone;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccnsobot.features.calendar.TimeFormat;
import org.ccnsobot.kernel.CommandContext;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.kernel.Result;
import org.ccnsobot.port.CommandInfo.OptionKind;

/** The zone each member reads times in: shown and set with {@code timezone}. */
public final class TimezoneCommands {
    private final UserZones zones;

    public TimezoneCommands(UserZones zones) {
        this.zones = zones;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("timezone", List.of("tz"), "Show or set the time zone you read times in",
                List.of(OptionSpec.optional("zone", OptionKind.ZONE, "An IANA zone like Europe/Brussels")),
                List.of("timezone", "timezone America/Puerto_Rico"), false, true, (c, a) -> timezone(c, a.zone("zone"))));
    }

    private Result timezone(CommandContext c, Optional<ZoneId> zone) {
        if (zone.isEmpty()) {
            return Result.personalText(c.text("timezone.show", c.zone().getId()));
        }
        zones.set(c.platform(), c.userId(), zone.get());
        String example = TimeFormat.instant(c.now(), zone.get(), c.locale());
        return Result.personalText(c.text("timezone.set", zone.get().getId(), example));
    }

    /** Where each user's zone lives: the store, with per-session overrides (the console's --tz). */
    public interface UserZones {
        void set(String platform, String userId, ZoneId zone);

        static UserZones of(org.ccnsobot.features.calendar.CalendarStore store) {
            return store::setUserZone;
        }
    }
}
