package org.ccnsobot.features.calendaradmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccnsobot.testing.BotFixture.snapshot;
import static org.ccnsobot.testing.BotFixture.staff;

import java.nio.file.Path;
import org.ccnsobot.testing.BotFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.domain.Event;
import org.ccnsobot.domain.EventStatus;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calendar management through the bot, as staff type it: every refusal leaves the store exactly as it was. */
class StaffCommandsTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final String ADD = "event add \"GRC working session\" --date 2024-03-05 --weekday Tuesday"
            + " --start 10:30 --end 12:00 --meeting ICANN79 --room \"209 ABC\" --committees GRC --access closed";

    @TempDir
    Path dir;
    Bot bot;
    ManualClock clock;

    @BeforeEach
    void open() throws Exception {
        clock = new ManualClock(NOW);
        bot = BotFixture.seedBot(dir, clock);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String ok(String command) {
        Reply r = staff(bot, command);
        assertThat(r.text()).doesNotStartWith("Refused").doesNotContain("Something went wrong");
        return r.text();
    }

    private String refused(String command) {
        List<Event> before = snapshot(bot);
        Reply r = staff(bot, command);
        assertThat(snapshot(bot)).as("nothing was written by: " + command).isEqualTo(before);
        assertThat(r.personal()).isTrue();
        return r.text();
    }

    private Event event(String id) {
        return bot.calendar().event(id).orElseThrow();
    }

    @Test
    void addEditMoveCancel() {
        assertThat(ok(ADD)).startsWith("Added: Tue 5 Mar 2024 14:30 UTC to 16:00 UTC · 10:30 AST, San Juan"
                + " — GRC working session [grc-working-session-20240305]");
        Event e = event("grc-working-session-20240305");
        assertThat(e.meetingCode()).isEqualTo("ICANN79");
        assertThat(e.committees()).containsExactly("GRC");
        assertThat(e.room()).isEqualTo("209 ABC");
        // the seed's GRC workshops on 2 March come first for "next grc"; the new session is on its day
        assertThat(BotFixture.ask(bot, "schedule 5 march")).contains("GRC working session");

        assertThat(ok("event edit grc-working-session-20240305 --title \"GRC workshop\" --room \"Ballroom A\""))
                .startsWith("Updated:").contains("GRC workshop").contains("Room: Ballroom A");
        assertThat(event("grc-working-session-20240305").sequence()).isEqualTo(1);

        assertThat(ok("event move grc-working-session-20240305 --date 2024-03-06 --start 13:00")).startsWith("Moved:")
                .contains("Wed 6 Mar 2024 17:00 UTC to 18:30 UTC");
        Event moved = event("grc-working-session-20240305");
        assertThat(moved.status()).isEqualTo(EventStatus.MOVED);
        assertThat(moved.date()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(moved.sequence()).as("a move raises SEQUENCE by one").isEqualTo(2);

        assertThat(ok("event cancel grc-working-session-20240305")).startsWith("Cancelled");
        assertThat(event("grc-working-session-20240305").status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(event("grc-working-session-20240305").sequence()).as("so does a cancellation").isEqualTo(3);
        assertThat(BotFixture.ask(bot, "event grc-working-session-20240305")).contains("CANCELLED");
        assertThat(refused("event cancel grc-working-session-20240305")).contains("already cancelled");
    }

    @Test
    void aWeekdayThatDoesNotMatchTheDateIsRefused() {
        assertThat(refused("event add \"Council\" --date \"Thursday 6 March 2024\" --meeting ICANN79"))
                .isEqualTo("Refused: 2024-03-06 is a Wednesday, not a Thursday; check the date or the weekday."
                        + " Nothing was changed.");
        assertThat(refused("event add \"Council\" --date 2024-03-06 --weekday thu --meeting ICANN79"))
                .startsWith("Refused: 2024-03-06 is a Wednesday, not a Thursday");
    }

    @Test
    void aSessionPastMidnightTakesEndDateAndTheReplySaysSo() {
        String reply = ok("event add \"Late social\" --date 2024-03-05 --start 22:00 --end 01:30"
                + " --end-date 2024-03-06 --meeting ICANN79 --id late-social");
        assertThat(reply).contains("Ends the next day, Wed 6 Mar 2024 at 01:30 AST.");
        Event e = event("late-social");
        assertThat(java.time.Duration.between(e.start(), e.end())).isEqualTo(java.time.Duration.ofMinutes(210));
        assertThat(refused("event add x --date 2024-03-05 --start 22:00 --end-date 2024-03-06 --meeting ICANN79"))
                .startsWith("--end-date needs --end as well");
        assertThat(refused("event add x --date 2024-03-05 --start 22:00 --end 01:00 --end-date 2024-03-20"
                + " --meeting ICANN79")).startsWith("Refused: --end-date must be from 2024-03-05 to a week after it");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThat(refused("event add x --date 2024-03-05 --start 12:00 --end 11:00 --meeting ICANN79"))
                .startsWith("Refused: it would end (11:00) before it starts (12:00)");
        ok(ADD);
        assertThat(refused("event move grc-working-session-20240305 --end 09:00"))
                .startsWith("Refused: it would end (09:00) before it starts (10:30)");
    }

    @Test
    void anUnknownZoneIsRefused() {
        assertThat(refused("event add x --date 2024-03-05 --start 12:00 --zone Mars/Olympus"))
                .contains("'Mars/Olympus' is not an IANA time zone");
        assertThat(refused("event add x --date 2024-03-05 --start 12:00 --zone America/Puerto_Rco"))
                .contains("did you mean America/Puerto_Rico");
    }

    @Test
    void zonesOnlyIcal4jKnowsAreNotAccepted() throws Exception {
        // ical4j's zone provider adds "ical4j~<uuid>" ids that do not survive a restart
        String foreign = java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("ical4j~"))
                .findFirst().orElse("ical4j~00000000-0000-0000-0000-000000000000");
        assertThat(refused("event add x --date 2024-03-05 --start 12:00 --zone " + foreign))
                .contains("is not an IANA time zone");
        assertThat(BotFixture.ask(bot, "timezone " + foreign)).contains("is not an IANA time zone");
        assertThat(bot.complete("timezone", "zone", "0", 25)).allSatisfy(c -> assertThat(c.value()).doesNotContain("~"));
    }

    @Test
    void aDoubleBookedRoomIsRefusedUnlessForced() {
        ok(ADD);
        assertThat(refused("event add \"DASC chat\" --date 2024-03-05 --start 11:30 --end 12:30 --meeting ICANN79"
                + " --room \"209 abc\"")).isEqualTo("Refused: room 209 abc is already booked then for 'GRC working"
                + " session' [grc-working-session-20240305], 10:30 AST to 12:00 AST; pick another room or time, or add"
                + " --force. Nothing was changed.");
        // back to back is fine; another room is fine
        ok("event add \"DASC chat\" --date 2024-03-05 --start 12:00 --end 12:30 --meeting ICANN79 --room \"209 ABC\"");
        ok("event add \"UAC chat\" --date 2024-03-05 --start 11:00 --end 11:30 --meeting ICANN79 --room \"Ballroom B\"");
        assertThat(refused("event edit uac-chat-20240305 --room \"209 ABC\"")).startsWith("Refused: room 209 ABC");
        assertThat(refused("event move dasc-chat-20240305 --start 11:45")).startsWith("Refused: room 209 ABC");
        assertThat(ok("event add \"Overflow\" --date 2024-03-05 --start 11:00 --meeting ICANN79 --room \"209 ABC\" --force"))
                .contains("Warning: room 209 ABC is already booked");
    }

    @Test
    void softIssuesAreSavedWithAWarning() {
        ok(ADD);
        assertThat(ok("event add \"GRC call\" --date 2024-03-05 --start 11:00 --end 11:30 --meeting ICANN79"
                + " --room \"Ballroom B\" --committees GRC")).startsWith("Added:")
                .endsWith("Warning: it overlaps 'GRC working session' [grc-working-session-20240305] of the GRC.");
        assertThat(ok("event add \"Look back\" --date 2024-02-20 --start 10:00 --zone UTC"))
                .endsWith("Warning: it is in the past.");
        assertThat(bot.calendar().event("grc-call-20240305")).isPresent();
    }

    @Test
    void aDateOutsideTheMeetingIsRefused() {
        assertThat(refused("event add x --date 2024-03-12 --meeting ICANN79"))
                .startsWith("Refused: 2024-03-12 is outside ICANN79 (2024-03-02 to 2024-03-07)");
        ok("event add x --date 2024-03-05 --meeting ICANN79");
        assertThat(refused("event move x-20240305 --date 2024-03-09")).startsWith("Refused: 2024-03-09 is outside ICANN79");
    }

    @Test
    void aTimeTheClocksSkipIsRefused() {
        assertThat(refused("event add x --date 2024-03-10 --start 02:30 --zone America/New_York"))
                .contains("02:30 does not exist on 2024-03-10 in America/New_York");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event add", "event add \"\" --date 2024-03-05", "event add x", "event add x --date someday",
            "event add x --date 2024-03-05 --end 10:00", "event add x --date 2024-03-05 --start 25:00",
            "event add x --date 2024-03-05 --committees NOPE", "event add x --date 2024-03-05 --access secret",
            "event add x --date 2024-03-05 --id BAD_ID", "event add x --date 2024-03-05 --id council-202",
            "event add x --date 2024-03-05 --bogus 1", "event edit nope --title y", "event edit council-202",
            "event move council-202", "event move nope --date 2024-03-05", "event cancel nope", "update NOPE text",
            "update GRC", "import /no/such/file.ics", "import http://127.0.0.1:1/x.ics"})
    void badStaffInputIsRefusedWithAReasonAndChangesNothing(String command) {
        String reason = refused(command);
        assertThat(reason).isNotBlank().doesNotContain("Something went wrong");
    }

    @Test
    void nonStaffAreRefusedAndAudited() {
        Actor member = new Actor("discord", "u-42", "Member", Set.of("role-member"));
        Place place = new Place("discord", "c-1", false);
        List<Event> before = snapshot(bot);
        Reply r = bot.handle(Invocation.text(member, place, ADD, clock.instant()));
        assertThat(r.text()).isEqualTo("'event-add' is for ccNSO staff only.");
        Reply typed = bot.handle(Invocation.command(member, place, "event-cancel", Map.of("id", "council-202"),
                clock.instant()));
        assertThat(typed.text()).isEqualTo("'event-cancel' is for ccNSO staff only.");
        assertThat(snapshot(bot)).isEqualTo(before);
        List<AuditLog.Entry> audit = new AuditLog(bot.database()).since(Instant.EPOCH, 100);
        assertThat(audit).extracting(AuditLog.Entry::platform, AuditLog.Entry::userId, AuditLog.Entry::action,
                AuditLog.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("discord", "u-42", "event-add", "refused: not staff"),
                org.assertj.core.groups.Tuple.tuple("discord", "u-42", "event-cancel", "refused: not staff"));
        assertThat(BotFixture.ask(bot, "help")).doesNotContain("event-add");
    }

    @Test
    void typedPlatformsUseTheSameCommandsWithNamedOptions() {
        Reply r = bot.handle(Invocation.command(BotFixture.STAFF, BotFixture.CONSOLE, "event-add",
                Map.of("title", "Tech Day prep", "date", "2024-03-04", "start", "09:00", "meeting", "ICANN79"),
                clock.instant()));
        assertThat(r.text()).startsWith("Added: ").contains("Tech Day prep [tech-day-prep-20240304]");
        assertThat(bot.commands()).extracting(c -> c.name()).contains("event-add", "event-edit", "event-move",
                "event-cancel", "update", "import", "audit", "ics");
    }

    @Test
    void committeeUpdatesArePostedAndMarkedWhenStale() {
        List<org.ccnsobot.domain.CommitteeUpdate> heard = new java.util.ArrayList<>();
        bot.calendar().onUpdateAdded(heard::add);
        assertThat(ok("update GRC The guidelines review is out for comment until 30 April."))
                .isEqualTo("Posted for the GRC (Fri 1 Mar 2024): The guidelines review is out for comment until 30 April.");
        assertThat(heard).singleElement().satisfies(u -> assertThat(u.author()).isEqualTo("Console Operator"));
        assertThat(BotFixture.ask(bot, "committee GRC")).contains("Fri 1 Mar 2024 (Console Operator): The guidelines review")
                .doesNotContain("possibly out of date");
        clock.advance(Duration.ofDays(91));
        assertThat(BotFixture.ask(bot, "committee GRC"))
                .contains("Fri 1 Mar 2024 (Console Operator) [possibly out of date: older than 90d]: The guidelines");
    }

    @Test
    void theAuditCommandListsWhoDidWhatAndWhatFailed() {
        ok(ADD);
        refused("event add x --date 2024-03-12 --meeting ICANN79");
        String audit = ok("audit --since 2024-02-29");
        assertThat(audit).startsWith("Audit since Thu 29 Feb 2024 (2 entries):")
                .contains("console:console — event-add — done")
                .contains("console:console — event-add — failed: Refused: 2024-03-12 is outside ICANN79");
    }
}
