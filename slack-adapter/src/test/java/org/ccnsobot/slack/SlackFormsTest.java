package org.ccnsobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 11: the staff forms as Slack modals, with the real Bolt in Socket Mode against {@link FakeSlack}
 * and the real core on a seeded SQLite file. Payloads are as Slack sends them: a slash command or block_actions with
 * a trigger_id makes the fake receive {@code views.open}; the {@code view_submission} carries
 * {@code view.state.values[block_id][action_id]}, the private_metadata and the callback_id of the opened view, and
 * the ack frame carries the {@code response_action}. Every envelope is acked within Slack's 3 s.
 *
 * <p>The outbox sends to a recording platform named slack (an announcement is only previewed and confirmed here,
 * through the real adapter); everything a member or staff member touches goes through the real Slack adapter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackFormsTest {
    private static final String STAFF = "U0STAFF";
    private static final String MEMBER = "U0MEMBER";
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path dir;
    private FakeSlack fake;
    private BotFixture f;
    private SlackPlatform platform;
    private final AtomicInteger n = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSlack();
        f = BotFixture.builder().at(NOW).staff("slack", STAFF)
                .platform("slack", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "C0ANNOUNCE")).started(false).open(dir);
        platform = new SlackPlatform(SlackSocketModeEndToEndTest.settings(fake, List.of()),
                new PlatformContext(f.bot().clock()));
        platform.start(f.bot());
        fake.connection(1).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        f.close();
        fake.close();
    }

    @Test
    void staffSlashCommandOpensTheAddFormWithItsFieldsAndTheTriggerIdAndAMemberGetsTheRefusal() throws Exception {
        command(STAFF, "event add", "trigger-add");
        FakeSlack.Call open = fake.await("views.open");
        assertThat(open.form().get("trigger_id")).isEqualTo("trigger-add");
        JsonNode view = open.json("view");
        assertThat(view.get("type").asText()).isEqualTo("modal");
        assertThat(view.get("callback_id").asText()).isEqualTo(SlackModals.CALLBACK);
        assertThat(view.get("title").get("text").asText()).isEqualTo("Add an event");
        assertThat(view.get("submit").get("text").asText()).isEqualTo("Submit");
        assertThat(view.get("close").get("text").asText()).isEqualTo("Cancel");
        // core's form: its fields in order, block id = the command's option, labels and hints from the bundles
        assertThat(blockIds(view)).containsExactly("title", "date", "start", "end", "meeting");
        assertThat(block(view, "title").get("optional").asBoolean()).isFalse();
        assertThat(block(view, "start").get("optional").asBoolean()).isTrue();
        assertThat(block(view, "start").get("label").get("text").asText()).isEqualTo("Start (venue time)");
        assertThat(block(view, "title").get("element").get("type").asText()).isEqualTo("plain_text_input");
        assertThat(block(view, "title").get("element").get("max_length").asInt()).isEqualTo(200);

        String refused = command(MEMBER, "event add", "trigger-member");
        assertThat(fake.await(refused).bodyJson().get("text").asText()).isEqualTo("'event-add' is for ccNSO staff only.");
        assertThat(fake.calls("views.open")).hasSize(1);
        // the typed command stays: with options it is the text command, answered as before
        String typed = command(STAFF, "event add \"GRC call\" --date 2024-03-06 --start 10:00 --end 11:00", "trigger-typed");
        assertThat(fake.await(typed).bodyJson().get("text").asText()).startsWith("Added: ");
        assertThat(fake.calls("views.open")).hasSize(1);
    }

    @Test
    void aValidSubmissionSavesTheEventAndInvalidValuesComeBackBesideTheirFieldWithNothingSaved() throws Exception {
        String url = command(STAFF, "event add", "trigger-1");
        JsonNode view = fake.await("views.open").json("view");
        List<Event> before = BotFixture.snapshot(f.bot());

        JsonNode endFirst = submit(STAFF, view, Map.of("title", "GRC drafting session", "date", "2024-03-05",
                "start", "10:30", "end", "09:00", "meeting", "ICANN79"));
        assertThat(endFirst.get("payload").get("response_action").asText()).isEqualTo("errors");
        assertThat(endFirst.get("payload").get("errors").fieldNames()).toIterable().containsExactly("end");
        assertThat(endFirst.get("payload").get("errors").get("end").asText()).contains("before it starts");
        JsonNode badDay = submit(STAFF, view, Map.of("title", "GRC drafting session", "date", "5 Marhc",
                "start", "10:30", "end", "12:00"));
        assertThat(badDay.get("payload").get("errors").fieldNames()).toIterable().containsExactly("date");
        assertThat(badDay.get("payload").get("errors").get("date").asText()).contains("'5 Marhc'");
        assertThat(BotFixture.snapshot(f.bot())).isEqualTo(before);
        // nothing was answered outside the form
        assertThat(fake.calls(url)).isEmpty();

        JsonNode done = submit(STAFF, view, Map.of("title", "GRC drafting session", "date", "2024-03-05",
                "start", "10:30", "end", "12:00", "meeting", "ICANN79"));
        assertThat(done.has("payload") && done.get("payload").has("response_action")).isFalse();
        Event saved = f.bot().calendar().event("grc-drafting-session-20240305").orElseThrow();
        assertThat(saved.start()).isEqualTo(Instant.parse("2024-03-05T14:30:00Z"));
        assertThat(saved.meetingCode()).isEqualTo("ICANN79");
        // the answer goes privately where the form was opened: the slash command's response_url
        JsonNode answer = fake.await(url).bodyJson();
        assertThat(answer.get("text").asText()).startsWith("Added: ");
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void editAndMoveFormsArePreFilledFromTheStoredEventAndARefusalCoreNamesNoFieldForShowsOnTheFirst() throws Exception {
        command(STAFF, "event edit icann79-iglc-working-session", "trigger-edit");
        JsonNode edit = fake.await("views.open", c -> "trigger-edit".equals(c.form().get("trigger_id"))).json("view");
        assertThat(blockIds(edit)).containsExactly("title", "room", "committees", "access", "description");
        assertThat(initial(edit, "title")).isEqualTo("IGLC working session");
        assertThat(initial(edit, "committees")).isEqualTo("IGLC");
        assertThat(initial(edit, "access")).isEqualTo("open");
        assertThat(block(edit, "description").get("element").get("multiline").asBoolean()).isTrue();

        // core names no field for an unknown committee: the reason shows on the first field, nothing saved
        JsonNode nope = submit(STAFF, edit, Map.of("committees", "NOPE"));
        assertThat(nope.get("payload").get("errors").fieldNames()).toIterable().containsExactly("title");
        assertThat(nope.get("payload").get("errors").get("title").asText()).startsWith("No committee called 'NOPE'");
        assertThat(f.bot().calendar().event("icann79-iglc-working-session").orElseThrow().committees())
                .containsExactly("IGLC");

        JsonNode ok = submit(STAFF, edit, Map.of("room", "Salon 4"));
        assertThat(ok.has("payload") && ok.get("payload").has("response_action")).isFalse();
        Event iglc = f.bot().calendar().event("icann79-iglc-working-session").orElseThrow();
        assertThat(iglc.room()).isEqualTo("Salon 4");
        assertThat(iglc.title()).isEqualTo("IGLC working session");
        assertThat(iglc.description()).startsWith("Topics include the United Nations");

        command(STAFF, "event move council-202", "trigger-move");
        JsonNode move = fake.await("views.open", c -> "trigger-move".equals(c.form().get("trigger_id"))).json("view");
        assertThat(initial(move, "date")).isEqualTo("2024-02-15");
        assertThat(initial(move, "start")).isEqualTo("18:00");
        JsonNode moved = submit(STAFF, move, Map.of("date", "2024-03-12", "start", "19:00"));
        assertThat(moved.has("payload") && moved.get("payload").has("response_action")).isFalse();
        Event council = f.bot().calendar().event("council-202").orElseThrow();
        assertThat(council.start()).isEqualTo(Instant.parse("2024-03-12T19:00:00Z"));
        assertThat(council.status()).isEqualTo(EventStatus.MOVED);
    }

    @Test
    void theFormsCommandAnswersWithButtonsThatOpenTheFormsPreFilled() throws Exception {
        String url = command(STAFF, "forms council-202", "trigger-forms");
        JsonNode menu = fake.await(url).bodyJson();
        assertThat(menu.get("response_type").asText()).isEqualTo("ephemeral");
        ArrayNode buttons = (ArrayNode) findActions(menu.get("blocks"));
        assertThat(buttons).extracting(b -> b.get("text").get("text").asText()).containsExactly("Edit", "Move");
        String clickUrl = fake.responseUrl("forms-move");
        messageClick(STAFF, buttons.get(1), "trigger-forms-move", clickUrl);
        JsonNode move = fake.await("views.open", c -> "trigger-forms-move".equals(c.form().get("trigger_id"))).json("view");
        assertThat(blockIds(move)).containsExactly("date", "start", "end", "end-date");
        assertThat(initial(move, "date")).isEqualTo("2024-02-15");
        // the same button pressed by a member opens nothing and tells them why, only them
        String memberUrl = fake.responseUrl("forms-member");
        messageClick(MEMBER, buttons.get(0), "trigger-forms-member", memberUrl);
        JsonNode refused = fake.await(memberUrl.substring(memberUrl.indexOf("/respond/"))).bodyJson();
        assertThat(refused.get("text").asText()).isEqualTo("'event-edit' is for ccNSO staff only.");
        assertThat(refused.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(fake.calls("views.open")).noneMatch(c -> "trigger-forms-member".equals(c.form().get("trigger_id")));
    }

    @Test
    void theAppHomeGivesStaffTheFormShortcutsWhoseEditFirstAsksWhichEventAndMembersSeeNone() throws Exception {
        fake.push("events_api", SlackSocketModeEndToEndTest.event("Ev0HOMESTAFF", """
                {"type":"app_home_opened","user":"U0STAFF","channel":"D0STAFF","tab":"home","event_ts":"1700000600.000100"}"""))
                .get(3, TimeUnit.SECONDS);
        fake.push("events_api", SlackSocketModeEndToEndTest.event("Ev0HOMEMEMBER", """
                {"type":"app_home_opened","user":"U0MEMBER","channel":"D0MEMBER","tab":"home","event_ts":"1700000600.000200"}"""))
                .get(3, TimeUnit.SECONDS);
        JsonNode staffView = fake.await("views.publish", c -> STAFF.equals(c.form().get("user_id"))).json("view");
        String staffHome = staffView.get("blocks").toString();
        String memberHome = fake.await("views.publish", c -> MEMBER.equals(c.form().get("user_id"))).json("view")
                .get("blocks").toString();
        assertThat(staffHome).contains("\"action_id\":\"form_event-add\"", "\"action_id\":\"form_event-edit\"",
                "\"action_id\":\"form_event-move\"", "\"action_id\":\"form_announce\"", "Write an announcement",
                "Staff forms", "Your next events", "Your subscriptions");
        assertThat(memberHome).doesNotContain("form_").doesNotContain("Staff forms").contains("Your next events");

        // Edit an event from Home: the first step asks which event, its submission becomes core's pre-filled form
        homeClick(STAFF, button(staffView, "form_event-edit"), "trigger-home");
        JsonNode pick = fake.await("views.open", c -> "trigger-home".equals(c.form().get("trigger_id"))).json("view");
        assertThat(pick.get("callback_id").asText()).isEqualTo(SlackModals.PICK);
        assertThat(blockIds(pick)).containsExactly("id");
        JsonNode unknown = submit(STAFF, pick, Map.of("id", "no-such-event"));
        assertThat(unknown.get("payload").get("errors").get("id").asText()).startsWith("No event with id 'no-such-event'");
        JsonNode next = submit(STAFF, pick, Map.of("id", "council-202"));
        assertThat(next.get("payload").get("response_action").asText()).isEqualTo("update");
        JsonNode form = next.get("payload").get("view");
        assertThat(form.get("callback_id").asText()).isEqualTo(SlackModals.CALLBACK);
        assertThat(initial(form, "title")).isEqualTo("ccNSO Council meeting 202");
        // its submission from Home has no response_url: the answer comes by DM
        submit(STAFF, form, Map.of("room", "Salon 9"));
        assertThat(f.bot().calendar().event("council-202").orElseThrow().room()).isEqualTo("Salon 9");
        assertThat(fake.await("chat.postMessage", c -> STAFF.equals(c.form().get("channel"))).form().get("text"))
                .startsWith("Updated");

        // a member who presses a staff shortcut anyway (an old Home, a forged click) gets no form
        homeClick(MEMBER, button(staffView, "form_event-add"), "trigger-member-home");
        FakeSlack.Call dm = fake.await("chat.postMessage", c -> MEMBER.equals(c.form().get("channel")));
        assertThat(dm.form().get("text")).isEqualTo("'event-add' is for ccNSO staff only.");
        assertThat(fake.calls("views.open")).noneMatch(c -> "trigger-member-home".equals(c.form().get("trigger_id")));
    }

    @Test
    void theAnnouncementFormLeadsToThePreviewWhoseEditButtonOpensItPreFilled() throws Exception {
        String url = command(STAFF, "announce", "trigger-announce");
        JsonNode form = fake.await("views.open", c -> "trigger-announce".equals(c.form().get("trigger_id"))).json("view");
        assertThat(blockIds(form)).containsExactly("text", "at", "to", "ping");
        assertThat(block(form, "text").get("element").get("multiline").asBoolean()).isTrue();
        JsonNode ack = submit(STAFF, form, Map.of("text", "Registration for ICANN80 is open.\n\nSee the site."));
        assertThat(ack.has("payload") && ack.get("payload").has("response_action")).isFalse();
        JsonNode preview = fake.await(url).bodyJson();
        assertThat(preview.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(preview.get("text").asText()).startsWith("Preview of announcement A");
        ArrayNode buttons = (ArrayNode) findActions(preview.get("blocks"));
        assertThat(buttons).extracting(b -> b.get("text").get("text").asText())
                .containsExactly("Confirm", "Edit", "Cancel");
        assertThat(buttons.get(1).get("action_id").asText()).startsWith(SlackRenderer.FORM_ACTION);

        // Edit: the form again, pre-filled with the draft's text
        String clickUrl = fake.responseUrl("edit-click");
        messageClick(STAFF, buttons.get(1), "trigger-edit-draft", clickUrl);
        JsonNode again = fake.await("views.open", c -> "trigger-edit-draft".equals(c.form().get("trigger_id")))
                .json("view");
        assertThat(initial(again, "text")).isEqualTo("Registration for ICANN80 is open.\n\nSee the site.");
        JsonNode badWhen = submit(STAFF, again, Map.of("text", "Registration for ICANN80 is open.", "at", "someday"));
        assertThat(badWhen.get("payload").get("response_action").asText()).isEqualTo("errors");
        submit(STAFF, again, Map.of("text", "Registration for ICANN80 is open today."));
        JsonNode second = fake.await(clickUrl.substring(clickUrl.indexOf("/respond/"))).bodyJson();
        assertThat(second.toString()).contains("Registration for ICANN80 is open today.");

        // Confirm on the new preview: core's announce confirm, answered only to the clicker
        JsonNode confirm = findActions(second.get("blocks")).get(0);
        String confirmUrl = fake.responseUrl("confirm-click");
        messageClick(STAFF, confirm, "trigger-confirm", confirmUrl);
        JsonNode confirmed = fake.await(confirmUrl.substring(confirmUrl.indexOf("/respond/"))).bodyJson();
        assertThat(confirmed.get("text").asText()).contains("is being posted now");
        assertThat(confirmed.get("response_type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void aMembersSubmissionIsRefusedBesideTheFormAndNothingChanges() throws Exception {
        command(STAFF, "event add", "trigger-staff");
        JsonNode view = fake.await("views.open").json("view");
        List<Event> before = BotFixture.snapshot(f.bot());
        JsonNode refused = submit(MEMBER, view, Map.of("title", "Members' party", "date", "2024-03-05"));
        assertThat(refused.get("payload").get("response_action").asText()).isEqualTo("errors");
        assertThat(refused.get("payload").get("errors").get("title").asText())
                .isEqualTo("'event-add' is for ccNSO staff only.");
        assertThat(BotFixture.snapshot(f.bot())).isEqualTo(before);
    }

    @Test
    void aStaffMemberWhoseSlackIsInFrenchGetsTheFormsHomeAndButtonsInFrench() throws Exception {
        // issue 14 on Slack: the adapter's own words come from the bundles, in the member's language (Slack's locale)
        fake.answer("users.info", call -> FakeSlack.Answer.ok("{\"ok\":true,\"user\":{\"id\":\""
                + call.form().get("user") + "\",\"name\":\"x\"" + (FakeSlack.asksLocale(call) ? ",\"locale\":\"fr-FR\"" : "")
                + "}}"));
        command(STAFF, "event add", "trigger-fr");
        JsonNode view = fake.await("views.open", c -> "trigger-fr".equals(c.form().get("trigger_id"))).json("view");
        assertThat(view.get("title").get("text").asText()).isEqualTo("Ajouter un événement");
        assertThat(view.get("submit").get("text").asText()).isEqualTo("Envoyer");
        assertThat(view.get("close").get("text").asText()).isEqualTo("Annuler");
        assertThat(block(view, "title").get("label").get("text").asText()).isEqualTo("Titre");

        fake.push("events_api", SlackSocketModeEndToEndTest.event("Ev0HOMEFR", """
                {"type":"app_home_opened","user":"U0STAFF","channel":"D0STAFF","tab":"home","event_ts":"1700000600.000300"}"""))
                .get(3, TimeUnit.SECONDS);
        JsonNode home = fake.await("views.publish", c -> STAFF.equals(c.form().get("user_id"))).json("view");
        assertThat(home.get("blocks").toString()).contains("Formulaires du personnel", "Ajouter un événement",
                "Modifier un événement", "Déplacer un événement", "Rédiger une annonce", "Vos prochains événements",
                "Vos abonnements", "S'abonner").doesNotContain("Your next events").doesNotContain("\"Subscribe\"");

        homeClick(STAFF, button(home, "form_event-move"), "trigger-fr-move");
        JsonNode pick = fake.await("views.open", c -> "trigger-fr-move".equals(c.form().get("trigger_id"))).json("view");
        assertThat(pick.get("title").get("text").asText()).isEqualTo("Déplacer un événement");
        assertThat(block(pick, "id").get("label").get("text").asText()).isEqualTo("Identifiant de l'événement");

        // a card in an answer: its Subscribe button in French too
        String next = command(STAFF, "next council", "trigger-fr-next");
        assertThat(fake.await(next).bodyJson().get("blocks").toString()).contains("S'abonner", "Comités")
                .doesNotContain("Committees");
        // help in French is core's own; it hides staff commands from a member as the English one does
        String memberHelp = command(MEMBER, "help", "trigger-fr-help");
        String staffHelp = command(STAFF, "help", "trigger-fr-help-staff");
        assertThat(fake.await(memberHelp).bodyJson().get("text").asText()).contains("Commandes")
                .doesNotContain("event-add").doesNotContain("announce");
        assertThat(fake.await(staffHelp).bodyJson().get("text").asText()).contains("event-add");
    }

    @Test
    void helpOnSlackListsNoStaffCommandForAMember() throws Exception {
        String member = command(MEMBER, "help", "trigger-help-1");
        String staff = command(STAFF, "help", "trigger-help-2");
        String memberHelp = fake.await(member).bodyJson().toString();
        String staffHelp = fake.await(staff).bodyJson().toString();
        assertThat(memberHelp).contains("/ccnso next").doesNotContain("event-add").doesNotContain("/ccnso announce")
                .doesNotContain("/ccnso audit").doesNotContain("/ccnso forms");
        assertThat(staffHelp).contains("/ccnso next").contains("event-add").contains("/ccnso announce");
    }

    // ---- payloads as Slack sends them ----

    /** A /ccnso command; returns the path of its response_url on the fake. */
    private String command(String user, String text, String triggerId) throws Exception {
        String url = fake.responseUrl("cmd-" + n.incrementAndGet());
        ObjectNode p = FakeSlack.JSON.createObjectNode();
        p.put("token", "x");
        p.put("team_id", "T0CCNSO");
        p.put("channel_id", "C0GENERAL");
        p.put("channel_name", "general");
        p.put("user_id", user);
        p.put("user_name", user.toLowerCase());
        p.put("command", "/ccnso");
        p.put("text", text);
        p.put("api_app_id", "A0CCNSO");
        p.put("response_url", url);
        p.put("trigger_id", triggerId);
        fake.push("slash_commands", p).get(3, TimeUnit.SECONDS);
        return url.substring(url.indexOf("/respond/"));
    }

    /**
     * The view_submission of {@code view} (as views.open received it) with these values, the others left as the view
     * had them ("" clears a field); returns the ack frame.
     */
    private JsonNode submit(String user, JsonNode view, Map<String, String> values) throws Exception {
        ObjectNode state = FakeSlack.JSON.createObjectNode();
        ObjectNode all = state.putObject("values");
        for (JsonNode b : view.get("blocks")) {
            if (!"input".equals(b.get("type").asText())) {
                continue;
            }
            String id = b.get("block_id").asText();
            ObjectNode value = all.putObject(id).putObject(b.get("element").get("action_id").asText());
            value.put("type", b.get("element").get("type").asText());
            String v = values.get(id);
            if (v == null && b.get("element").has("initial_value")) {
                value.put("value", b.get("element").get("initial_value").asText());  // left as it was
            } else if (v == null || v.isEmpty()) {
                value.putNull("value");
            } else {
                value.put("value", v);
            }
        }
        ObjectNode submitted = view.deepCopy();
        submitted.put("id", "VM" + n.incrementAndGet());
        submitted.put("team_id", "T0CCNSO");
        submitted.set("state", state);
        ObjectNode p = FakeSlack.JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", "T0CCNSO").put("domain", "ccnso");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0CCNSO");
        p.put("api_app_id", "A0CCNSO");
        p.put("token", "x");
        p.put("trigger_id", "submit-" + n.incrementAndGet());
        p.set("view", submitted);
        p.putArray("response_urls");
        return fake.push("interactive", p).get(3, TimeUnit.SECONDS);
    }

    private void homeClick(String user, JsonNode button, String triggerId) throws Exception {
        ObjectNode p = click(user, button, triggerId);
        p.putObject("container").put("type", "view").put("view_id", "V1");
        p.putObject("view").put("id", "V1").put("type", "home").putArray("blocks");
        fake.push("interactive", p).get(3, TimeUnit.SECONDS);
    }

    private void messageClick(String user, JsonNode button, String triggerId, String responseUrl) throws Exception {
        ObjectNode p = click(user, button, triggerId);
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000001")
                .put("channel_id", "C0GENERAL").put("is_ephemeral", true);
        p.putObject("channel").put("id", "C0GENERAL").put("name", "general");
        p.put("response_url", responseUrl);
        fake.push("interactive", p).get(3, TimeUnit.SECONDS);
    }

    private ObjectNode click(String user, JsonNode button, String triggerId) {
        ObjectNode p = FakeSlack.JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0CCNSO");
        p.put("api_app_id", "A0CCNSO");
        p.put("token", "x");
        p.put("trigger_id", triggerId);
        p.putObject("team").put("id", "T0CCNSO").put("domain", "ccnso");
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", button.get("action_id").asText());
        action.put("block_id", "b1");
        action.put("value", button.get("value").asText());
        action.put("type", "button");
        action.set("text", button.get("text"));
        action.put("action_ts", "1700000" + n.incrementAndGet() + ".000100");
        return p;
    }

    private static List<String> blockIds(JsonNode view) {
        List<String> ids = new java.util.ArrayList<>();
        view.get("blocks").forEach(b -> {
            if ("input".equals(b.get("type").asText())) {
                ids.add(b.get("block_id").asText());
            }
        });
        return ids;
    }

    private static JsonNode block(JsonNode view, String id) {
        for (JsonNode b : view.get("blocks")) {
            if (b.has("block_id") && b.get("block_id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no block " + id + " in " + view);
    }

    private static String initial(JsonNode view, String id) {
        JsonNode v = block(view, id).get("element").get("initial_value");
        return v == null ? null : v.asText();
    }

    private static JsonNode findActions(JsonNode blocks) {
        for (JsonNode b : blocks) {
            if ("actions".equals(b.get("type").asText())) {
                return b.get("elements");
            }
        }
        throw new AssertionError("no actions block in " + blocks);
    }

    private static JsonNode button(JsonNode view, String actionId) {
        for (JsonNode b : view.get("blocks")) {
            if (b.has("elements")) {
                for (JsonNode e : b.get("elements")) {
                    if (e.has("action_id") && e.get("action_id").asText().equals(actionId)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("no button " + actionId);
    }
}
