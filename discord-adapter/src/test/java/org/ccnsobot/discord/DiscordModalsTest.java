package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.discord.FakeDiscord.BOT;
import static org.ccnsobot.discord.FakeDiscord.MEMBER;
import static org.ccnsobot.discord.FakeDiscord.MEMBER_ROLE;
import static org.ccnsobot.discord.FakeDiscord.STAFFER;
import static org.ccnsobot.discord.FakeDiscord.STAFF_ROLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccnsobot.config.StaffRule;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.ChannelRole;
import org.ccnsobot.port.PlatformContext;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 4: staff forms as Discord modals, end to end: the real JDA against {@link FakeDiscord}, the real
 * core on a seeded SQLite file. A form button (a type-3 component interaction) is answered with a type-9 MODAL
 * callback holding the fields, pre-filled; a submission (a type-5 MODAL_SUBMIT) runs the same typed command as the
 * slash command, with the same checks; a refused one comes back privately with "Fix it", which opens the form again
 * with what was typed, after a restart too; a member is refused privately and nothing changes.
 */
class DiscordModalsTest {
    static final List<String> STAFF = List.of(STAFF_ROLE);

    @TempDir
    Path dir;
    FakeDiscord fake;
    BotFixture bot;
    DiscordPlatform platform;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDiscord();
        // announcements go to a recording platform's channel; the staff member asks on Discord
        bot = BotFixture.builder().at(BotFixture.NEWSLETTER_DAY)
                .staff("discord", new StaffRule(List.of(), List.of(STAFF_ROLE)))
                .platform("chat", p -> p.withChannel(ChannelRole.ANNOUNCEMENTS, "news")).started(false).open(dir);
        platform = startPlatform();
    }

    private DiscordPlatform startPlatform() throws Exception {
        DiscordPlatform p = (DiscordPlatform) new DiscordProvider().create(TestSections.of(fake.section()),
                new PlatformContext(bot.bot().clock()));
        p.start(bot.bot());
        return p;
    }

    /** The bot process stops and starts again on the same database; Discord (the fake) stays. */
    private void restart() throws Exception {
        platform.close();
        bot.restart();
        platform = startPlatform();
    }

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        bot.close();
        fake.close();
    }

    @Test
    void staffOpenAddAnEventFromFormsAndAValidSubmissionIsSavedInTheStore() throws Exception {
        String menu = fake.slash("forms", null, STAFFER, STAFF);
        JsonNode listed = answer(menu);
        assertThat(buttons(listed)).containsEntry("Add an event", "form:event-add|")
                .containsEntry("Write an announcement", "form:announce|");

        JsonNode modal = modal(fake.button("form:event-add|", STAFFER, STAFF));
        assertThat(modal.path("custom_id").asText()).isEqualTo("mf:event-add|");
        assertThat(modal.path("title").asText()).isEqualTo("Add an event");
        assertThat(fields(modal, "custom_id")).containsExactly("title", "date", "start", "end", "meeting");
        assertThat(labels(modal)).containsExactly("Title", "Date", "Start (venue time)", "End (venue time)", "Meeting");
        assertThat(field(modal, "title").path("required").asBoolean()).isTrue();
        assertThat(field(modal, "start").path("required").asBoolean()).isFalse();

        JsonNode added = answer(fake.modalSubmit("mf:event-add|", STAFFER, STAFF, values("title", "GRC working session",
                "date", "2024-03-05", "start", "10:30", "end", "12:00", "meeting", "ICANN79")));
        assertThat(added.path("content").asText()).startsWith("Added: ");
        Event saved = bot.bot().calendar().event("grc-working-session-20240305").orElseThrow();
        assertThat(saved.meetingCode()).isEqualTo("ICANN79");
        assertThat(saved.start()).as("10:30 in San Juan").isEqualTo(Instant.parse("2024-03-05T14:30:00Z"));
        assertThat(saved.end()).isEqualTo(Instant.parse("2024-03-05T16:00:00Z"));
    }

    @Test
    void anInvalidDateComesBackPrivatelyNothingIsSavedAndFixItReopensWhatWasTypedAfterARestart() throws Exception {
        int before = BotFixture.snapshot(bot.bot()).size();
        String token = fake.modalSubmit("mf:event-add|", STAFFER, STAFF, values("title", "GRC working session",
                "date", "2024-02-31", "start", "10:30", "end", "", "meeting", ""));
        JsonNode refused = privateAnswer(token);
        assertThat(refused.path("content").asText())
                .isEqualTo("'2024-02-31' is not a date; write it like 2024-03-05 or 5 March 2024");
        assertThat(BotFixture.snapshot(bot.bot())).hasSize(before);
        String fix = buttons(refused).get("Fix it");
        assertThat(fix).matches("form:event-add\\|_draft=\\d+");

        restart();
        JsonNode again = modal(fake.button(fix, STAFFER, STAFF));
        assertThat(field(again, "title").path("value").asText()).isEqualTo("GRC working session");
        assertThat(field(again, "date").path("value").asText()).isEqualTo("2024-02-31");
        assertThat(field(again, "start").path("value").asText()).isEqualTo("10:30");
        assertThat(field(again, "end").has("value")).isFalse();
    }

    @Test
    void theEditAndMoveFormsArePrefilledFromTheStoredEventAndSaveThroughTheSameCommands() throws Exception {
        JsonNode listed = answer(fake.slash("forms", FakeDiscord.options("event", 3, "council-202"), STAFFER, STAFF));
        assertThat(buttons(listed)).containsEntry("Edit", "form:event-edit|id=council-202")
                .containsEntry("Move", "form:event-move|id=council-202");

        JsonNode edit = modal(fake.button("form:event-edit|id=council-202", STAFFER, STAFF));
        assertThat(edit.path("custom_id").asText()).isEqualTo("mf:event-edit|id=council-202");
        assertThat(fields(edit, "custom_id")).containsExactly("title", "room", "committees", "access", "description");
        assertThat(field(edit, "title").path("value").asText()).isEqualTo("ccNSO Council meeting 202");
        assertThat(field(edit, "committees").path("value").asText()).isEqualTo("Council");
        assertThat(field(edit, "access").path("value").asText()).isEqualTo("open");
        assertThat(field(edit, "description").path("style").asInt()).as("paragraph").isEqualTo(2);
        assertThat(field(edit, "description").path("value").asText()).startsWith("The 202nd meeting of the ccNSO Council.");

        Map<String, String> typed = values("title", "ccNSO Council meeting 202", "room", "Ballroom A",
                "committees", "Council", "access", "open", "description", "Agenda to follow.");
        JsonNode updated = answer(fake.modalSubmit("mf:event-edit|id=council-202", STAFFER, STAFF, typed));
        assertThat(updated.path("content").asText()).startsWith("Updated: ");
        Event e = bot.bot().calendar().event("council-202").orElseThrow();
        assertThat(e.room()).isEqualTo("Ballroom A");
        assertThat(e.description()).isEqualTo("Agenda to follow.");

        JsonNode move = modal(fake.button("form:event-move|id=council-202", STAFFER, STAFF));
        assertThat(fields(move, "custom_id")).containsExactly("date", "start", "end", "end-date");
        assertThat(field(move, "date").path("value").asText()).isEqualTo("2024-02-15");
        assertThat(field(move, "start").path("value").asText()).isEqualTo("18:00");

        JsonNode moved = answer(fake.modalSubmit("mf:event-move|id=council-202", STAFFER, STAFF,
                values("date", "2024-02-16", "start", "19:00", "end", "", "end-date", "")));
        assertThat(moved.path("content").asText()).startsWith("Moved: ");
        Event m = bot.bot().calendar().event("council-202").orElseThrow();
        assertThat(m.start()).isEqualTo(Instant.parse("2024-02-16T19:00:00Z"));
        assertThat(m.status()).isEqualTo(EventStatus.MOVED);
        assertThat(m.room()).as("the edit is kept").isEqualTo("Ballroom A");
    }

    @Test
    void theAnnouncementFormPreviewsWithConfirmEditAndCancelAndEditReopensTheDraft() throws Exception {
        JsonNode modal = modal(fake.button("form:announce|", STAFFER, STAFF));
        assertThat(modal.path("title").asText()).isEqualTo("Write an announcement");
        assertThat(fields(modal, "custom_id")).containsExactly("text", "at", "to", "ping");
        assertThat(field(modal, "text").path("style").asInt()).isEqualTo(2);

        JsonNode preview = answer(fake.modalSubmit("mf:announce|", STAFFER, STAFF, values("text",
                "Registration for ICANN80 is open.\n\nSee you in Kigali.", "at", "", "to", "", "ping", "")));
        assertThat(preview.path("flags").asInt() & 64).as("a preview is for its author").isEqualTo(64);
        assertThat(preview.path("content").asText()).startsWith("Preview of announcement A1")
                .contains("Registration for ICANN80 is open.");
        assertThat(buttons(preview)).containsExactly(Map.entry("Confirm", "run:0|announce|text=confirm+A1"),
                Map.entry("Edit", "form:announce|draft=A1"), Map.entry("Cancel", "run:0|announce|text=cancel+A1"));

        JsonNode edit = modal(fake.button("form:announce|draft=A1", STAFFER, STAFF));
        assertThat(field(edit, "text").path("value").asText()).isEqualTo("Registration for ICANN80 is open.\n\nSee you in Kigali.");

        JsonNode again = answer(fake.modalSubmit("mf:announce|", STAFFER, STAFF, values("text",
                "Registration for ICANN80 is open until Friday.", "at", "", "to", "", "ping", "")));
        assertThat(again.path("content").asText()).startsWith("Preview of announcement A2")
                .contains("open until Friday.");
        assertThat(buttons(again)).containsEntry("Edit", "form:announce|draft=A2");
    }

    @Test
    void aMemberWhoTriggersAFormIsRefusedPrivatelyAndNothingChanges() throws Exception {
        for (String button : List.of("form:event-add|", "form:event-edit|id=council-202", "form:announce|")) {
            String token = fake.button(button, MEMBER, List.of(MEMBER_ROLE));
            JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
            assertThat(callback.path("type").asInt()).as(button + ": no modal").isEqualTo(4);
            assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
            assertThat(callback.path("data").path("content").asText()).endsWith("is for ccNSO staff only.");
        }
        int before = BotFixture.snapshot(bot.bot()).size();
        String token = fake.modalSubmit("mf:event-edit|id=council-202", MEMBER, List.of(MEMBER_ROLE), values(
                "title", "Hijacked", "room", "", "committees", "", "access", "closed", "description", ""));
        JsonNode refused = privateAnswer(token);
        assertThat(refused.path("content").asText()).isEqualTo("'event-edit' is for ccNSO staff only.");
        assertThat(refused.path("components")).as("nothing to fix").isEmpty();
        assertThat(bot.bot().calendar().event("council-202").orElseThrow().title()).isEqualTo("ccNSO Council meeting 202");
        assertThat(BotFixture.snapshot(bot.bot())).hasSize(before);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The answer to an interaction: the callback's own message, or the edit of a deferred reply. */
    private JsonNode answer(String token) throws InterruptedException {
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        if (callback.path("type").asInt() == 4) {
            return callback.path("data");
        }
        assertThat(callback.path("type").asInt()).as("deferred").isEqualTo(5);
        return fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
    }

    /**
     * An answer only its asker sees, never shown in the channel first: the callback's own ephemeral message (core
     * answered at once), or a private deferral (flags 64, when core is slow) and then its edit.
     */
    private JsonNode privateAnswer(String token) throws InterruptedException {
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).isIn(4, 5);
        assertThat(callback.path("data").path("flags").asInt() & 64).as("privately: " + callback).isEqualTo(64);
        return callback.path("type").asInt() == 4 ? callback.path("data")
                : fake.await("PATCH", "/webhooks/" + BOT + "/" + token + "/messages/@original").body();
    }

    /** The modal the bot answered a click with (a type-9 callback), checked against Discord's bounds by the fake. */
    private JsonNode modal(String token) throws InterruptedException {
        JsonNode callback = fake.await("POST", "/interactions/\\d+/" + token + "/callback").body();
        assertThat(callback.path("type").asInt()).as("MODAL: " + callback).isEqualTo(9);
        assertThat(FakeDiscord.invalidModal(callback.path("data"))).isNull();
        return callback.path("data");
    }

    private static List<String> fields(JsonNode modal, String key) {
        return java.util.stream.StreamSupport.stream(modal.path("components").spliterator(), false)
                .map(c -> c.path("component").path(key).asText()).toList();
    }

    private static List<String> labels(JsonNode modal) {
        return java.util.stream.StreamSupport.stream(modal.path("components").spliterator(), false)
                .map(c -> c.path("label").asText()).toList();
    }

    private static JsonNode field(JsonNode modal, String id) {
        for (JsonNode c : modal.path("components")) {
            if (c.path("component").path("custom_id").asText().equals(id)) {
                return c.path("component");
            }
        }
        throw new AssertionError("no field " + id + " in " + modal);
    }

    /** Label to custom id of every button in a message, in order. */
    private static Map<String, String> buttons(JsonNode message) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode b : row.path("components")) {
                out.put(b.path("label").asText(), b.path("custom_id").asText());
            }
        }
        return out;
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
