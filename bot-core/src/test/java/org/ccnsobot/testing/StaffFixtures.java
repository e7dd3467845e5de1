package org.ccnsobot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;

/** Staff-side helpers: the console operator (staff by default config), the Sched fixture, store snapshots. */
public final class StaffFixtures {
    /** The console user: staff under the default config ({@code staff.console.users: [console]}). */
    public static final Actor STAFF = new Actor("console", "console", "Console Operator", Set.of());
    public static final Place CONSOLE = new Place("console", "terminal", true);

    private StaffFixtures() {
    }

    public static Reply staff(Bot bot, String text) {
        return bot.handle(Invocation.text(STAFF, CONSOLE, text, bot.clock().instant()));
    }

    /** The real Sched export (JoCo Cruise 2024) from the shared seed fixtures. */
    public static String schedSample() {
        return resource("/org/ccnsobot/ical/sched-export-sample.ics");
    }

    public static String resource(String name) {
        try (InputStream in = StaffFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event as stored, for "nothing changed" checks. */
    public static List<Event> snapshot(Bot bot) {
        return bot.calendar().store().allEvents();
    }
}
