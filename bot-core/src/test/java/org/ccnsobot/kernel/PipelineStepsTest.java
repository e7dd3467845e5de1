package org.ccnsobot.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.features.audit.AuditLog;
import org.ccnsobot.store.Database;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the command pipeline on its own, with a stub for the rest of the chain. */
class PipelineStepsTest {
    private static final Instant NOW = Instant.parse("2024-02-10T12:00:00Z");
    private static final Actor MEMBER = new Actor("test", "m-1", "Member", Set.of());
    private static final Place PLACE = new Place("test", "c-1", false);
    private static final Middleware.Next OK = r -> Result.text("ok");

    @TempDir
    Path dir;

    private static Request request(String text, boolean staff) {
        return new Request(Invocation.text(MEMBER, PLACE, text, NOW), NOW, ZoneOffset.UTC, staff, null);
    }

    private static CommandSpec spec(String name, boolean staffOnly, CommandSpec.Handler handler) {
        return new CommandSpec(name, List.of(), "a test command",
                List.of(OptionSpec.optional("date", CommandInfo.OptionKind.DATE, "a date")), List.of(), staffOnly,
                false, handler);
    }

    @Test
    void theFaultBarrierTurnsAUserErrorIntoOneLineAndAFaultIntoAReference() {
        FaultBarrier barrier = new FaultBarrier();
        Result user = barrier.handle(request("x", false), r -> {
            throw new CommandException("No such committee.");
        });
        assertThat(user.personal()).isTrue();
        assertThat(user.message().fallbackText()).isEqualTo("No such committee.");
        Result fault = barrier.handle(request("x", false), r -> {
            throw new IllegalStateException("database on fire");
        });
        assertThat(fault.personal()).isTrue();
        assertThat(fault.message().fallbackText()).matches("Something went wrong on our side \\(reference [0-9a-f]{8}\\);"
                + " the staff can look it up in the log\\.").doesNotContain("fire");
    }

    @Test
    void theInputGuardRefusesOverlongTextAndControlCharactersWithoutCallingOn() throws Exception {
        InputGuard guard = new InputGuard();
        Middleware.Next never = r -> {
            throw new AssertionError("the guard let it through");
        };
        String member = "a".repeat(InputGuard.MAX_INPUT + 1);
        assertThatThrownBy(() -> guard.handle(request(member, false), never))
                .hasMessage("That is too long (2001 characters; the limit is 2000).");
        assertThat(guard.handle(request(member, true), OK).message().fallbackText()).isEqualTo("ok");
        assertThatThrownBy(() -> guard.handle(request("next\u202egrc", false), never))
                .hasMessage("That contains control characters (at position 5); please send plain text.");
        Request typed = new Request(Invocation.command(MEMBER, PLACE, "next", Map.of("filter", "a\u0007"), NOW), NOW,
                ZoneOffset.UTC, false, null);
        assertThatThrownBy(() -> guard.handle(typed, never)).hasMessageContaining("control characters");
        assertThat(guard.handle(request("next grc\n", false), OK).message().fallbackText()).isEqualTo("ok");
    }

    @Test
    void theRateLimitHoldsMembersToTheirWindowOnTheBotsClockAndLeavesStaffAlone() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        RateLimit limit = new RateLimit(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            limit.handle(request("next", false), OK);
        }
        assertThatThrownBy(() -> limit.handle(request("next", false), OK)).hasMessageContaining("faster than I answer");
        for (int i = 0; i < 10; i++) {
            assertThat(limit.handle(request("next", true), OK).message().fallbackText()).isEqualTo("ok");
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(limit.handle(request("next", false), OK).message().fallbackText()).isEqualTo("ok");
    }

    @Test
    void theStaffGateRefusesMembersWithAReasonForTheAuditAndLetsStaffThrough() throws Exception {
        StaffGate gate = new StaffGate();
        CommandSpec staffOnly = spec("event-add", true, (c, a) -> Result.text("added"));
        Request member = request("event add", false).routed(Target.Command.text(staffOnly, ""));
        assertThatThrownBy(() -> gate.handle(member, OK)).isInstanceOf(Refusal.class)
                .hasMessage("'event-add' is for ccNSO staff only.").extracting(e -> ((Refusal) e).reason())
                .isEqualTo("not staff");
        Request staff = request("event add", true).routed(Target.Command.text(staffOnly, ""));
        assertThat(gate.handle(staff, OK).message().fallbackText()).isEqualTo("ok");
        Request memberCommand = request("next", false).routed(Target.Command.text(spec("next", false,
                (c, a) -> Result.text("n")), ""));
        assertThat(gate.handle(memberCommand, OK).message().fallbackText()).isEqualTo("ok");
    }

