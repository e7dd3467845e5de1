package org.ccnsobot.features.calendaradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.snapshot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Submission;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 11 (and 4), in core: the staff forms for event add / edit / move are the commands' own options,
 * pre-filled from the stored event, shown to staff only; a submission runs the command through the same pipeline as
 * the text command, and a refusal names the field at fault and changes nothing.
 */
class StaffFormsTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path dir;
    Bot bot;

    @BeforeEach
    void open() throws Exception {
        bot = BotFixture.seedBot(dir, new ManualClock(NOW));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private Form.Opening form(String name, Map<String, String> context, boolean staff) {
        return bot.form(Invocation.command(staff ? BotFixture.STAFF : BotFixture.MEMBER,
                staff ? BotFixture.CONSOLE : BotFixture.PLACE, name, context, NOW));
    }

    private Submission submit(String command, Map<String, String> options, boolean staff) {
        return bot.submit(Invocation.command(staff ? BotFixture.STAFF : BotFixture.MEMBER,
                staff ? BotFixture.CONSOLE : BotFixture.PLACE, command, options, NOW));
    }

    private static Form shown(Form.Opening o) {
        assertThat(o).isInstanceOf(Form.Opening.Shown.class);
        return ((Form.Opening.Shown) o).form();
    }

    private static Map<String, String> values(Form f) {
        Map<String, String> out = new HashMap<>();
        f.fields().forEach(x -> out.put(x.name(), x.value()));
        return out;
    }

    @Test
    void theAddFormHoldsTheCommandsOptionsMostImportantFirstAndIsForStaffOnly() {
        Form add = shown(form("event-add", Map.of(), true));
        assertThat(add.command()).isEqualTo("event-add");
        assertThat(add.title()).isEqualTo("Add an event");
        assertThat(add.fields()).extracting(Form.Field::name).startsWith("title", "date", "start", "end", "meeting")
                .contains("room", "committees", "access", "description", "force");
        assertThat(add.fields()).filteredOn(Form.Field::required).extracting(Form.Field::name)
                .containsExactly("title", "date");
        assertThat(form("event-add", Map.of(), false)).isEqualTo(
                new Form.Opening.Refused("'event-add' is for ccNSO staff only."));
        assertThat(form("event-edit", Map.of("id", "icann79-council-meeting"), false))
                .isInstanceOf(Form.Opening.Refused.class);
    }

    @Test
    void editAndMoveArePreFilledFromTheStoredEventInItsOwnZone() {
        Form edit = shown(form("event-edit", Map.of("id", "icann79-iglc-working-session"), true));
        assertThat(edit.fixed()).isEqualTo(Map.of("id", "icann79-iglc-working-session"));
        assertThat(values(edit)).containsEntry("title", "IGLC working session").containsEntry("committees", "IGLC")
                .containsEntry("access", "open").containsEntry("kind", "working-session");
        assertThat(edit.fields()).filteredOn(f -> f.name().equals("room")).singleElement()
                .extracting(Form.Field::whenEmpty).isEqualTo("-");

        // council-202: Thursday 15 February 2024 18:00 UTC, in zone UTC
        Form move = shown(form("event-move", Map.of("id", "council-202"), true));
        assertThat(values(move)).containsEntry("date", "2024-02-15").containsEntry("start", "18:00");
        assertThat(move.intro()).contains("council-202").contains("UTC");

        // without an id, the first step only asks which event; an unknown id is refused naming it
        Form pick = shown(form("event-move", Map.of(), true));
        assertThat(pick.firstStep()).isTrue();
        assertThat(pick.fields()).extracting(Form.Field::name).containsExactly("id");
        assertThat(form("event-edit", Map.of("id", "no-such-event"), true)).isInstanceOf(Form.Opening.Refused.class)
                .extracting(o -> ((Form.Opening.Refused) o).reason()).asString().contains("no-such-event");
    }

    @Test
    void aSubmissionRunsTheCommandAndARefusalNamesItsFieldAndChangesNothing() {
        List<Event> before = snapshot(bot);
        Map<String, String> add = new HashMap<>(Map.of("title", "GRC drafting session", "date", "2024-03-05",
                "start", "10:30", "end", "09:00", "meeting", "ICANN79", "access", "open", "force", "no"));
        Submission endFirst = submit("event-add", add, true);
        assertThat(endFirst).isInstanceOf(Submission.Refused.class);
        assertThat(((Submission.Refused) endFirst).field()).isEqualTo("end");
        // the very words the text command gives: one validation
        String typed = BotFixture.staff(bot, "event add \"GRC drafting session\" --date 2024-03-05 --start 10:30"
                + " --end 09:00 --meeting ICANN79").text();
        assertThat(((Submission.Refused) endFirst).reason()).isEqualTo(typed);

        add.put("end", "12:00");
        add.put("date", "5 Marhc");
        assertThat(submit("event-add", add, true)).isInstanceOf(Submission.Refused.class)
                .extracting(s -> ((Submission.Refused) s).field()).isEqualTo("date");
        add.put("date", "2024-03-05");
        add.put("committees", "GRCX");
        assertThat(submit("event-add", add, true)).extracting(s -> ((Submission.Refused) s).field())
                .isEqualTo("committees");
        add.put("committees", "GRC");
        add.put("zone", "Mars/Olympus");
        assertThat(submit("event-add", add, true)).extracting(s -> ((Submission.Refused) s).field()).isEqualTo("zone");
        add.remove("zone");
        assertThat(submit("event-add", add, false)).isInstanceOf(Submission.Refused.class)
                .extracting(s -> ((Submission.Refused) s).reason()).isEqualTo("'event-add' is for ccNSO staff only.");
        assertThat(snapshot(bot)).isEqualTo(before);

        Submission done = submit("event-add", add, true);
        assertThat(done).isInstanceOf(Submission.Done.class);
        assertThat(((Submission.Done) done).reply().text()).startsWith("Added: ");
        assertThat(bot.calendar().event("grc-drafting-session-20240305")).get()
                .satisfies(e -> assertThat(e.committees()).containsExactly("GRC"))
                .satisfies(e -> assertThat(e.start()).isEqualTo(Instant.parse("2024-03-05T14:30:00Z")));
    }
}
