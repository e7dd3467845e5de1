package org.ccnsobot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.ccnsobot.testing.BotFixture;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccnsobot.bot.Bot;
import org.ccnsobot.kernel.CommandException;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary text through the command parser of every command, and through the whole bot as a member would send
 * it: the parser either binds or gives a {@link CommandException}; the bot always answers and never reports an
 * internal fault. Members cannot run staff commands, so no input reaches the disk or the network. In
 * {@code mvn verify} the {@link FuzzTest} runs its stored inputs (regression mode, or 5 s with JAZZER_FUZZ=1);
 * {@link #randomAndMutatedInputs()} adds a fixed-seed sweep so the same property is exercised on every build.
 */
class CommandFuzzTest {
    private static final BotFixture FIXTURE = BotFixture.forJvm("fuzz-commands");
    private static final Bot BOT = FIXTURE.bot();
    private static final AtomicInteger EXECUTED = new AtomicInteger();

    @FuzzTest(maxDuration = "5s")
    void fuzzCommandText(byte[] data) {
        check(new String(data, StandardCharsets.UTF_8));
    }

    static void check(String text) {
        EXECUTED.incrementAndGet();
        LocalDate today = LocalDate.of(2024, 3, 1);
        for (CommandSpec spec : BOT.engine().specs()) {
            try {
                BOT.engine().bindText(spec, text, today);
            } catch (CommandException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        // past the rate limit window, so every input is really handled
        FIXTURE.clock().advance(Duration.ofSeconds(3));
        Reply r = BOT.handle(Invocation.text(BotFixture.MEMBER, BotFixture.PLACE, text, BOT.clock().instant()));
        assertThat(r.text()).isNotNull().doesNotContain("Something went wrong on our side");
    }

    @Test
    void randomAndMutatedInputs() throws Exception {
        String[] seeds = {"event add \"GRC\" --date 2024-03-05 --start 10:30", "next grc", "schedule 5 March",
                "when is tech day?", "timezone Europe/Brussels", "ics council-202", "committee tld ops",
                "event council-202", "help event-add", "/audit --since 2024-02-30 --limit -1"};
        Random random = new Random(20240305);
        String alphabet = " \"\u201c\u201d-–—:;,./\\'#@&%$!?()[]{}<>|=+*~`^_0123456789aeiouxyzAEIOUéß漢\uD83D\uDE00\t\n";
        for (int i = 0; i < 150; i++) {
            StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            int edits = 1 + random.nextInt(6);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> sb.insert(at, " --" + seeds[random.nextInt(seeds.length)].split(" ")[0] + " ");
                }
            }
            check(sb.toString());
        }
        check("x".repeat(5000));
        check("--" + "\"".repeat(999));
    }

    @AfterAll
    static void someInputsRan() {
        assertThat(EXECUTED.get()).as("inputs executed").isGreaterThan(0);
    }
}