    @Test
    void theAuditRecordsEveryStaffAttemptDoneFailedOrRefusedAndNoMemberCommand() throws Exception {
        try (Database db = Database.open(dir.resolve("audit.db"))) {
            AuditLog log = new AuditLog(db);
            AuditTrail audit = new AuditTrail(log);
            CommandSpec staffOnly = spec("event-add", true, (c, a) -> Result.text("added"));
            Request req = request("event add x", true).routed(Target.Command.text(staffOnly, "x"));
            audit.handle(req, OK);
            assertThatThrownBy(() -> audit.handle(req, r -> {
                throw new CommandException("Refused: the date 2024-02-30 does not exist.");
            })).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> audit.handle(req, r -> {
                throw new Refusal("'event-add' is for ccNSO staff only.", "not staff");
            })).isInstanceOf(Refusal.class);
            audit.handle(request("next", false).routed(Target.Command.text(spec("next", false,
                    (c, a) -> Result.text("n")), "")), OK);
            audit.handle(request("when is tech day", false).routed(new Target.Question("when is tech day", "when",
                    false)), OK);
            assertThat(log.since(Instant.EPOCH, 10)).extracting(AuditLog.Entry::action, AuditLog.Entry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("event-add", "done"),
                            org.assertj.core.groups.Tuple.tuple("event-add",
                                    "failed: Refused: the date 2024-02-30 does not exist."),
                            org.assertj.core.groups.Tuple.tuple("event-add", "refused: not staff"));
        }
    }

    @Test
    void theRouterFindsTypedAndTwoWordCommandsQuestionsAndTypos() throws Exception {
        CommandSpec next = spec("next", false, (c, a) -> Result.text("n"));
        CommandSpec add = spec("event-add", true, (c, a) -> Result.text("a"));
        CommandEngine engine = new CommandEngine(List.of(next, add), null);
        Router router = new Router(engine, word -> word.equalsIgnoreCase("grc"));
        List<Target> seen = new ArrayList<>();
        Middleware.Next record = r -> {
            seen.add(r.target());
            return Result.text("ok");
        };
        router.handle(request("event add GRC session", true), record);
        router.handle(request("/next grc", false), record);
        router.handle(request("when is tech day", false), record);
        router.handle(request("grc", false), record);
        router.handle(new Request(Invocation.command(MEMBER, PLACE, "next", Map.of("date", "5 march"), NOW), NOW,
                ZoneOffset.UTC, false, null), record);
        assertThat(seen.get(0)).isEqualTo(Target.Command.text(add, "GRC session"));
        assertThat(seen.get(1)).isEqualTo(Target.Command.text(next, "grc"));
        assertThat(seen.get(2)).isEqualTo(new Target.Question("when is tech day", "when", false));
        assertThat(seen.get(3)).isEqualTo(new Target.Question("grc", "grc", false));
        assertThat(seen.get(4)).isEqualTo(Target.Command.typed(next, Map.of("date", "5 march")));
        assertThatThrownBy(() -> router.handle(request("nxet", false), record))
                .hasMessage("Unknown command 'nxet'; did you mean next?");
        assertThatThrownBy(() -> router.handle(new Request(Invocation.command(MEMBER, PLACE, "gone", Map.of(), NOW),
                NOW, ZoneOffset.UTC, false, null), record)).hasMessageStartingWith("The command 'gone' no longer exists");
        assertThatThrownBy(() -> router.handle(request("  ", false), record)).hasMessageStartingWith("Nothing to do");
    }

    @Test
    void thePipelineRunsItsStepsInOrderAndNeverThrowsToThePlatform() {
        List<String> order = new ArrayList<>();
        Middleware a = (r, n) -> {
            order.add("a");
            return n.proceed(r);
        };
        Middleware b = (r, n) -> {
            order.add("b");
            throw new CommandException("stop at b");
        };
        Pipeline p = new Pipeline(List.of(a, b), new ManualClock(NOW), actor -> false, actor -> ZoneOffset.UTC);
        Reply reply = p.handle(Invocation.text(MEMBER, PLACE, "x", NOW));
        assertThat(order).containsExactly("a", "b");
        assertThat(reply.text()).isEqualTo("stop at b");
        assertThat(reply.personal()).isTrue();
    }
}
