package org.ccnsobot.features.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.Form;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 4 in core: staff forms fill in the typed commands (event-add, -edit, -move, announce), are
 * pre-filled from the store, refuse members as the commands do, and a refused submission comes back with its reason
 * and a "Fix it" that opens the form again with what was typed, after a restart too.
 */
class StaffFormsTest {
    static final Actor STAFFER = new Actor("disc", "staffer", "Staffer", Set.of());
    static final Actor MEMBER = new Actor("disc", "member", "Member", Set.of());
    static final Place CHANNEL = new Place("disc", "channel-1", false);

    @TempDir
    Path dir;

    private BotFixture open() throws Exception {
        return BotFixture.builder().at(BotFixture.NEWSLETTER_DAY).staff("disc", "staffer")
                .platform("disc", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "news")).open(dir);
    }

    private static Invocation typed(BotFixture f, Actor who, String command, Map<String, String> options) {
        return Invocation.command(who, CHANNEL, command, options, f.clock().instant());
    }

    static Form form(Reply reply) {
        return reply.message().blocks().stream().filter(b -> b instanceof Block.OpenForm).map(b -> ((Block.OpenForm) b).form())
                .findFirst().orElseThrow(() -> new AssertionError("no form in: " + reply.text()));
    }

    static Map<String, String> values(Form form) {
        return form.fields().stream().collect(Collectors.toMap(Form.Field::option, Form.Field::value, (a, b) -> a,
                LinkedHashMap::new));
    }

    static Block.Action fixButton(Reply reply) {
        return reply.message().blocks().stream().filter(b -> b instanceof Block.Actions)
                .flatMap(b -> ((Block.Actions) b).actions().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("no button in: " + reply.text()));
    }

    @Test
    void theEditAndMoveFormsArePrefilledFromTheStoredEventAndCarryItsId() throws Exception {
        try (BotFixture f = open()) {
            Form edit = form(f.bot().form(typed(f, STAFFER, "event-edit", Map.of("id", "council-202"))));
            assertThat(edit.command()).isEqualTo("event-edit");
            assertThat(edit.title()).isEqualTo("Edit an event");
            assertThat(edit.fixed()).isEqualTo(Map.of("id", "council-202"));
            assertThat(values(edit)).containsEntry("title", "ccNSO Council meeting 202")
                    .containsEntry("committees", "Council").containsEntry("access", "open").containsEntry("room", "");
            assertThat(values(edit).get("description")).startsWith("The 202nd meeting of the ccNSO Council.");
            assertThat(edit.fields()).extracting(Form.Field::label).containsExactly("Title", "Room ('-' for none)",
                    "Committees", "Access: open or closed", "Description ('-' for none)");

            Form move = form(f.bot().form(typed(f, STAFFER, "event-move", Map.of("id", "council-202"))));
            assertThat(values(move)).containsEntry("date", "2024-02-15").containsEntry("start", "18:00");
            assertThat(move.fixed()).isEqualTo(Map.of("id", "council-202"));

            Reply unknown = f.bot().form(typed(f, STAFFER, "event-edit", Map.of("id", "no-such-event")));
            assertThat(unknown.personal()).isTrue();
            assertThat(unknown.text()).startsWith("No event with id 'no-such-event'");
        }
    }

    @Test
    void aMemberIsRefusedTheFormAndTheSubmissionAndNothingIsKept() throws Exception {
        try (BotFixture f = open()) {
            Reply opened = f.bot().form(typed(f, MEMBER, "event-add", Map.of()));
            assertThat(opened.personal()).isTrue();
            assertThat(opened.text()).isEqualTo("'event-add' is for ccNSO staff only.");
            assertThat(opened.message().blocks()).noneMatch(b -> b instanceof Block.OpenForm);

            Reply submitted = f.bot().submit(typed(f, MEMBER, "event-add", Map.of("title", "Sneaky", "date", "2024-02-20")));
            assertThat(submitted.text()).isEqualTo("'event-add' is for ccNSO staff only.");
            assertThat(submitted.message().blocks()).noneMatch(b -> b instanceof Block.Actions);
            assertThat(f.bot().calendar().event("sneaky-20240220")).isEmpty();
            assertThat(new org.ccnsobot.features.audit.AuditLog(f.bot().database()).since(java.time.Instant.EPOCH, 10))
                    .extracting(e -> e.userId() + " " + e.action() + " " + e.outcome() + " " + e.detail())
                    .containsExactlyInAnyOrder("member event-add refused: not staff form event-add",
                            "member event-add refused: not staff /event-add");
        }
    }

    @Test
    void aRefusedSubmissionSavesNothingAndFixItReopensWhatWasTypedAfterARestart() throws Exception {
        try (BotFixture f = open()) {
            Map<String, String> typed = Map.of("title", "GRC working session", "date", "2024-02-31", "start", "10:30",
                    "end", "", "meeting", "");
            Reply refused = f.bot().submit(typed(f, STAFFER, "event-add", typed));
            assertThat(refused.personal()).isTrue();
            assertThat(refused.text()).isEqualTo("'2024-02-31' is not a date; write it like 2024-03-05 or 5 March 2024");
            assertThat(BotFixture.snapshot(f.bot()).stream().map(e -> e.title())).doesNotContain("GRC working session");
            Block.Action fix = fixButton(refused);
            assertThat(fix.label()).isEqualTo("Fix it");
            assertThat(fix.opensForm()).isTrue();
            assertThat(fix.command()).isEqualTo("event-add");
            assertThat(fix.options()).containsOnlyKeys(Form.DRAFT);

            f.restart();
            Form again = form(f.bot().form(typed(f, STAFFER, fix.command(), fix.options())));
            assertThat(values(again)).containsEntry("title", "GRC working session").containsEntry("date", "2024-02-31")
                    .containsEntry("start", "10:30");
            // only its author can open it
            Reply other = f.bot().form(typed(f, new Actor("disc", "staffer-2", "B", Set.of()), fix.command(), fix.options()));
            assertThat(other.message().blocks()).noneMatch(b -> b instanceof Block.OpenForm);

            Reply saved = f.bot().submit(typed(f, STAFFER, "event-add", Map.of("title", "GRC working session",
                    "date", "2024-02-20", "start", "10:30", "end", "12:00", "meeting", "")));
            assertThat(saved.text()).startsWith("Added: ");
            assertThat(f.bot().calendar().event("grc-working-session-20240220")).isPresent();
        }
    }

    @Test
    void aRefusalNamesTheFieldItIsAboutSoAPlatformCanShowTheReasonBesideIt() throws Exception {
        try (BotFixture f = open()) {
            Reply badDate = f.bot().submit(typed(f, STAFFER, "event-add", Map.of("title", "GRC working session",
                    "date", "2024-02-31", "start", "10:30", "end", "", "meeting", "")));
            assertThat(badDate.refusedField()).contains("date");
            Reply endFirst = f.bot().submit(typed(f, STAFFER, "event-add", Map.of("title", "GRC working session",
                    "date", "2024-02-20", "start", "10:30", "end", "09:00", "meeting", "")));
            assertThat(endFirst.text()).contains("before it starts");
            assertThat(endFirst.refusedField()).contains("end");
            Reply noTitle = f.bot().submit(typed(f, STAFFER, "event-add", Map.of("title", "x".repeat(201),
                    "date", "2024-02-20", "start", "10:30", "end", "", "meeting", "")));
            assertThat(noTitle.text()).contains("keep it under 200");
            assertThat(noTitle.refusedField()).contains("title");
            // a saved submission is about no field
            Reply saved = f.bot().submit(typed(f, STAFFER, "event-add", Map.of("title", "GRC working session",
                    "date", "2024-02-20", "start", "10:30", "end", "12:00", "meeting", "")));
            assertThat(saved.text()).startsWith("Added: ");
            assertThat(saved.refusedField()).isEmpty();
        }
    }

    @Test
    void anEditFormKeepsTheEventsIdThroughAFix() throws Exception {
        try (BotFixture f = open()) {
            Reply refused = f.bot().submit(typed(f, STAFFER, "event-edit", Map.of("id", "council-202",
                    "title", "Council 202", "committees", "NOPE", "access", "open", "room", "", "description", "")));
            assertThat(refused.text()).startsWith("No committee called 'NOPE'");
            assertThat(f.bot().calendar().event("council-202").orElseThrow().title()).isEqualTo("ccNSO Council meeting 202");
            Form again = form(f.bot().form(typed(f, STAFFER, "event-edit", fixButton(refused).options())));
            assertThat(again.fixed()).isEqualTo(Map.of("id", "council-202"));
            assertThat(values(again)).containsEntry("committees", "NOPE").containsEntry("title", "Council 202");
        }
    }

    @Test
    void theAnnouncementPreviewsEditOpensTheFormWithTheDraftAndItsSubmissionPreviewsAgain() throws Exception {
        try (BotFixture f = open()) {
            f.start(false);
            Reply preview = f.bot().submit(typed(f, STAFFER, "announce", Map.of("text", "Registration closes Friday.\n\nSee you there.",
                    "at", "", "to", "", "ping", "")));
            assertThat(preview.text()).startsWith("Preview of announcement A1");
            List<Block.Action> actions = preview.message().blocks().stream().filter(b -> b instanceof Block.Actions)
                    .flatMap(b -> ((Block.Actions) b).actions().stream()).toList();
            assertThat(actions).extracting(a -> a.label() + (a.opensForm() ? " form " : " runs ") + a.command() + " " + a.options())
                    .containsExactly("Confirm runs announce {text=confirm A1}", "Edit form announce {draft=A1}",
                            "Cancel runs announce {text=cancel A1}");

            Form edit = form(f.bot().form(typed(f, STAFFER, "announce", actions.get(1).options())));
            assertThat(values(edit)).containsEntry("text", "Registration closes Friday.\n\nSee you there.")
                    .containsEntry("at", "").containsEntry("to", "").containsEntry("ping", "");
            assertThat(edit.fields().get(0).multiline()).isTrue();

            Reply again = f.bot().submit(typed(f, STAFFER, "announce", Map.of("text", "Registration closes Monday.",
                    "at", "2024-02-12 09:00 UTC", "to", "", "ping", "")));
            assertThat(again.text()).startsWith("Preview of announcement A2 — posts ").contains("Registration closes Monday.");
            assertThat(values(form(f.bot().form(typed(f, STAFFER, "announce", Map.of("draft", "A2"))))))
                    .containsEntry("at", "2024-02-12 09:00 UTC");
            // the edited draft replaced the first
            assertThat(f.bot().form(typed(f, STAFFER, "announce", Map.of("draft", "A1"))).text())
                    .contains("A1 is not a draft");
        }
    }
}
